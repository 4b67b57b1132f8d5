// Strings the parser takes from the text are, in V8, often views into the
// whole text: a headline kept after an edit would keep that version of the
// document alive. What outlives its parse is copied out of the text first.

/** V8 makes shorter substrings copies already. */
const VIEW_LENGTH = 13;

/** The same characters, holding no reference to the text they were taken from. */
export function detach(text: string): string {
  // Concatenating, then slicing, makes V8 flatten into a new string of the text's own length.
  return text.length < VIEW_LENGTH ? text : (' ' + text).slice(1);
}

/** A copy of the value with every string in it detached. Lists `kept` as such are not copied again. */
export function detached<T>(value: T): T {
  return detachAny(value) as T;
}

/**
 * Lists known to hold no slice of any text: what is kept between versions (`kept`). A result built of them (an
 * article's, of its paragraphs' kept results) is then copied without copying them again.
 */
const keptLists = new WeakSet<readonly unknown[]>();

/** A detached copy of the value, to be kept: a list is known as such, and detached again it is itself. */
export function kept<T>(value: T): T {
  const copy = detached(value);
  if (Array.isArray(copy)) keptLists.add(copy);
  return copy;
}

function detachAny(value: unknown): unknown {
  if (typeof value === 'string') return detach(value);
  if (Array.isArray(value)) {
    if (keptLists.has(value)) return value;
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = detachAny(value[i]);
    return out;
  }
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in source) out[key] = detachAny(source[key]);
  return out;
}

/** Every map that remembers answers by string, so that they can all be forgotten at once. */
const rememberedMaps = new Set<Map<string, unknown>>();

/** The map, known as one that remembers answers by string (see `forgetRememberedStrings`). */
export function rememberedStrings<T>(map: Map<string, T>): Map<string, T> {
  rememberedMaps.add(map);
  return map;
}

/**
 * Forgets every answer remembered by string: the next check of a text is then as a document's first check is,
 * though the same text was checked before (the bench's cold figures check one text again and again).
 */
export function forgetRememberedStrings(): void {
  for (const map of rememberedMaps) map.clear();
}

/**
 * `compute`, remembering the answers for the last strings asked (up to `capacity`, then it starts afresh):
 * after a keystroke the same headlines and names are asked about again. Holds no slice of any text.
 */
export function rememberingStrings<T>(compute: (text: string) => T, capacity: number): (text: string) => T {
  const answers = rememberedStrings(new Map<string, T>());
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = kept(compute(text));
      if (answers.size >= capacity) answers.clear();
      answers.set(detach(text), answer);
    }
    return answer;
  };
}
