import type { SensitiveType } from '../../packages/core/src/masking/types';
import {
  buildHeldOutCorpus,
  type HeldOutLookAlike,
  type HeldOutSample,
} from '../../packages/core/test/masking/held-out/corpus';

/** A line to mask, with the value planted in it (for recall) or marked as a look-alike. */
export interface BenchMessage {
  readonly text: string;
  readonly region: string | undefined;
  readonly sample?: {
    readonly type: SensitiveType;
    readonly value: string;
    readonly start: number;
    readonly end: number;
  };
  readonly lookAlike?: unknown;
}

/**
 * Short chat lines dense with numbers: every line of the held-out corpus
 * (packages/core/test/masking/held-out), one value or one look-alike per line: values glued to
 * punctuation, `00` numbers in sentences of nine languages, short e-mail local parts, other
 * scripts' digits. The text on which the masker does the most work per byte.
 */
export const buildShortLines = (): { messages: BenchMessage[]; bytes: number } => {
  const { positives, lookAlikes } = buildHeldOutCorpus();
  const messages: BenchMessage[] = [
    ...positives.map((p: HeldOutSample) => ({
      text: p.text,
      region: p.region,
      sample: { type: p.type, value: p.text.slice(p.start, p.end), start: p.start, end: p.end },
    })),
    ...lookAlikes.map((l: HeldOutLookAlike) => ({ text: l.text, region: l.region, lookAlike: true })),
  ];
  const bytes = messages.reduce((n, m) => n + Buffer.byteLength(m.text) + 1, 0);
  return { messages, bytes };
};
