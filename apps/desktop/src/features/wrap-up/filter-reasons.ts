import type { TReason } from '@switchboard/contracts';

/** Case- and accent-blind: "resolu" finds "Résolu", "ruckruf" finds "Rückruf". */
const fold = (text: string, locale?: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale).trim();

/**
 * The wrap-up dialog's search field (seeds: "verwenden Sie das Suchfeld, um die Liste zu filtern").
 * Every word of the query must appear in the reason's name. The chosen reason stays visible, so
 * the agent never loses sight of what Submit will send.
 */
export const filterReasons = ({
  reasons,
  query,
  keepId = null,
  locale,
}: {
  reasons: readonly TReason[];
  query: string;
  keepId?: string | null;
  locale?: string;
}): TReason[] => {
  const words = fold(query, locale).split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return [...reasons];
  }
  return reasons.filter((reason) => {
    const name = fold(reason.name, locale);
    return reason.id === keepId || words.every((word) => name.includes(word));
  });
};
