// Moves parsed nodes by a number of characters: what text reused after an
// edit needs, instead of being parsed again. Offsets are the fields named
// below, wherever they are; everything else is copied as it is.

/** A copy of the value with every offset moved by `delta` (the value itself when `delta` is 0). */
export function shifted<T>(value: T, delta: number): T {
  return delta === 0 ? value : (shift(value, delta) as T);
}

function isOffset(key: string): boolean {
  return key === 'start' || key === 'end' || key === 'firstLineEnd' || key === 'lastLineStart';
}

function shift(value: unknown, delta: number): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = shift(value[i], delta);
    return out;
  }
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in source) {
    const v = source[key];
    out[key] = typeof v === 'number' ? (isOffset(key) ? v + delta : v) : typeof v === 'object' && v !== null ? shift(v, delta) : v;
  }
  return out;
}
