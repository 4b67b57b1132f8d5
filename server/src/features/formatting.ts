// Formatting: rewraps prose to the email width and puts exactly two blank
// lines between articles. Headlines, bylines, labels, notices, URLs, dividers
// and the footer are left as they are. It never adds or drops a word.
import type { TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import type { TextEdit } from '../checks/check';
import type { CheckContext } from '../checks/context';
import { proseParagraphs } from '../checks/facts/prose';
import { wrap } from '../edits/wrap';
import type { Positions } from '../model/lineIndex';
import { linesOf } from '../model/lines';
import { collapseWhitespace } from '../model/text';
import type { Paragraph, Span } from '../model/types';
import { toRange } from './range';

export type Reflow = 'overlong' | 'all';

export interface FormatOptions {
  /** Rewrap only paragraphs with a line beyond the width, or every paragraph of prose. */
  readonly reflow: Reflow;
}

const BLANK_LINES_BETWEEN_ARTICLES = 2;
// The indent stops at a line end: `^\s*` would run on over every following line of NBSPs or U+2028 (quadratic).
const LIST_ITEM = /^[^\S\r\n\u2028\u2029]*(?:[-*•]|\d+[.)])\s/m;

function overlong(text: string, paragraph: Paragraph, width: number): boolean {
  return linesOf(text, paragraph).some((l) => l.end - l.start > width);
}

/** The edits that format the document, or the part of it within `range`. */
export function formatEdits(context: CheckContext, options: FormatOptions, range?: Span): TextEdit[] {
  const { text, doc, width, eol } = context;
  const edits: TextEdit[] = [];
  const within = (span: Span): boolean => !range || (span.end >= range.start && span.start <= range.end);
  const paragraphs: Paragraph[] = [
    ...proseParagraphs(context).map((p) => p.paragraph),
    ...(doc.contents?.entries.map((e) => e.paragraph) ?? []),
  ];
  for (const paragraph of paragraphs) {
    if (!within(paragraph)) continue;
    const original = text.slice(paragraph.start, paragraph.end);
    if (LIST_ITEM.test(original)) continue;
    if (options.reflow === 'overlong' && !overlong(text, paragraph, width)) continue;
    const indent = /^[ \t]*/.exec(original)![0];
    const wrapped = indent + wrap(collapseWhitespace(original), width, eol, indent.length);
    if (wrapped !== original) edits.push({ start: paragraph.start, end: paragraph.end, newText: wrapped });
  }
  const separator = eol.repeat(BLANK_LINES_BETWEEN_ARTICLES + 1);
  for (let i = 1; i < doc.articles.length; i++) {
    const gap = { start: doc.articles[i - 1]!.end, end: doc.articles[i]!.start };
    if (!within(gap) || !/^\s*$/.test(text.slice(gap.start, gap.end))) continue;
    if (text.slice(gap.start, gap.end) !== separator) edits.push({ start: gap.start, end: gap.end, newText: separator });
  }
  return edits.sort((a, b) => a.start - b.start);
}

export function formatting(context: CheckContext, positions: Positions, options: FormatOptions, range?: Span): LspTextEdit[] {
  return formatEdits(context, options, range).map((e) => ({ range: toRange(positions, e), newText: e.newText }));
}
