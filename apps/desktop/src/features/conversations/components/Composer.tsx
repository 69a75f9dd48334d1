import type { TChannel, TQuickResponse } from '@switchboard/contracts';
import { SENDABLE_FILE_TYPES } from '@switchboard/contracts/constants';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../shared/time/clock';
import { formatDuration } from '../../../shared/time/format-duration';
import { describeError } from '../../i18n/describe-error';
import { QuickResponsePane } from '../../quick-responses/components/QuickResponsePane';
import { insertAt, type KnownValues } from '../../quick-responses/quick-response-form';
import { checkDraft, checkFile, isReservedKey, windowOf } from '../utils/compose-rules';

/** How long the explanation stays after a blocked `<` or `>` key. */
const RESERVED_HINT_MS = 5000;
/** The last hour of a messaging window (WhatsApp 24 h, Messenger 7 days with the tag): its countdown warns. */
const WINDOW_WARNING_MS = 60 * 60 * 1000;

/** A paperclip, drawn, so that it shows without an emoji font. */
const Paperclip = () => (
  <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path
      d="M16 6v10a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10a1 1 0 0 1-2 0V7"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

type Props = {
  channel: TChannel;
  /** WhatsApp, Messenger: when the customer last wrote (their messaging windows). */
  customerWroteAt?: string | null;
  composeLimit: number;
  disabled: boolean;
  initialDraft: string;
  onDraftChange: (draft: string) => void;
  onSend: (body: string) => void;
  /** Set when the composer should take the focus (after Accept); reported back once done. */
  focusNonce: number | null;
  onFocused: () => void;
  /** The `>>` pane's answers, and the values of the variables the desktop knows. */
  quickResponses: readonly TQuickResponse[];
  knownValues: KnownValues;
  /** Sends a file to the customer; rejects with the server's refusal. */
  onSendFile: (file: File) => Promise<void>;
};

/**
 * Seeds: Enter sends, Shift+Enter adds a line, Send does the same as Enter; the channel's limit
 * has a visible counter; `<` and `>` are reserved for templates and cannot be sent.
 */
export const Composer = ({
  channel,
  customerWroteAt = null,
  composeLimit,
  disabled: disabledByPane,
  initialDraft,
  onDraftChange,
  onSend,
  focusNonce,
  onFocused,
  quickResponses,
  knownValues,
  onSendFile,
}: Props) => {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initialDraft);
  const [blockedAt, setBlockedAt] = useState<number | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const counterId = useId();
  const hintId = useId();
  const paneId = useId();
  const [paneOpen, setPaneOpen] = useState(false);
  // Where the caret was when the pane opened: the answer goes there.
  const selection = useRef({ start: 0, end: 0 });
  const now = useNow();
  const window = windowOf({ channel, customerWroteAt, now });
  const windowClosed = window?.state === 'closed';
  const disabled = disabledByPane || windowClosed;
  const check = checkDraft({ body: draft, channel, composeLimit });
  const showReservedHint = check.hasReserved || blockedAt !== null;
  const canSend = check.canSend && !disabled;
  const filePicker = useRef<HTMLInputElement>(null);
  /** The file on its way, or why the last one was not sent. */
  const [fileState, setFileState] = useState<{ sending: string } | { problem: string } | null>(null);

  const sendFile = async (file: File | undefined) => {
    if (!file) {
      return;
    }
    const problem = checkFile(file, channel);
    if (problem) {
      setFileState({ problem: t(problem.key, 'mb' in problem ? { mb: problem.mb } : {}) });
      return;
    }
    setFileState({ sending: file.name });
    try {
      await onSendFile(file);
      setFileState(null);
    } catch (error) {
      setFileState({ problem: describeError(error, t) });
    }
  };

  useEffect(() => {
    if (blockedAt === null) {
      return;
    }
    const timer = setTimeout(() => setBlockedAt(null), RESERVED_HINT_MS);
    return () => clearTimeout(timer);
  }, [blockedAt]);

  useEffect(() => {
    if (focusNonce !== null) {
      textarea.current?.focus();
      onFocused();
    }
  }, [focusNonce, onFocused]);

  const update = (next: string) => {
    setDraft(next);
    onDraftChange(next);
  };

  const openPane = () => {
    const input = textarea.current;
    selection.current = input
      ? { start: input.selectionStart, end: input.selectionEnd }
      : { start: draft.length, end: draft.length };
    setPaneOpen(true);
  };

  const closePane = () => {
    setPaneOpen(false);
    textarea.current?.focus();
  };

  const insert = (text: string) => {
    const next = insertAt(draft, text, selection.current.start, selection.current.end);
    update(next.draft);
    setPaneOpen(false);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const send = () => {
    if (!canSend) {
      return;
    }
    onSend(draft.trim());
    update('');
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isReservedKey(event.key)) {
      event.preventDefault();
      setBlockedAt(Date.now());
      return;
    }
    // An input method composing a word uses Enter to confirm it, not to send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <div className={`composer${disabled ? ' composer--disabled' : ''}`}>
      {paneOpen && !disabled && (
        <QuickResponsePane
          id={paneId}
          responses={quickResponses}
          known={knownValues}
          onInsert={insert}
          onClose={closePane}
        />
      )}
      <textarea
        ref={textarea}
        className="composer__input"
        aria-label={t('composer.label')}
        aria-describedby={`${counterId} ${hintId}`}
        aria-invalid={check.overLimit || check.hasReserved}
        placeholder={
          windowClosed
            ? t(window.templatesOnly ? 'composer.windowClosedWhatsapp' : 'composer.windowClosedMessenger')
            : disabled
              ? t('composer.disabled')
              : t('composer.placeholder')
        }
        rows={3}
        value={draft}
        disabled={disabled}
        onChange={(event) => update(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer__bar">
        <p id={hintId} className="composer__hint" aria-live="polite">
          {windowClosed && (
            <span role="status">
              {t(window.templatesOnly ? 'composer.windowClosedWhatsapp' : 'composer.windowClosedMessenger')}
            </span>
          )}
          {!disabled && window?.state === 'open' && window.closesAt && (
            // Plain while there is time; in the window's last hour, a warning.
            <span
              className={`composer__window${
                window.closesAt.getTime() - now < WINDOW_WARNING_MS ? ' composer__window--closing' : ''
              }`}
            >
              {t(window.humanAgentTag ? 'composer.windowLeftTagged' : 'composer.windowLeft', {
                time: formatDuration(window.closesAt.getTime() - now),
              })}
            </span>
          )}
          {showReservedHint && <span>{t('composer.reserved')}</span>}
          {fileState && 'sending' in fileState && (
            <span role="status">{t('composer.fileSending', { name: fileState.sending })}</span>
          )}
          {fileState && 'problem' in fileState && (
            <span role="alert" className="composer__file-problem">
              {t('composer.fileNotSent')}: {fileState.problem}
            </span>
          )}
          {check.overLimit && <span>{t('composer.tooLong')}</span>}
        </p>
        <span
          id={counterId}
          className={`counter${check.overLimit ? ' counter--over' : ''}`}
          title={t('composer.counterLabel')}
        >
          {check.count} / {check.limit}
          {check.sms && check.sms.segments > 0 && (
            <>
              {' · '}
              {t('composer.smsSegments', { segments: check.sms.segments, encoding: check.sms.encoding })}
            </>
          )}
        </span>
        <input
          ref={filePicker}
          type="file"
          hidden
          accept={SENDABLE_FILE_TYPES.join(',')}
          onChange={(event) => {
            void sendFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <button
          className="button composer__attach"
          type="button"
          aria-label={t('composer.attach')}
          title={t('composer.attach')}
          disabled={disabled || (fileState !== null && 'sending' in fileState)}
          onClick={() => filePicker.current?.click()}
        >
          <Paperclip />
        </button>
        <button
          className="button composer__quick"
          type="button"
          aria-label={t('quickResponses.open')}
          title={t('quickResponses.open')}
          aria-expanded={paneOpen && !disabled}
          aria-controls={paneOpen ? paneId : undefined}
          disabled={disabled}
          onClick={() => (paneOpen ? closePane() : openPane())}
        >
          {'>>'}
        </button>
        <button className="button button--primary" type="button" disabled={!canSend} onClick={send}>
          {t('composer.send')}
        </button>
      </div>
    </div>
  );
};
