// Groups lines into blocks (paragraphs and `****` lines) and blocks into chunks:
// runs of text separated by two or more blank lines or by a `****` line.
// Chunks are the unit the rest of the parser works on.
import type { Divider, NoticeHeader, Paragraph, Span } from './types';

export type Block =
  | { readonly type: 'paragraph'; readonly paragraph: Paragraph }
  | { readonly type: 'divider'; readonly divider: Divider }
  | { readonly type: 'notice-header'; readonly header: NoticeHeader };

export interface Chunk extends Span {
  readonly blocks: readonly Block[];
  /** The paragraphs among `blocks`, in order. */
  readonly paragraphs: readonly Paragraph[];
  /** Blank lines before the chunk's first block. */
  readonly blanksBefore: number;
}

const ASTERISK = 42;

interface LineSpan {
  readonly start: number;
  readonly end: number;
}

/** Classifies a line that starts with four asterisks; undefined for any other line. */
function asteriskLine(text: string, line: LineSpan, first: number, blanksBefore: number): Block | undefined {
  let i = first;
  while (i < line.end && text.charCodeAt(i) === ASTERISK) i++;
  if (i - first < 4) return undefined;
  let end = line.end;
  while (end > i && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (end === i) {
    return { type: 'divider', divider: { start: first, end, kind: 'asterisks', blanksBefore } };
  }
  let tail = end;
  while (tail > i && text.charCodeAt(tail - 1) === ASTERISK) tail--;
  if (end - tail >= 4) {
    return { type: 'divider', divider: { start: first, end, kind: 'url', blanksBefore } };
  }
  let titleStart = i;
  while (titleStart < end && (text.charCodeAt(titleStart) === 32 || text.charCodeAt(titleStart) === 9)) titleStart++;
  return {
    type: 'notice-header',
    header: { start: first, end, title: { start: titleStart, end }, blanksBefore },
  };
}

export function scanBlocks(text: string): Block[] {
  return scanRegion(text, 0, text.length, 0).blocks;
}

/**
 * Reads the text from `from` to `to` (both at line starts) into paragraphs and
 * `****` lines, in one pass; `blanks` is the number of blank lines just before
 * `from`. Returns the blocks and the blank lines left at the end. A byte order
 * mark at offset 0 is skipped.
 */
export function scanRegion(text: string, from: number, to: number, initialBlanks: number): { blocks: Block[]; trailingBlanks: number } {
  const blocks: Block[] = [];
  const hasCR = text.indexOf('\r', from) >= 0;
  let pos = from === 0 && text.charCodeAt(0) === 0xfeff ? 1 : from;
  let blanks = initialBlanks;
  let start = -1;
  let firstLineEnd = 0;
  let lastLineStart = 0;
  let end = 0;
  let lineCount = 0;
  let blanksBeforeParagraph = 0;
  const flush = (): void => {
    if (start < 0) return;
    blocks.push({
      type: 'paragraph',
      paragraph: { start, end, lineCount, firstLineEnd, lastLineStart, blanksBefore: blanksBeforeParagraph },
    });
    start = -1;
  };
  while (pos < to) {
    let lineEnd: number;
    if (hasCR) {
      lineEnd = pos;
      while (lineEnd < to) {
        const c = text.charCodeAt(lineEnd);
        if (c === 10 || c === 13) break;
        lineEnd++;
      }
    } else {
      lineEnd = text.indexOf('\n', pos);
      if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    }
    let first = pos;
    while (first < lineEnd) {
      const c = text.charCodeAt(first);
      if (c !== 32 && c !== 9) break;
      first++;
    }
    if (first === lineEnd) {
      flush();
      blanks++;
    } else {
      const marker =
        text.charCodeAt(first) === ASTERISK ? asteriskLine(text, { start: pos, end: lineEnd }, first, start < 0 ? blanks : 0) : undefined;
      if (marker) {
        flush();
        blocks.push(marker);
        blanks = 0;
      } else if (start < 0) {
        start = pos;
        firstLineEnd = lineEnd;
        lastLineStart = pos;
        end = lineEnd;
        lineCount = 1;
        blanksBeforeParagraph = blanks;
        blanks = 0;
      } else {
        lastLineStart = pos;
        end = lineEnd;
        lineCount++;
      }
    }
    if (lineEnd >= to) break;
    pos = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
  }
  flush();
  return { blocks, trailingBlanks: blanks };
}

/** The block's first line's start (a divider may be indented). */
export function blockLineStart(text: string, block: Block): number {
  let at = blockSpan(block).start;
  while (at > 0 && (text.charCodeAt(at - 1) === 32 || text.charCodeAt(at - 1) === 9)) at--;
  return at;
}

/** The block with another count of blank lines before it. */
export function withBlanksBefore(block: Block, blanksBefore: number): Block {
  // The same block where nothing changes: what was read from its paragraph is kept by the object.
  if (blanksBeforeOf(block) === blanksBefore) return block;
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', paragraph: Object.assign({}, block.paragraph, { blanksBefore }) };
    case 'divider':
      return { type: 'divider', divider: Object.assign({}, block.divider, { blanksBefore }) };
    case 'notice-header':
      return { type: 'notice-header', header: Object.assign({}, block.header, { blanksBefore }) };
  }
}

function blanksBeforeOf(block: Block): number {
  switch (block.type) {
    case 'paragraph':
      return block.paragraph.blanksBefore;
    case 'divider':
      return block.divider.blanksBefore;
    case 'notice-header':
      return block.header.blanksBefore;
  }
}

export function blockSpan(block: Block): Span {
  switch (block.type) {
    case 'paragraph':
      return block.paragraph;
    case 'divider':
      return block.divider;
    case 'notice-header':
      return block.header;
  }
}

/**
 * The blocks in chunks: a run of paragraphs with fewer than two blank lines between them, or a divider or notice
 * header alone. With `firstAlone`, the first block is a chunk of its own too (a masthead).
 */
export function groupChunks(blocks: readonly Block[], firstAlone = false): Chunk[] {
  const chunks: Chunk[] = [];
  // A chunk's lists are made at their size, not grown a push at a time from empty (each then held room for
  // sixteen): a 1 MB issue's five hundred chunks, grouped again after every keystroke, allocated 190 KB.
  let from = 0;
  let paragraphCount = 0;
  const flush = (to: number): void => {
    if (to === from) return;
    const own = blocks.slice(from, to);
    const paragraphs = new Array<Paragraph>(paragraphCount);
    let k = 0;
    for (const block of own) if (block.type === 'paragraph') paragraphs[k++] = block.paragraph;
    chunks.push({
      start: blockSpan(own[0]!).start,
      end: blockSpan(own[own.length - 1]!).end,
      blocks: own,
      paragraphs,
      blanksBefore: blanksBeforeOf(own[0]!),
    });
    from = to;
    paragraphCount = 0;
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type !== 'paragraph') {
      flush(i);
      flush(i + 1);
      continue;
    }
    if (block.paragraph.blanksBefore >= 2 || (firstAlone && i === 1)) flush(i);
    paragraphCount++;
  }
  flush(blocks.length);
  return chunks;
}
