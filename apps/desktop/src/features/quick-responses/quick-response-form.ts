import type { TQuickResponse } from '@switchboard/contracts';
import { fillQuickResponse, isKnownQuickResponseVariable, quickResponseVariables } from '@switchboard/core';
import { filterReasons } from '../wrap-up/filter-reasons';

/** What the desktop knows of the conversation and the agent: the values of the known variables. */
export type KnownValues = { agent_name: string; agent_id: string; customer_name: string };

export type QuickResponseField = { name: string; known: boolean; value: string };

/**
 * The fields of a quick response, in the order of first use: the known ones filled from what the
 * desktop shows (the agent checks them, seed 003), the others empty, or as the agent typed them.
 */
export const fieldsOf = (
  response: TQuickResponse,
  known: KnownValues,
  typed: Readonly<Record<string, string>>,
): QuickResponseField[] =>
  quickResponseVariables(response.text).map((name) => {
    const isKnown = isKnownQuickResponseVariable(name);
    const value = Object.hasOwn(typed, name) ? typed[name]! : isKnown ? known[name] : '';
    return { name, known: isKnown, value };
  });

/** The text the Insert button puts in the composer; a variable still empty shows as written. */
export const filledText = (response: TQuickResponse, fields: readonly QuickResponseField[]): string =>
  fillQuickResponse(
    response.text,
    Object.fromEntries(
      fields.filter((field) => field.value.trim() !== '').map((field) => [field.name, field.value]),
    ),
  );

/** Ready to insert once every variable has a value. */
export const isComplete = (fields: readonly QuickResponseField[]): boolean =>
  fields.every((field) => field.value.trim() !== '');

/** The pane's search: every word in the name or the text, case- and accent-blind. */
export const filterQuickResponses = (
  responses: readonly TQuickResponse[],
  query: string,
  locale?: string,
): TQuickResponse[] => {
  const matching = new Set(
    filterReasons({
      reasons: responses.map((r) => ({ id: r.id, name: `${r.name} ${r.text}` })),
      query,
      locale,
    }).map((r) => r.id),
  );
  return responses.filter((r) => matching.has(r.id));
};

/** A variable the agent fills, as a label: `order_number` → `Order number`. */
export const variableLabel = (name: string): string => {
  const words = name.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The draft with `text` put in place of the selection `[start, end)`, and where the caret goes. */
export const insertAt = (
  draft: string,
  text: string,
  start: number,
  end: number,
): { draft: string; caret: number } => {
  const from = Math.max(0, Math.min(start, draft.length));
  const to = Math.max(from, Math.min(end, draft.length));
  return { draft: draft.slice(0, from) + text + draft.slice(to), caret: from + text.length };
};
