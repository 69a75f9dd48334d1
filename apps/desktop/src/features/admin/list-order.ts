/** An item of an administrator's ordered list (reasons, dispositions, tags, quick responses). */
export type Ordered = { id: string; position: number };

/**
 * The list with the item at `index` moved one place up (-1) or down (+1), and the position writes
 * that make the server's order the same: every item takes its index as its position, so ties
 * (equal positions, ordered by name) are broken too.
 */
export const moveItem = <T extends Ordered>(
  items: readonly T[],
  index: number,
  step: -1 | 1,
): { items: T[]; writes: { id: string; position: number }[] } => {
  const target = index + step;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) {
    return { items: [...items], writes: [] };
  }
  const moved = [...items];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  const writes = moved.flatMap((item, position) =>
    item.position === position ? [] : [{ id: item.id, position }],
  );
  return { items: moved.map((item, position) => ({ ...item, position })), writes };
};
