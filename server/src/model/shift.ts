// Moves parsed nodes by a number of characters: what text reused after an
// edit needs, instead of being parsed again. A copy finds offsets by the
// fields' names, wherever they are; the parse's own articles, blocks and
// contents entries are moved in place, field by field.
import type { Block } from './blocks';
import type { Article, Byline, ContentsEntry, Paragraph, Span } from './types';

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

/** A node as the parse that owns it may change it. */
type Owned<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Moves every offset of the article by `delta` in place, and gives it back: for the articles an incremental parse
 * keeps from a document's previous version, which then belong to the new version alone. Copying them instead (half
 * of the issue's nodes, on every keystroke) cost a sixth of a keystroke in a large issue, and more again in garbage
 * collection. Field by field, not by walking every property: a quarter of the time. A field added to the model
 * that holds offsets is to be moved here too (`shifted`, which goes by the fields' names, is the reference the
 * tests compare with). No node may be reached twice from the article: it would move twice.
 */
export function movedArticleInPlace(article: Article, delta: number): Article {
  if (delta === 0) return article;
  moveSpan(article, delta);
  if (article.label) moveSpan(article.label, delta);
  if (article.headline) moveSpan(article.headline, delta);
  if (article.standfirst) moveParagraph(article.standfirst, delta);
  if (article.byline) moveByline(article.byline, delta);
  for (const paragraph of article.body) moveParagraph(paragraph, delta);
  for (const byline of article.strayBylines) moveByline(byline, delta);
  for (const turn of article.turns) {
    moveSpan(turn, delta);
    moveSpan(turn.label, delta);
    for (const paragraph of turn.paragraphs) moveParagraph(paragraph, delta);
  }
  if (article.signOff) {
    moveSpan(article.signOff, delta);
    moveSpan(article.signOff.person, delta);
  }
  for (const reference of article.crossReferences) {
    moveSpan(reference, delta);
    moveSpan(reference.target, delta);
    for (const conjunction of reference.conjunctions) moveSpan(conjunction, delta);
    if (reference.citation) moveSpan(reference.citation, delta);
  }
  return article;
}

/** Moves the block's offsets by `delta` in place, as `movedArticleInPlace` does an article's. */
export function movedBlockInPlace(block: Block, delta: number): Block {
  if (delta === 0) return block;
  switch (block.type) {
    case 'paragraph':
      moveParagraph(block.paragraph, delta);
      break;
    case 'divider':
      moveSpan(block.divider, delta);
      break;
    case 'notice-header':
      moveSpan(block.header, delta);
      moveSpan(block.header.title, delta);
      break;
  }
  return block;
}

/**
 * Moves the entry's offsets by `delta` in place, but for its paragraph's: the paragraph is a block's, which the
 * parse moves with the blocks.
 */
export function movedContentsEntryInPlace(entry: ContentsEntry, delta: number): ContentsEntry {
  if (delta === 0) return entry;
  moveSpan(entry, delta);
  if (entry.headline) moveSpan(entry.headline, delta);
  if (entry.standfirst) moveSpan(entry.standfirst, delta);
  if (entry.byline) moveByline(entry.byline, delta);
  return entry;
}

function moveSpan(span: Span, delta: number): void {
  const owned = span as Owned<Span>;
  owned.start += delta;
  owned.end += delta;
}

function moveParagraph(paragraph: Paragraph, delta: number): void {
  const owned = paragraph as Owned<Paragraph>;
  owned.start += delta;
  owned.end += delta;
  owned.firstLineEnd += delta;
  owned.lastLineStart += delta;
}

function moveByline(byline: Byline, delta: number): void {
  moveSpan(byline, delta);
  moveSpan(byline.keyword, delta);
  for (const author of byline.authors) moveSpan(author, delta);
}
