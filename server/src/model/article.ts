// Parses one article from the paragraphs of a chunk. The byline anchors the
// head: what stands before it is the headline and the standfirst.
import { parseByline } from './byline';
import { firstLine, joinParagraphs, lineParagraph, paragraphFromLine } from './lines';
import { authorNoteNameEnd, headlineCountryEnd, interviewerIn, speakerLabelAt } from './nameWords';
import { findCrossReferences } from './crossReferences';
import { endsWithClosingPunctuation, isCapitals, textAt } from './text';
import type { Article, Byline, CrossReference, Headline, Paragraph, SectionLabel, SignOff, Span, Turn } from './types';

export interface ArticleOptions {
  /** Speaker labels that open a question: `IWPR`. */
  readonly interviewers: readonly string[];
}

export const DEFAULT_ARTICLE_OPTIONS: ArticleOptions = { interviewers: ['IWPR'] };

/** How far into a chunk a byline may stand and still anchor an article's head. */
const HEAD_PARAGRAPHS = 4;

function firstLineText(text: string, paragraph: Paragraph): string {
  return text.slice(paragraph.start, paragraph.firstLineEnd);
}

/** `SPECIAL REPORT:` standing on its own line. */
export function isSectionLabel(text: string, paragraph: Paragraph): boolean {
  if (paragraph.lineCount !== 1) return false;
  const line = firstLineText(text, paragraph).trim();
  return line.length <= 48 && line.endsWith(':') && isCapitals(line) && !/\s:/.test(line);
}

export function asSectionLabel(text: string, paragraph: Paragraph): SectionLabel {
  return textAt(text, paragraph.start, paragraph.end);
}

/** A byline standing as its own short paragraph. */
export function standaloneByline(text: string, paragraph: Paragraph): Byline | undefined {
  if (paragraph.lineCount > 2 || (text.charCodeAt(paragraph.start) | 32) !== 98 /* b */) return undefined;
  return parseByline(text, paragraph.start, paragraph.end);
}

/** A single line without closing punctuation, or in capitals: reads as a headline. */
export function isHeadlineLike(text: string, paragraph: Paragraph): boolean {
  if (paragraph.lineCount !== 1) return false;
  const line = firstLineText(text, paragraph).trim();
  if (line.length > 120 || line.length < 3) return false;
  if (isCapitals(line) && !line.endsWith(':')) return true;
  return !endsWithClosingPunctuation(line) && !/^https?:\/\//.test(line) && /\p{Lu}/u.test(line.charAt(0));
}

/** Index of the paragraph holding the byline that anchors the head, or -1. */
export function bylineAnchor(text: string, paragraphs: readonly Paragraph[]): number {
  const limit = Math.min(paragraphs.length, HEAD_PARAGRAPHS + 1);
  for (let i = 0; i < limit; i++) {
    if (standaloneByline(text, paragraphs[i]!)) return i;
  }
  return -1;
}

function toHeadline(text: string, span: Span): Headline {
  const headline = textAt(text, span.start, span.end);
  const country = headlineCountryEnd(headline.text);
  return country >= 0 ? Object.assign(headline, { country: headline.text.slice(0, country) }) : headline;
}

interface Head {
  readonly headline?: Headline;
  readonly standfirst?: Paragraph;
}

function parseHead(text: string, head: readonly Paragraph[]): Head {
  if (head.length === 0) return {};
  if (head.length === 1) {
    const only = head[0]!;
    if (only.lineCount === 1 && !endsWithClosingPunctuation(firstLineText(text, only))) {
      return { headline: toHeadline(text, only) };
    }
    if (only.lineCount > 1 && isCapitals(firstLineText(text, only))) {
      return { headline: toHeadline(text, firstLine(only)), standfirst: paragraphFromLine(text, only, 1) };
    }
    return { standfirst: only };
  }
  return { headline: toHeadline(text, head[0]!), standfirst: joinParagraphs(head.slice(1)) };
}

/** Where a label's colon stands at the latest: four words of up to 31 letters, and the spaces between them. */
const LABEL_COLON_WITHIN = 4 * 31 + 3 + 1;

function speakerLabel(text: string, paragraph: Paragraph): SectionLabel | undefined {
  // Most paragraphs have no colon near their start: a plain search rules them out faster than the pattern.
  if (!text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + LABEL_COLON_WITHIN)).includes(':')) return undefined;
  const speaker = speakerLabelAt(text, paragraph.start);
  if (!speaker || speaker.end > paragraph.end) return undefined;
  return { start: paragraph.start, end: speaker.label, text: text.slice(paragraph.start, speaker.label) };
}

function parseTurns(text: string, body: readonly Paragraph[], options: ArticleOptions, end: number): Turn[] {
  const labels = body.map((p) => speakerLabel(text, p));
  const isQuestion = (label: SectionLabel | undefined): boolean => label !== undefined && options.interviewers.includes(label.text);
  if (!labels.some(isQuestion)) return [];
  const turns: Turn[] = [];
  let open: { role: 'question' | 'answer'; label: SectionLabel; paragraphs: Paragraph[] } | undefined;
  const close = (): void => {
    if (!open) return;
    const last = open.paragraphs[open.paragraphs.length - 1]!;
    turns.push({ start: open.paragraphs[0]!.start, end: last.end, ...open });
    open = undefined;
  };
  body.forEach((paragraph, i) => {
    if (paragraph.start >= end) return;
    const label = labels[i];
    if (label) {
      close();
      open = { role: isQuestion(label) ? 'question' : 'answer', label, paragraphs: [paragraph] };
    } else if (open) {
      open.paragraphs.push(paragraph);
    }
  });
  close();
  return turns;
}

const ROLE_WORDS =
  /\b(IWPR|editor|correspondent|reporter|journalist|contributor|writer|analyst|freelance|director|co-?ordinator|trainer|producer|staff|researcher|fellow)\b/i;

function parseSignOff(text: string, paragraph: Paragraph): SignOff | undefined {
  if (paragraph.lineCount > 6) return undefined;
  const raw = text.slice(paragraph.start, paragraph.end);
  const interviewer = interviewerIn(raw);
  if (interviewer) {
    return {
      start: paragraph.start,
      end: paragraph.end,
      kind: 'interview',
      person: textAt(text, paragraph.start + interviewer.start, paragraph.start + interviewer.end),
    };
  }
  const name = authorNoteNameEnd(raw);
  if (name >= 0 && ROLE_WORDS.test(raw) && paragraph.lineCount <= 3) {
    return {
      start: paragraph.start,
      end: paragraph.end,
      kind: 'author-note',
      person: textAt(text, paragraph.start, paragraph.start + name),
    };
  }
  return undefined;
}

/** Parses the paragraphs of one article chunk (optionally opened by a section label). */
export function parseArticle(text: string, paragraphs: readonly Paragraph[], options: ArticleOptions = DEFAULT_ARTICLE_OPTIONS): Article {
  let rest = paragraphs;
  let label: SectionLabel | undefined;
  const first = rest[0]!;
  if (isSectionLabel(text, first)) {
    label = asSectionLabel(text, first);
    rest = rest.slice(1);
  } else if (first.lineCount > 1) {
    const single = lineParagraph(firstLine(first), first.blanksBefore);
    if (isSectionLabel(text, single)) {
      label = asSectionLabel(text, single);
      rest = [paragraphFromLine(text, first, 1), ...rest.slice(1)];
    }
  }
  const anchor = bylineAnchor(text, rest);
  let head: Head;
  let byline: Byline | undefined;
  let body: readonly Paragraph[];
  if (anchor >= 0) {
    head = parseHead(text, rest.slice(0, anchor));
    byline = standaloneByline(text, rest[anchor]!);
    body = rest.slice(anchor + 1);
  } else if (rest.length > 0 && isHeadlineLike(text, rest[0]!)) {
    const standfirst =
      rest[1] && rest[1].lineCount <= 3 && endsWithClosingPunctuation(text.slice(rest[1].start, rest[1].end)) ? rest[1] : undefined;
    head = { headline: toHeadline(text, rest[0]!), ...(standfirst ? { standfirst } : {}) };
    body = rest.slice(standfirst ? 2 : 1);
  } else {
    head = {};
    body = rest;
  }

  const strayBylines: Byline[] = [];
  for (const paragraph of body) {
    const stray = standaloneByline(text, paragraph);
    if (stray) strayBylines.push(stray);
  }
  const lastBody = body[body.length - 1];
  const signOff = lastBody ? parseSignOff(text, lastBody) : undefined;
  const turnsEnd = signOff ? signOff.start : Number.MAX_SAFE_INTEGER;
  const turns = parseTurns(text, body, options, turnsEnd);

  const crossReferences: CrossReference[] = findCrossReferences(text, head.standfirst ? [head.standfirst, ...body] : body);

  const last = paragraphs[paragraphs.length - 1]!;
  return {
    start: first.start,
    end: last.end,
    body,
    strayBylines,
    turns,
    crossReferences,
    ...(label ? { label } : {}),
    ...(head.headline ? { headline: head.headline } : {}),
    ...(head.standfirst ? { standfirst: head.standfirst } : {}),
    ...(byline ? { byline } : {}),
    ...(signOff ? { signOff } : {}),
  };
}
