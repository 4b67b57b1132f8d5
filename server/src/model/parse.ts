// Text → BulletinDocument. Finds the regions (masthead, contents, notices,
// articles, footer) from the chunks, then parses each region.
import { append } from './arrays';
import { bylineAnchor, isHeadlineLike, isSectionLabel, parseArticle, asSectionLabel, DEFAULT_ARTICLE_OPTIONS } from './article';
import type { ArticleOptions } from './article';
import { groupChunks, scanBlocks } from './blocks';
import type { Block, Chunk } from './blocks';
import { parseNotice, parsePreamble } from './contents';
import { detachedArticle } from './detachArticle';
import { blocksAfterEdit } from './incremental';
import type { KeptArticle, KnownUnchanged, ParseCache } from './incremental';
import { paragraphSignature, parseFooter } from './footer';
import { parseMasthead } from './masthead';
import { REFERENCE_FOOTER_SIGNATURES } from './referenceFooter';
import { movedArticleInPlace, shifted } from './shift';
import type { Article, BulletinDocument, Divider, Masthead, NoticeBlock, Paragraph, Section, SectionLabel } from './types';

export interface ParseOptions extends ArticleOptions {
  /** First words of the paragraphs of the expected footer: where they begin, the footer begins. */
  readonly footerSignatures: ReadonlySet<string>;
  /** The publication's own masthead form, with named groups publication, number, date, part. */
  readonly mastheadPattern?: RegExp;
}

export const DEFAULT_PARSE_OPTIONS: ParseOptions = Object.assign({}, DEFAULT_ARTICLE_OPTIONS, {
  footerSignatures: REFERENCE_FOOTER_SIGNATURES,
});

type ChunkKind = 'marker' | 'label' | 'article' | 'headed' | 'text';

/**
 * Chunks classified, by their first paragraph, with the paragraphs they held: a chunk of the very same paragraphs
 * (which the parse keeps only while their text is unchanged) is of the same kind after an edit elsewhere.
 */
const classified = new WeakMap<Paragraph, { readonly paragraphs: readonly Paragraph[]; readonly kind: ChunkKind }>();

function classify(text: string, chunk: Chunk): ChunkKind {
  if (chunk.blocks[0]!.type !== 'paragraph') return 'marker';
  const { paragraphs } = chunk;
  const known = classified.get(paragraphs[0]!);
  if (known && known.paragraphs.length === paragraphs.length && known.paragraphs.every((p, i) => p === paragraphs[i])) return known.kind;
  const kind = kindOf(text, paragraphs);
  classified.set(paragraphs[0]!, { paragraphs, kind });
  return kind;
}

function kindOf(text: string, paragraphs: readonly Paragraph[]): ChunkKind {
  const first = paragraphs[0]!;
  if (paragraphs.length === 1 && isSectionLabel(text, first)) return 'label';
  const rest = isSectionLabel(text, first) ? paragraphs.slice(1) : paragraphs;
  if (rest.length > 0 && bylineAnchor(text, rest) >= 0) return 'article';
  if (rest.length >= 3 && isHeadlineLike(text, rest[0]!)) return 'headed';
  return 'text';
}

function isFooterParagraph(text: string, paragraph: Paragraph, options: ParseOptions): boolean {
  return options.footerSignatures.has(paragraphSignature(text, paragraph));
}

/** Index of the chunk where the footer starts, searching after the first article. */
function findFooter(text: string, chunks: readonly Chunk[], kinds: readonly ChunkKind[], from: number, options: ParseOptions): number {
  for (let i = from + 1; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    if (kinds[i] === 'marker' && chunk.blocks[0]!.type === 'divider') {
      const next = chunks[i + 1];
      const paragraph = next?.blocks[0];
      if (paragraph?.type === 'paragraph' && isFooterParagraph(text, paragraph.paragraph, options)) return i;
    } else if (kinds[i] !== 'marker') {
      const opening = chunk.blocks[0]!;
      if (opening.type !== 'paragraph' || !isFooterParagraph(text, opening.paragraph, options)) continue;
      if (chunk.paragraphs.filter((p) => isFooterParagraph(text, p, options)).length >= 2) return i;
    }
  }
  let lastArticle = -1;
  kinds.forEach((kind, i) => {
    if (kind === 'article') lastArticle = i;
  });
  for (let i = Math.max(from, lastArticle) + 1; i < chunks.length; i++) {
    if (chunks[i]!.blocks[0]!.type === 'divider') return i;
  }
  return chunks.length;
}

/**
 * An article's paragraphs, as the chunks it is made of hold them: joined into one list only for an article parsed
 * again, not for the many a keystroke reuses.
 */
interface Draft {
  readonly parts: (readonly Paragraph[])[];
}

function draftParagraphs(draft: Draft): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const part of draft.parts) append(paragraphs, part);
  return paragraphs;
}

const keys = new WeakMap<Article, string>();
let articleCount = 0;

/**
 * Names what determines everything about a parsed article: its text and the blank lines before it. Two articles
 * with one key are equal but for where they start. Known for the articles of incremental parses (those given a
 * cache), so results derived from an article can be reused too.
 */
export function articleKey(article: Article): string | undefined {
  return keys.get(article);
}

/**
 * The drafts' articles, reusing those of the last parse that the edit left alone: by position where they lie in
 * the unchanged start or end of the text, else by their text (an article moved, or a paragraph joined and split
 * again).
 */
function reuseArticles(text: string, drafts: readonly Draft[], options: ParseOptions, cache: ParseCache): Article[] {
  const { unchanged } = cache;
  const previous = unchanged ? cache.articles : [];
  const byStart = new Map<number, KeptArticle>();
  for (const kept of previous) byStart.set(kept.article.start, kept);
  /** The old articles the edit touched, by their length and blank lines before: their text is compared only then. */
  let byLength: Map<string, KeptArticle[]> | undefined;
  /** The old articles reused, by how far they move. */
  const moving = new Map<Article, number>();
  const lengthKey = (blanks: number, start: number, end: number): string => `${blanks}:${end - start}`;
  const matching = (kept: KeptArticle | undefined, end: number, blanks: number): KeptArticle | undefined =>
    kept && kept.article.end === end && kept.blanksBefore === blanks ? kept : undefined;
  const next: KeptArticle[] = [];
  let reused = 0;
  const articles = drafts.map((draft) => {
    const first = draft.parts[0]![0]!;
    const start = first.start;
    const lastPart = draft.parts[draft.parts.length - 1]!;
    const end = lastPart[lastPart.length - 1]!.end;
    let kept: KeptArticle | undefined;
    let moved = 0;
    if (unchanged) {
      if (end <= unchanged.prefix) kept = matching(byStart.get(start), end, first.blanksBefore);
      else if (start >= text.length - unchanged.suffix) {
        kept = matching(byStart.get(start - unchanged.delta), end - unchanged.delta, first.blanksBefore);
        moved = unchanged.delta;
      }
      if (!kept) {
        const prev = cache.text!;
        if (!byLength) {
          byLength = new Map();
          const changedFrom = unchanged.prefix;
          const changedTo = prev.length - unchanged.suffix;
          for (const k of previous) {
            if (k.article.end <= changedFrom || k.article.start >= changedTo) continue;
            const key = lengthKey(k.blanksBefore, k.article.start, k.article.end);
            const same = byLength.get(key);
            if (same) same.push(k);
            else byLength.set(key, [k]);
          }
        }
        // A keystroke changes its article's length: its text, thousands of characters, is then never compared.
        // Of old articles with the same text (one pasted twice), any would do: the last is taken.
        const body = text.slice(start, end);
        for (const k of byLength.get(lengthKey(first.blanksBefore, start, end)) ?? [])
          if (prev.slice(k.article.start, k.article.end) === body) kept = k;
        if (kept) moved = start - kept.article.start;
      }
    }
    let article: Article;
    if (!kept) article = detachedArticle(parseArticle(text, draftParagraphs(draft), options));
    else if (moving.has(kept.article))
      // The same text twice (an article pasted again): its second use is a copy, or moving it would move both.
      article = shifted(kept.article, moved);
    else {
      article = kept.article;
      moving.set(article, moved);
    }
    if (kept) reused++;
    const key = kept?.key ?? `a${++articleCount}`;
    keys.set(article, key);
    next.push({ article, key, blanksBefore: first.blanksBefore });
    return article;
  });
  // Only now, once every old article has been found where it stood: they move in place, and are this version's.
  for (const [article, moved] of moving) movedArticleInPlace(article, moved);
  cache.articles = next;
  cache.reused = Object.assign({}, cache.reused, { articles: reused });
  return articles;
}

/** The text with no structure read: for documents too large to parse on every keystroke. */
export function unparsedDocument(text: string): BulletinDocument {
  return assemble(text, [], DEFAULT_PARSE_OPTIONS, undefined);
}

/**
 * Parses the text; with a cache from the document's previous version, reuses what the edit left alone. The nodes
 * it reuses after the edit are moved in place: the previous version's document is not to be read afterwards.
 * `known`: how much of the text the edits since then are known to have left at either end (never more than they did).
 */
export function parseBulletin(
  text: string,
  options: ParseOptions = DEFAULT_PARSE_OPTIONS,
  cache?: ParseCache,
  known?: KnownUnchanged,
): BulletinDocument {
  const incremental = cache !== undefined && cache.text !== undefined && cache.options === options;
  if (cache && !incremental) cache.unchanged = undefined;
  let blocks: Block[];
  let doc: BulletinDocument;
  try {
    blocks = incremental ? blocksAfterEdit(text, cache, known) : scanBlocks(text);
    doc = assemble(text, blocks, options, cache);
  } catch (error) {
    // Nodes may have moved to the new text already: the next parse starts afresh rather than from a half-moved cache.
    if (cache) Object.assign(cache, { text: undefined, blocks: [], articles: [], unchanged: undefined });
    throw error;
  }
  if (cache) {
    cache.text = text;
    cache.options = options;
    cache.blocks = blocks;
  }
  return doc;
}

function assemble(text: string, blocks: readonly Block[], options: ParseOptions, cache: ParseCache | undefined): BulletinDocument {
  // Made at its size: grown a push at a time, a 1 MB issue's ten thousand paragraphs left twice as much behind.
  let count = 0;
  for (const block of blocks) if (block.type === 'paragraph') count++;
  const paragraphs = new Array<Paragraph>(count);
  count = 0;
  for (const block of blocks) if (block.type === 'paragraph') paragraphs[count++] = block.paragraph;

  let masthead: Masthead | undefined;
  const firstBlock = blocks[0];
  if (firstBlock?.type === 'paragraph') masthead = parseMasthead(text, firstBlock.paragraph, options.mastheadPattern);
  // The masthead stands alone, however few blank lines follow it.
  const chunks = groupChunks(blocks, masthead !== undefined);

  const kinds = chunks.map((chunk) => classify(text, chunk));
  if (masthead) kinds[0] = 'marker';
  let first = kinds.indexOf('article');
  if (first < 0) first = kinds.indexOf('headed');
  const footerAt = first < 0 ? chunks.length : findFooter(text, chunks, kinds, first, options);
  const articlesEnd = Math.min(footerAt, chunks.length);
  const preambleEnd = first < 0 ? articlesEnd : first;

  const preambleBlocks: Block[] = [];
  for (let i = 0; i < preambleEnd; i++) append(preambleBlocks, chunks[i]!.blocks);
  if (masthead) preambleBlocks.shift();
  const preamble = parsePreamble(text, preambleBlocks);
  const notices: NoticeBlock[] = [...preamble.notices];
  const dividers: Divider[] = [...preamble.dividers];
  const strays: Paragraph[] = [...preamble.strays];

  const drafts: Draft[] = [];
  const sectionStarts = new Map<Draft, SectionLabel>();
  let pendingLabel: SectionLabel | undefined;
  let current: Draft | undefined;
  for (let i = preambleEnd; i < articlesEnd; i++) {
    const chunk = chunks[i]!;
    const kind = kinds[i]!;
    if (kind === 'marker') {
      const block = chunk.blocks[0]!;
      if (block.type === 'paragraph') continue;
      if (block.type === 'divider') dividers.push(block.divider);
      current = undefined;
      continue;
    }
    const chunkParas = chunk.paragraphs;
    if (kind === 'label') {
      pendingLabel = asSectionLabel(text, chunkParas[0]!);
      continue;
    }
    if (kind === 'article' || kind === 'headed') {
      current = { parts: [chunkParas] };
      drafts.push(current);
      if (pendingLabel) sectionStarts.set(current, pendingLabel);
      pendingLabel = undefined;
      continue;
    }
    if (current) {
      if (chunkParas.length > 0) current.parts.push(chunkParas);
      continue;
    }
    // Text between dividers in the article region: a framed notice such as `DONATE TO IWPR: URL`.
    const framed = chunkParas.map((p) => parseNotice(text, p));
    if (framed.every((n) => n !== undefined)) {
      notices.push({ start: chunk.start, end: chunk.end, notices: framed });
    } else {
      append(strays, chunkParas);
    }
  }

  const articles: Article[] = cache
    ? reuseArticles(text, drafts, options, cache)
    : drafts.map((d) => parseArticle(text, draftParagraphs(d), options));
  const sections: Section[] = [];
  let section: { label?: SectionLabel; articles: Article[] } | undefined;
  drafts.forEach((draft, i) => {
    const article = articles[i]!;
    const label = sectionStarts.get(draft) ?? article.label;
    if (label || !section) {
      if (section && section.articles.length > 0) sections.push(toSection(section));
      section = Object.assign(label ? { label } : {}, { articles: [] });
    }
    section.articles.push(article);
  });
  if (section && section.articles.length > 0) sections.push(toSection(section));

  const footerBlocks: Block[] = [];
  for (let i = footerAt; i < chunks.length; i++) append(footerBlocks, chunks[i]!.blocks);
  const footer = parseFooter(footerBlocks);
  for (const block of footerBlocks) if (block.type === 'divider') dividers.push(block.divider);

  return {
    text,
    notices,
    dividers: dividers.sort((a, b) => a.start - b.start),
    articles,
    sections,
    paragraphs,
    strays,
    ...(masthead ? { masthead } : {}),
    ...(preamble.contents ? { contents: preamble.contents } : {}),
    ...(footer ? { footer } : {}),
  };
}

function toSection(draft: { label?: SectionLabel; articles: Article[] }): Section {
  const first = draft.articles[0]!;
  const last = draft.articles[draft.articles.length - 1]!;
  return {
    start: draft.label ? Math.min(draft.label.start, first.start) : first.start,
    end: last.end,
    articles: draft.articles,
    ...(draft.label ? { label: draft.label } : {}),
  };
}
