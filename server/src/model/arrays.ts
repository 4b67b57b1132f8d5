// `target.push(...items)` passes every item as an argument and overflows the
// stack past about 100,000 of them, which a hostile document reaches.

/** Appends the items to the target, however many there are. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/**
 * Puts the item into `list`, kept in order (`before`) and to at most `limit` items, where it belongs: after those
 * it is not before, so that equal ones stay in the order given. The first `limit` of many, without sorting them all.
 */
export function keepFirst<T>(list: T[], item: T, limit: number, before: (a: T, b: T) => boolean): void {
  if (list.length >= limit && (limit <= 0 || !before(item, list[limit - 1]!))) return;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(item, list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  if (list.length >= limit) list.pop();
  list.splice(lo, 0, item);
}
