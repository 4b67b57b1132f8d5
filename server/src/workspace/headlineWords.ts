// Headlines by the words of their titles, for "did you mean" suggestions. Each headline is held under a number,
// so that counting the words a title shares with thousands of headlines (an archive's common words) is counting
// in an array, not in a map keyed by headline: in a 2,000-issue archive that was most of a suggestion's time.
import { keepFirst } from '../model/arrays';
import type { HeadlineEntry } from './summary';

/** By file, then by place in the file. */
function inFileOrder(a: HeadlineEntry, b: HeadlineEntry): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start;
}

/** More words shared first; ties by file, then by place in the file. */
const mostFirst = (a: readonly [HeadlineEntry, number], b: readonly [HeadlineEntry, number]): boolean =>
  a[1] > b[1] || (a[1] === b[1] && inFileOrder(a[0], b[0]) < 0);

export class HeadlineWords {
  private readonly entries: (HeadlineEntry | undefined)[] = [];
  private readonly free: number[] = [];
  private readonly slots = new Map<HeadlineEntry, number>();
  private readonly byWord = new Map<string, Set<number>>();
  /** Words shared, by slot: zero but while `mostShared` counts. */
  private counts = new Int32Array(64);

  add(entry: HeadlineEntry, words: readonly string[]): void {
    if (this.slots.has(entry)) return;
    const slot = this.free.pop() ?? this.entries.length;
    this.entries[slot] = entry;
    this.slots.set(entry, slot);
    for (const word of words) {
      let set = this.byWord.get(word);
      if (!set) this.byWord.set(word, (set = new Set()));
      set.add(slot);
    }
  }

  /** Takes the entry out; `words` are those it was added with. */
  remove(entry: HeadlineEntry, words: readonly string[]): void {
    const slot = this.slots.get(entry);
    if (slot === undefined) return;
    this.slots.delete(entry);
    this.entries[slot] = undefined;
    this.free.push(slot);
    for (const word of words) {
      const set = this.byWord.get(word);
      set?.delete(slot);
      if (set?.size === 0) this.byWord.delete(word);
    }
  }

  /** `next` in the place of `old`, a headline of the same words (moved by an edit). */
  replace(old: HeadlineEntry, next: HeadlineEntry): void {
    const slot = this.slots.get(old);
    if (slot === undefined) return;
    this.slots.delete(old);
    this.slots.set(next, slot);
    this.entries[slot] = next;
  }

  /**
   * The `limit` headlines sharing the most of `words` (each word counted as often as it is given), with how many,
   * most first; ties in the order of the files and of their headlines, not in the order they were added, so that
   * an index kept up to date through edits and one built afresh agree. Picked as they come, not by sorting all.
   */
  mostShared(words: readonly string[], limit: number): (readonly [HeadlineEntry, number])[] {
    if (this.counts.length < this.entries.length) this.counts = new Int32Array(Math.max(this.entries.length, 2 * this.counts.length));
    const { counts, entries } = this;
    const touched: number[] = [];
    const top: (readonly [HeadlineEntry, number])[] = [];
    try {
      for (const word of words) {
        const set = this.byWord.get(word);
        if (!set) continue;
        for (const slot of set) {
          const count = counts[slot]!;
          if (count === 0) touched.push(slot);
          counts[slot] = count + 1;
        }
      }
      for (const slot of touched) keepFirst(top, [entries[slot]!, counts[slot]!], limit, mostFirst);
    } finally {
      for (const slot of touched) counts[slot] = 0;
    }
    return top;
  }
}
