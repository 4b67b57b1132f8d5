// Moves parsed nodes by a number of characters: what text reused after an
// edit needs, instead of being parsed again. Offsets are the fields named
// below, wherever they are; everything else is left as it is.

/** A copy of the value with every offset moved by `delta` (the value itself when `delta` is 0). */
export function shifted<T>(value: T, delta: number): T {
  return delta === 0 ? value : (shift(value, delta) as T);
}

/**
 * Moves every offset of the value by `delta` in place, and gives the value back. For the nodes an incremental
 * parse keeps from a document's previous version: they then belong to the new version alone. Copying them
 * instead (half of the nodes, on every keystroke) cost a sixth of a keystroke in a large issue, and
 * more again in garbage collection. No object may be reached twice from `value`: it would move twice.
 */
export function movedInPlace<T extends object>(value: T, delta: number): T {
  if (delta !== 0) moveInPlace(value, delta);
  return value;
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

function moveInPlace(value: unknown, delta: number): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) moveInPlace(value[i], delta);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  // The model's nodes are read-only to everyone but the parse that owns them.
  const node = value as { start?: number; end?: number; firstLineEnd?: number; lastLineStart?: number } & Record<string, unknown>;
  for (const key in node) {
    const v = node[key];
    if (typeof v === 'number') {
      // Stores by name, not node[key]: V8 caches those by the object's shape, where a store by key goes the
      // generic way. A third less time over the 25,000 offsets a keystroke in a 1 MB issue moves.
      if (key === 'start') node.start = v + delta;
      else if (key === 'end') node.end = v + delta;
      else if (key === 'firstLineEnd') node.firstLineEnd = v + delta;
      else if (key === 'lastLineStart') node.lastLineStart = v + delta;
    } else if (typeof v === 'object' && v !== null) moveInPlace(v, delta);
  }
}
