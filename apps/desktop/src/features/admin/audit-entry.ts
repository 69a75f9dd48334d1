import type { TAuditEntry } from '@switchboard/contracts';

/** The subjects the server audits (core's use cases), each with a label key of `audit.subjects`. */
const SUBJECTS = [
  'settings',
  'masked_value',
  'customer',
  'queue',
  'team',
  'user',
  'entry_point',
  'quick-response',
  'wrap-up-reason',
  'idle-reason',
  'disposition',
  'tag',
] as const;
const VERBS = ['created', 'updated', 'deleted', 'changed', 'deactivated', 'revealed', 'erased'] as const;

type Subject = (typeof SUBJECTS)[number];
type Verb = (typeof VERBS)[number];

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * An audit action (`queue.updated`, `masked_value.revealed`) as the label keys of its subject and
 * verb; undefined for an action this desktop does not know yet, which is then shown as written.
 */
export const actionKeys = (action: string): { subject: Subject; verb: Verb } | undefined => {
  const dot = action.lastIndexOf('.');
  const subject = action.slice(0, dot);
  const verb = action.slice(dot + 1);
  return dot > 0 && isOneOf(SUBJECTS, subject) && isOneOf(VERBS, verb) ? { subject, verb } : undefined;
};

/** How long one detail's value may be before it is cut (a quick response's text). */
const MAX_VALUE = 80;

const show = (value: unknown): string => {
  const text =
    value === null || value === undefined
      ? '–'
      : typeof value === 'string'
        ? value
        : Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)
          ? value.join(', ')
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
};

/**
 * An entry's details as `name: value` lines, in the order the server wrote them: a change of a
 * setting (`{from, to}`) reads `from → to`; long values are cut, nested ones written as JSON.
 * Entries never hold secrets or masked values (the server leaves them out); this only shows.
 */
export const detailLines = (entry: Pick<TAuditEntry, 'details' | 'subjectId'>): string[] => {
  const { details } = entry;
  const keys = Object.keys(details);
  if (keys.length === 2 && 'from' in details && 'to' in details) {
    const name = entry.subjectId ? `${entry.subjectId}: ` : '';
    return [`${name}${show(details.from)} → ${show(details.to)}`];
  }
  return keys.map((key) => `${key}: ${show(details[key])}`);
};
