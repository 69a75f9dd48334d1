import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../../app/desk/desk-context';
import { useNow } from '../../../shared/time/clock';
import { InteractionHistory } from '../../history/components/InteractionHistory';
import { ConferenceStatus, TransferActions } from '../../transfer/components/TransferActions';
import { WrapUpDialog } from '../../wrap-up/components/WrapUpDialog';
import type { ConversationEntry } from '../conversations-state';
import { windowOf } from '../utils/compose-rules';
import { Composer } from './Composer';
import { CopyTranscriptButton } from './CopyTranscriptButton';
import { EndConfirmDialog } from './EndConfirmDialog';
import { PANEL_ID, tabId } from './ids';
import { MessageThread } from './MessageThread';
import { TemplatePicker } from './TemplatePicker';

/** Drafts survive a switch of tab; they live as long as the desk. */
export type DraftStore = Map<string, string>;

/** The selected conversation: title, thread, composer, End and the wrap-up that follows it. */
export const InteractionPane = ({ entry, drafts }: { entry: ConversationEntry; drafts: DraftStore }) => {
  const { t } = useTranslation();
  const { actions, wrapUpReasons, dispositions, tags, idleReasons, quickResponses, user, focusRequest } =
    useDesk();
  const { summary } = entry;
  const now = useNow();
  const { state } = summary.participation;
  const active = state === 'active';
  // An administrator deleted the asset, or the conversation ended elsewhere: the agent can only end it.
  const assetDeleted = active && summary.entryPointDeleted === true;
  const interrupted = active && summary.status === 'ended' && !summary.customerLeft && !assetDeleted;
  const canSend = active && summary.status === 'active' && !summary.customerLeft && !assetDeleted;

  const [confirmOpen, setConfirmOpen] = useState(false);
  const [ending, setEnding] = useState(false);
  const [wrapUpOpen, setWrapUpOpen] = useState(false);
  const wrapUpButton = useRef<HTMLButtonElement>(null);

  const end = async () => {
    setEnding(true);
    const inWrapUp = await actions.endConversation(summary.id);
    setEnding(false);
    setConfirmOpen(false);
    setWrapUpOpen(inWrapUp);
  };

  const closeWrapUp = () => {
    setWrapUpOpen(false);
    // The End button that had the focus is gone; the Wrap-up button takes its place.
    requestAnimationFrame(() => wrapUpButton.current?.focus());
  };

  const onFocused = useCallback(() => actions.focusHandled(), [actions]);
  const onDraftChange = useCallback((draft: string) => drafts.set(summary.id, draft), [drafts, summary.id]);
  const onSend = useCallback((body: string) => actions.sendMessage(summary.id, body), [actions, summary.id]);

  return (
    <section className="pane" role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(summary.id)}>
      <header className="pane__header">
        <div className="pane__title-block">
          <h2 className="pane__title">{summary.customerName}</h2>
          <p className="pane__subtitle">
            {t(`channels.${summary.channel}`)} · {summary.queueName} · {summary.entryPointName}
            {summary.customerEmail && ` · ${summary.customerEmail}`}
          </p>
        </div>
        <div className="pane__actions">
          <CopyTranscriptButton entry={entry} />
          {summary.channel !== 'livechat' && (
            <InteractionHistory conversationId={summary.id} customer={summary.customerName} />
          )}
          {active && <TransferActions summary={summary} onLeft={() => setWrapUpOpen(true)} />}
          {active && !summary.conference && (
            <button
              className="button button--danger-outline"
              type="button"
              onClick={() => setConfirmOpen(true)}
            >
              {t('conversations.end')}
            </button>
          )}
          {state === 'wrapup' && (
            <button
              ref={wrapUpButton}
              className="button button--wrapup"
              type="button"
              onClick={() => setWrapUpOpen(true)}
            >
              {t('conversations.wrapUp')}
            </button>
          )}
        </div>
      </header>

      <ConferenceStatus summary={summary} />
      {active && summary.customerLeft && (
        <p className="banner banner--warning" role="status">
          {t('conversations.customerLeft')}
        </p>
      )}
      {assetDeleted && (
        <p className="banner banner--warning" role="alert">
          {t('conversations.assetDeleted')}
        </p>
      )}
      {interrupted && (
        <p className="banner banner--warning" role="status">
          {t('conversations.ended')}
        </p>
      )}
      {state === 'wrapup' && (
        <p className="banner banner--wrapup" role="status">
          {t('conversations.wrapUpPending')}
        </p>
      )}

      <MessageThread entry={entry} />

      {canSend &&
        summary.templates &&
        summary.templates.length > 0 &&
        windowOf({ channel: summary.channel, customerWroteAt: summary.customerWroteAt ?? null, now })
          ?.state === 'closed' && (
          <TemplatePicker
            templates={summary.templates}
            onSend={(name, parameters) => actions.sendTemplate(summary.id, name, parameters)}
          />
        )}
      {active && (
        <Composer
          channel={summary.channel}
          customerWroteAt={summary.customerWroteAt ?? null}
          composeLimit={summary.composeLimit}
          disabled={!canSend}
          initialDraft={drafts.get(summary.id) ?? ''}
          onDraftChange={onDraftChange}
          onSend={onSend}
          onSendFile={(file) => actions.sendFile(summary.id, file)}
          focusNonce={focusRequest?.conversationId === summary.id ? focusRequest.nonce : null}
          onFocused={onFocused}
          quickResponses={quickResponses}
          knownValues={{ agent_name: user.name, agent_id: user.id, customer_name: summary.customerName }}
        />
      )}

      <EndConfirmDialog
        open={confirmOpen}
        busy={ending}
        onConfirm={() => void end()}
        onCancel={() => setConfirmOpen(false)}
      />
      <WrapUpDialog
        open={wrapUpOpen}
        reasons={wrapUpReasons}
        dispositions={dispositions}
        tags={tags}
        idleReasons={idleReasons}
        onSubmit={(request) => actions.submitWrapUp(summary.id, request)}
        onClose={closeWrapUp}
      />
    </section>
  );
};
