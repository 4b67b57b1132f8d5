// Reparsing after an edit: the blocks before and after the change are kept
// (those after it moved), and only the changed lines are read again.
import { blockLineStart, scanRegion, withBlanksBefore } from './blocks';
import type { Block } from './blocks';
import type { ParseOptions } from './parse';
import { movedBlockInPlace } from './shift';
import type { Article } from './types';

/** A parsed article as the next parse may reuse it. */
export interface KeptArticle {
  readonly article: Article;
  /** Names the article's text and the blank lines before it: equal keys, equal articles. */
  readonly key: string;
  readonly blanksBefore: number;
}

/** How much of the new text is unchanged: its first `prefix` and last `suffix` characters. */
export interface Unchanged {
  readonly prefix: number;
  readonly suffix: number;
  /** New length minus old length. */
  readonly delta: number;
}

/**
 * Characters at least as many of which are known to be unchanged at the start and at the end of the text since
 * the last parse: what the editor's edits say. The parse compares the texts only from there on.
 */
export interface KnownUnchanged {
  readonly prefix: number;
  readonly suffix: number;
}

/**
 * What one parse leaves for the next of the same document: its text, blocks
 * and articles. After an edit, the blocks before and after the change are
 * kept (those after it moved), only the changed lines are read again, and
 * articles whose text did not change are reused: those after the edit are
 * moved in place, and belong to the new version alone.
 */
export class ParseCache {
  text: string | undefined;
  options: ParseOptions | undefined;
  blocks: readonly Block[] = [];
  /** The articles of the last parse, in order. */
  articles: readonly KeptArticle[] = [];
  /** What the last edit left unchanged, set by `blocksAfterEdit`. */
  unchanged: Unchanged | undefined;
  /** Blocks and articles reused by the last parse, for tests and measurements. */
  reused = { blocks: 0, articles: 0 };
}

/** Compared a slice at a time: string equality runs at memory speed, a loop over characters does not. */
const SLICE = 4096;

function commonPrefix(a: string, b: string, known = 0): number {
  const max = Math.min(a.length, b.length);
  let at = Math.min(known, max);
  while (at + SLICE <= max && a.substring(at, at + SLICE) === b.substring(at, at + SLICE)) at += SLICE;
  while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

function commonSuffix(a: string, b: string, known = 0): number {
  const max = Math.min(a.length, b.length);
  let n = Math.min(known, max);
  while (n + SLICE <= max && a.substring(a.length - n - SLICE, a.length - n) === b.substring(b.length - n - SLICE, b.length - n))
    n += SLICE;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** The first index in [lo, hi) where `test` holds, for a `test` false then true; `hi` when it never holds. */
function firstWhere(lo: number, hi: number, test: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The blocks of `text`, reusing those of `cache` that the edit did not touch. Where `known` says how much is
 * unchanged at either end, the texts are compared only beyond it (on 1 MB, comparing them whole took a quarter of
 * a millisecond per keystroke).
 */
export function blocksAfterEdit(text: string, cache: ParseCache, known?: KnownUnchanged): Block[] {
  const prev = cache.text!;
  const old = cache.blocks;
  const n = old.length;
  const delta = text.length - prev.length;
  const prefix = commonPrefix(prev, text, known?.prefix);
  const suffix = commonSuffix(prev, text, known?.suffix);
  cache.unchanged = { prefix, suffix, delta };
  // Each old block owns its extent: from its line's start to the next block's line start.
  const starts = new Map<number, number>();
  const startOf = (i: number): number => {
    if (i === 0) return 0;
    let at = starts.get(i);
    if (at === undefined) starts.set(i, (at = blockLineStart(prev, old[i]!)));
    return at;
  };
  const extentEnd = (i: number): number => (i + 1 < n ? startOf(i + 1) : prev.length);
  // A reused block must still begin a line: the edit may have removed the line break before it, or
  // joined a CR before it with an LF after it.
  const lineStartAt = (at: number): boolean => {
    if (at === 0) return true;
    const before = text.charCodeAt(at - 1);
    return before === 10 || (before === 13 && text.charCodeAt(at) !== 10);
  };
  // Blocks before the edit: their whole extent is in the unchanged start. Only the last of them can have
  // stopped beginning a line, where the edit touches its end.
  let p = firstWhere(0, n, (i) => extentEnd(i) > prefix);
  if (delta !== 0) p = Math.min(p, n - 1);
  while (p > 0 && !lineStartAt(extentEnd(p - 1))) p--;
  // Blocks after the edit: from their start to the end of the text is unchanged, and they still begin after
  // the kept blocks.
  const keptEnd = p < n ? startOf(p) : prev.length;
  let s = firstWhere(Math.max(p, delta === 0 ? 0 : 1), n, (i) => prev.length - startOf(i) <= suffix && startOf(i) + delta >= keptEnd);
  while (s < n && !lineStartAt(startOf(s) + delta)) s++;
  const isParagraph = (block: Block | undefined): boolean => block?.type === 'paragraph';
  // Rescan the changed lines; grow the region while a paragraph would run on across its edge.
  let region: { blocks: Block[]; trailingBlanks: number };
  for (;;) {
    const from = p < n ? startOf(p) : prev.length;
    const to = s < n ? startOf(s) + delta : text.length;
    const initialBlanks = p === 0 ? 0 : blanksOf(old[p] ?? old[p - 1]!, p < n);
    region = scanRegion(text, from, Math.max(from, to), initialBlanks);
    const first = region.blocks[0];
    if (p > 0 && isParagraph(old[p - 1]) && first?.type === 'paragraph' && first.paragraph.blanksBefore === 0) {
      p--;
      continue;
    }
    const last = region.blocks[region.blocks.length - 1];
    const before = last ?? (p > 0 ? old[p - 1] : undefined);
    if (s < n && isParagraph(old[s]) && isParagraph(before) && region.trailingBlanks === 0) {
      s++;
      continue;
    }
    break;
  }
  // Made at its size: grown a push at a time from the blocks before the edit, a 1 MB issue's list was copied
  // again once or twice per keystroke.
  const blocks = new Array<Block>(p + region.blocks.length + (n - s));
  let at = 0;
  for (let i = 0; i < p; i++) blocks[at++] = old[i]!;
  for (const block of region.blocks) blocks[at++] = block;
  // The blocks after the edit move in place: they are this version's now, and the last one's no longer.
  for (let i = s; i < n; i++) {
    const moved = movedBlockInPlace(old[i]!, delta);
    blocks[at++] = i === s ? withBlanksBefore(moved, region.trailingBlanks) : moved;
  }
  cache.reused = { blocks: p + (n - s), articles: 0 };
  return blocks;
}

/** Blank lines before the block (`before`), or 0 for the end of the text after it. */
function blanksOf(block: Block, before: boolean): number {
  if (!before) return 0;
  return block.type === 'paragraph'
    ? block.paragraph.blanksBefore
    : block.type === 'divider'
      ? block.divider.blanksBefore
      : block.header.blanksBefore;
}
