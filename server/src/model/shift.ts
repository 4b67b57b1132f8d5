// Moves parsed nodes by a number of characters: what text reused after an
// edit needs, instead of being parsed again. Offsets are the fields named
// below, wherever they are; everything else is copied as it is.

const OFFSETS = new Set(['start', 'end', 'firstLineEnd', 'lastLineStart']);

/** A copy of the value with every offset moved by `delta` (the value itself when `delta` is 0). */
export function shifted<T>(value: T, delta: number): T {
  return delta === 0 ? value : (shift(value, delta) as T);
}

function shift(value: unknown, delta: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shift(v, delta));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    out[key] = typeof v === 'number' && OFFSETS.has(key) ? v + delta : typeof v === 'object' ? shift(v, delta) : v;
  }
  return out;
}
