import type { TConversationSummary } from '@switchboard/contracts';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../../app/desk/desk-context';
import { type TransferChoice, TransferDialog } from './TransferDialog';

/**
 * The pane's Transfer and Conference buttons with their dialogs, and in a conference End conference
 * (the first agent) or Exit conference (the added agent). `onLeft` opens the wrap-up once the agent
 * has left (the seeds: the wrap-up dialog appears).
 */
export const TransferActions = ({
  summary,
  onLeft,
}: {
  summary: TConversationSummary;
  onLeft: () => void;
}) => {
  const { t } = useTranslation();
  const { actions } = useDesk();
  const [dialog, setDialog] = useState<'transfer' | 'conference' | null>(null);
  const [leaving, setLeaving] = useState(false);
  const open = summary.status === 'active' && !summary.customerLeft;
  const free = open && !summary.conference && summary.conferenceRequest === null;

  const { channel } = summary;
  const loadTargets = useCallback(() => actions.loadTransferTargets(channel), [actions, channel]);

  const submit = async (choice: TransferChoice, comment: string) => {
    if (dialog === 'conference') {
      if (choice.type === 'agent' || choice.type === 'queue') {
        await actions.inviteToConference(
          summary.id,
          choice.type === 'agent' ? { agentId: choice.agentId } : { queueId: choice.queueId },
        );
      }
      setDialog(null);
      return;
    }
    await actions.transferConversation(summary.id, {
      target: choice,
      ...(comment === '' ? {} : { comment }),
    });
    setDialog(null);
    onLeft();
  };

  const leave = async (how: 'end' | 'exit') => {
    setLeaving(true);
    const left = await actions.leaveConference(summary.id, how);
    setLeaving(false);
    if (left) {
      onLeft();
    }
  };

  return (
    <>
      {free && (
        <>
          <button className="button" type="button" onClick={() => setDialog('transfer')}>
            {t('conversations.transfer')}
          </button>
          <button className="button" type="button" onClick={() => setDialog('conference')}>
            {t('conversations.conference')}
          </button>
        </>
      )}
      {summary.conference && summary.participation.role === 'owner' && (
        <button className="button" type="button" disabled={leaving} onClick={() => void leave('end')}>
          {t('conversations.endConference')}
        </button>
      )}
      {summary.conference && summary.participation.role === 'guest' && (
        <button className="button" type="button" disabled={leaving} onClick={() => void leave('exit')}>
          {t('conversations.exitConference')}
        </button>
      )}
      <TransferDialog
        open={dialog !== null}
        mode={dialog ?? 'transfer'}
        loadTargets={loadTargets}
        onSubmit={submit}
        onClose={() => setDialog(null)}
      />
    </>
  );
};

/** "Conference requested" while an invitation waits, "Conference" once two agents take part. */
export const ConferenceStatus = ({ summary }: { summary: TConversationSummary }) => {
  const { t } = useTranslation();
  if (summary.participation.state !== 'active') {
    return null;
  }
  if (summary.conference) {
    return (
      <p className="banner banner--info" role="status">
        {t('conversations.conference')}
      </p>
    );
  }
  if (summary.conferenceRequest) {
    return (
      <p className="banner banner--info" role="status">
        {t('conversations.conferenceRequested')} · {summary.conferenceRequest.agentName}
      </p>
    );
  }
  return null;
};
