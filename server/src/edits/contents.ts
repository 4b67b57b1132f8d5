// The contents list written from the articles: `HEADLINE  Standfirst.  By Name`
// per article, section labels before their articles, wrapped at the width.
import { collapseWhitespace } from '../model/text';
import type { Article, BulletinDocument, Span } from '../model/types';
import type { TextEdit } from '../checks/check';
import { wrap } from './wrap';

/** A contents entry from its parts, each optional: `HEADLINE  Standfirst.  By Name`. */
export function entryFromParts(parts: { headline?: string; standfirst?: string; byline?: string }, width: number, eol: string): string {
  const texts = [parts.headline, parts.standfirst, parts.byline]
    .filter((p): p is string => p !== undefined && p.length > 0)
    .map(collapseWhitespace);
  return wrap(texts.join('  '), width, eol);
}

export function spanText(doc: BulletinDocument, span: Span | undefined): string | undefined {
  return span ? collapseWhitespace(doc.text.slice(span.start, span.end)) : undefined;
}

export function entryText(doc: BulletinDocument, article: Article, width: number, eol: string): string {
  const parts: { headline?: string; standfirst?: string; byline?: string } = {};
  if (article.headline) parts.headline = article.headline.text;
  const standfirst = spanText(doc, article.standfirst);
  if (standfirst) parts.standfirst = standfirst;
  const byline = spanText(doc, article.byline);
  if (byline) parts.byline = byline;
  return entryFromParts(parts, width, eol);
}

export function contentsText(doc: BulletinDocument, width: number, eol: string): string {
  const blocks: string[] = [];
  for (const section of doc.sections) {
    if (section.label) blocks.push(section.label.text);
    for (const article of section.articles) blocks.push(entryText(doc, article, width, eol));
  }
  return blocks.join(eol + eol);
}

/** The edit that writes the contents afresh: over the old list, or before the first article. */
export function regenerateContents(doc: BulletinDocument, width: number, eol: string): TextEdit | undefined {
  if (doc.articles.length === 0) return undefined;
  const text = contentsText(doc, width, eol);
  const contents = doc.contents;
  if (contents && contents.entries.length > 0) {
    const span: Span = { start: contents.start, end: contents.end };
    return doc.text.slice(span.start, span.end) === text ? undefined : { start: span.start, end: span.end, newText: text };
  }
  const at = doc.masthead ? doc.masthead.end : 0;
  return doc.masthead ? { start: at, end: at, newText: `${eol}${eol}${text}` } : { start: 0, end: 0, newText: `${text}${eol}${eol}` };
}
