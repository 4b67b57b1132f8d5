// Groups lines into blocks (paragraphs and `****` lines) and blocks into chunks:
// runs of text separated by two or more blank lines or by a `****` line.
// Chunks are the unit the rest of the parser works on.
import { isBlankLine } from './lines';
import type { Divider, Line, NoticeHeader, Paragraph, Span } from './types';

export type Block =
  | { readonly type: 'paragraph'; readonly paragraph: Paragraph }
  | { readonly type: 'divider'; readonly divider: Divider }
  | { readonly type: 'notice-header'; readonly header: NoticeHeader };

export interface Chunk extends Span {
  readonly blocks: readonly Block[];
  /** Blank lines before the chunk's first block. */
  readonly blanksBefore: number;
}

const ASTERISK = 42;

/** Classifies a line that starts with four asterisks; undefined for any other line. */
function asteriskLine(text: string, line: Line, blanksBefore: number): Block | undefined {
  let i = line.start;
  while (i < line.end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const first = i;
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

export function groupBlocks(text: string, lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  let blanks = 0;
  let blanksBeforeCurrent = 0;
  const flush = (): void => {
    if (current.length === 0) return;
    const first = current[0]!;
    const last = current[current.length - 1]!;
    blocks.push({
      type: 'paragraph',
      paragraph: { start: first.start, end: last.end, lines: current, blanksBefore: blanksBeforeCurrent },
    });
    current = [];
  };
  for (const line of lines) {
    if (isBlankLine(text, line)) {
      flush();
      blanks++;
      continue;
    }
    const marker = text.charCodeAt(line.start) === ASTERISK || text.charCodeAt(line.start) <= 32
      ? asteriskLine(text, line, current.length === 0 ? blanks : 0)
      : undefined;
    if (marker) {
      flush();
      blocks.push(marker);
      blanks = 0;
      continue;
    }
    if (current.length === 0) {
      blanksBeforeCurrent = blanks;
      blanks = 0;
    }
    current.push(line);
  }
  flush();
  return blocks;
}

function blanksBefore(block: Block): number {
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

export function groupChunks(blocks: readonly Block[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Block[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    chunks.push({
      start: blockSpan(current[0]!).start,
      end: blockSpan(current[current.length - 1]!).end,
      blocks: current,
      blanksBefore: blanksBefore(current[0]!),
    });
    current = [];
  };
  for (const block of blocks) {
    if (block.type !== 'paragraph') {
      flush();
      current.push(block);
      flush();
      continue;
    }
    if (block.paragraph.blanksBefore >= 2) flush();
    current.push(block);
  }
  flush();
  return chunks;
}

export function chunkParagraphs(chunk: Chunk): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const block of chunk.blocks) if (block.type === 'paragraph') paragraphs.push(block.paragraph);
  return paragraphs;
}
