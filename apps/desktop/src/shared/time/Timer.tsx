import { useNow } from './clock';
import { elapsedSince, formatDuration } from './format-duration';

type Props = {
  since: string;
  /** Read by screen readers before the time, e.g. "Handling time". */
  label: string;
  tone?: 'grey' | 'blue' | 'purple' | 'plain';
};

/** A running m:ss timer; the tone is the seeds' colour code (grey, blue, purple). */
export const Timer = ({ since, label, tone = 'plain' }: Props) => {
  const now = useNow();
  return (
    <span className={`timer timer--${tone}`} title={label}>
      <span className="sr-only">{label}: </span>
      <time dateTime={since}>{formatDuration(elapsedSince(since, now))}</time>
    </span>
  );
};
