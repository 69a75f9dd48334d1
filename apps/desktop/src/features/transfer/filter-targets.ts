import type { TTransferTargets } from '@switchboard/contracts';

type Named = { name: string };

/** The entries whose name contains every word of the search, ignoring case and accents. */
export const filterByName = <T extends Named>(items: readonly T[], query: string, locale: string): T[] => {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale);
  const words = fold(query).split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    const name = fold(item.name);
    return words.every((w) => name.includes(w));
  });
};

/** Agents a conversation can be sent to now first (Available with room), then the rest, by name. */
export const sortAgents = (agents: TTransferTargets['agents']): TTransferTargets['agents'] =>
  [...agents].sort(
    (a, b) =>
      Number(b.state === 'available' && b.load < b.limit) -
        Number(a.state === 'available' && a.load < a.limit) || a.name.localeCompare(b.name),
  );
