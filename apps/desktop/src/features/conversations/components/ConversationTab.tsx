import { isAnswerOverdue } from '@switchboard/core';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../shared/time/clock';
import { Timer } from '../../../shared/time/Timer';
import { Avatar } from '../../../shared/ui/Avatar';
import type { ConversationEntry } from '../conversations-state';
import { systemText } from '../utils/system-text';
import { tabPreviewMessage } from '../utils/tab-preview';
import { PANEL_ID, tabId } from './ids';

/**
 * One contact tab with CXone's timers (seed 003): grey = total handling time, blue = how long the
 * customer has waited for an answer, purple = time in after-contact work since the end. *Beyond*:
 * past the queue's response-time target the tab turns urgent, in colour and in words.
 */
export const ConversationTab = ({
  entry,
  selected,
  onSelect,
}: {
  entry: ConversationEntry;
  selected: boolean;
  onSelect: (id: string) => void;
}) => {
  const { t } = useTranslation();
  const { summary } = entry;
  const { participation } = summary;
  const inWrapUp = participation.state === 'wrapup';
  const waitingSince =
    !inWrapUp && !summary.customerLeft && summary.waitingSince !== null ? summary.waitingSince : null;
  const now = useNow();
  const urgent = isAnswerOverdue({ waitingSince, responseTargetSeconds: summary.responseTargetSeconds, now });
  const last = tabPreviewMessage(entry.messages, summary.lastMessage);
  const preview = last ? (last.author === 'system' ? systemText(last, t) : last.body) : summary.queueName;
  const id = tabId(summary.id);

  return (
    <button
      type="button"
      role="tab"
      id={id}
      className={`tab${inWrapUp ? ' tab--wrapup' : ''}${waitingSince ? ' tab--waiting' : ''}${urgent ? ' tab--urgent' : ''}`}
      aria-selected={selected}
      aria-controls={selected ? PANEL_ID : undefined}
      aria-labelledby={`${id}-name ${id}-channel`}
      aria-describedby={`${id}-meta`}
      tabIndex={selected ? 0 : -1}
      onClick={() => onSelect(summary.id)}
    >
      <Avatar name={summary.customerName} />
      <span className="tab__main">
        <span className="tab__row">
          <span id={`${id}-name`} className="tab__name">
            {summary.customerName}
          </span>
          <span id={`${id}-channel`} className="tab__channel">
            {t(`channels.${summary.channel}`)}
          </span>
        </span>
        <span id={`${id}-meta`} className="tab__meta">
          {urgent && <span className="tab__urgent">{t('conversations.urgent')}</span>}
          <span className="tab__preview">
            {summary.customerLeft && !inWrapUp ? t('conversations.customerLeft') : preview}
          </span>
          <span className="tab__timers">
            <Timer since={participation.joinedAt} label={t('conversations.handlingTime')} tone="grey" />
            {waitingSince && (
              <Timer since={waitingSince} label={t('conversations.waitingTime')} tone="blue" />
            )}
            {inWrapUp && (
              <Timer
                since={participation.endedAt ?? participation.joinedAt}
                label={t('conversations.wrapUpTime')}
                tone="purple"
              />
            )}
          </span>
        </span>
      </span>
    </button>
  );
};
