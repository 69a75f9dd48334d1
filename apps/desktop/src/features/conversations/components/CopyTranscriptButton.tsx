import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/use-formatters';
import type { ConversationEntry } from '../conversations-state';
import { systemText } from '../utils/system-text';
import { formatTranscript } from '../utils/transcript';

/** `navigator.clipboard` needs a secure context; a desk on plain HTTP falls back to a selection copy. */
const copyText = async (text: string): Promise<void> => {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Permission refused: try the older way below.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) {
    throw new Error('copy refused');
  }
};

/** CXone: "Copier tout le contenu du clavardage", to paste into an editor and keep. */
export const CopyTranscriptButton = ({ entry }: { entry: ConversationEntry }) => {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (result === null) {
      return;
    }
    const timer = setTimeout(() => setResult(null), 3000);
    return () => clearTimeout(timer);
  }, [result]);

  const copy = async () => {
    const text = formatTranscript({
      heading: t('conversations.transcriptTitle', { customer: entry.summary.customerName }),
      messages: entry.messages,
      formatTime: dateTime,
      describeSystem: (message) => systemText(message, t),
    });
    try {
      await copyText(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };

  return (
    <>
      <button className="button button--ghost" type="button" onClick={() => void copy()}>
        {t('conversations.copyAll')}
      </button>
      <span className="sr-only" role="status">
        {result === 'copied'
          ? t('conversations.copied')
          : result === 'failed'
            ? t('conversations.copyFailed')
            : ''}
      </span>
      {result !== null && (
        <span
          className={`toast-inline${result === 'failed' ? ' toast-inline--error' : ''}`}
          aria-hidden="true"
        >
          {result === 'copied' ? t('conversations.copied') : t('conversations.copyFailed')}
        </span>
      )}
    </>
  );
};
