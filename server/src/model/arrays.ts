// `target.push(...items)` passes every item as an argument and overflows the
// stack past about 100,000 of them, which a hostile document reaches.

/** Appends the items to the target, however many there are. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
