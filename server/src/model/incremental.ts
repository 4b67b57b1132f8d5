// Reparsing after an edit: the blocks before and after the change are kept
// (those after it moved), and only the changed lines are read again.
import { blockLineStart, scanRegion, withBlanksBefore } from './blocks';
import type { Block } from './blocks';
import type { ParseOptions } from './parse';
import { shifted } from './shift';
import type { Article } from './types';

/**
 * What one parse leaves for the next of the same document: its text, blocks
 * and articles. After an edit, the blocks before and after the change are
 * kept (those after it moved), only the changed lines are read again, and
 * articles whose text did not change are reused.
 */
export class ParseCache {
  text: string | undefined;
  options: ParseOptions | undefined;
  blocks: readonly Block[] = [];
  /** Articles by their text, as parsed at their `start`. */
  articles = new Map<string, Article>();
  /** Blocks and articles reused by the last parse, for tests and measurements. */
  reused = { blocks: 0, articles: 0 };
}

/** The blocks of `text`, reusing those of `cache` that the edit did not touch. */
export function blocksAfterEdit(text: string, cache: ParseCache): Block[] {
  const prev = cache.text!;
  const old = cache.blocks;
  const n = old.length;
  const delta = text.length - prev.length;
  // Each old block owns its extent: from its line's start to the next block's line start.
  const starts = old.map((b, i) => (i === 0 ? 0 : blockLineStart(prev, b)));
  const extentEnd = (i: number): number => (i + 1 < n ? starts[i + 1]! : prev.length);
  const same = (i: number, at: number): boolean => text.startsWith(prev.slice(starts[i], extentEnd(i)), at);
  // A reused block must still begin a line: the edit may have removed the line break before it, or
  // joined a CR before it with an LF after it.
  const lineStartAt = (at: number): boolean => {
    if (at === 0) return true;
    const before = text.charCodeAt(at - 1);
    return before === 10 || (before === 13 && text.charCodeAt(at) !== 10);
  };
  let p = 0;
  while (p < n && (p < n - 1 || delta === 0) && same(p, starts[p]!) && lineStartAt(extentEnd(p))) p++;
  let s = n;
  while (
    s > p &&
    (s > 1 || delta === 0) &&
    starts[s - 1]! + delta >= (p < n ? starts[p]! : prev.length) &&
    lineStartAt(starts[s - 1]! + delta) &&
    same(s - 1, starts[s - 1]! + delta)
  )
    s--;
  const isParagraph = (block: Block | undefined): boolean => block?.type === 'paragraph';
  // Rescan the changed lines; grow the region while a paragraph would run on across its edge.
  let region: { blocks: Block[]; trailingBlanks: number };
  for (;;) {
    const from = p < n ? starts[p]! : prev.length;
    const to = s < n ? starts[s]! + delta : text.length;
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
  const after = old.slice(s).map((b, i) => {
    const moved = shifted(b, delta);
    return i === 0 ? withBlanksBefore(moved, region.trailingBlanks) : moved;
  });
  cache.reused = { blocks: p + (n - s), articles: 0 };
  return [...old.slice(0, p), ...region.blocks, ...after];
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
