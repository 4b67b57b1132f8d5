// Finds cross-references in a paragraph: `(See Title.)`, `(See A and B.)`,
// `(See Title, RCA No. 574, 24-Apr-09.)`, and running-text `see Title.`
// Whether a running reference really refers to an article is decided later,
// against the known headlines.
import { parseDate } from './dates';
import { isSpace, textAt, trimSpan } from './text';
import type { Citation, CrossReference, CrossReferenceProblem, Paragraph, Span, Text } from './types';

const CITATION = /,\s*([A-Z][A-Za-z]{0,9})\s+No\.?\s*(\d{1,6})(?:\s+Part\s+[A-Za-z0-9]+)?(?:\s*,\s*([^,]{3,30}?))?\s*$/;
const TRAILING_ON = /\s+on\s+(?:this|that|these|it)$/i;
const LEADING_ALSO = /^also\s+/i;
const MAX_TARGET = 400;

function endOfSentence(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */ || c === 59 /* ; */ || c === 41 /* ) */) {
      if (c !== 46 || i + 1 >= to || isSpace(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === 41) return i;
    }
    if (c === 40 /* ( */) return i;
  }
  return to;
}

/** Places inside `target` where ` and ` or `, ` may separate two titles. */
function conjunctions(text: string, target: Span): Span[] {
  const out: Span[] = [];
  const part = text.slice(target.start, target.end);
  const pattern = /(\s+and\s+|,\s+)(?=\p{Lu})/gu;
  for (let m = pattern.exec(part); m; m = pattern.exec(part)) {
    out.push({ start: target.start + m.index, end: target.start + m.index + m[0].length });
  }
  return out;
}

/** Splits `Title, RCA No. 574, 24-Apr-09` into the title part and the citation. */
function splitCitation(text: string, inner: Span): { title: Span; citation?: Citation } {
  const part = text.slice(inner.start, inner.end);
  const m = CITATION.exec(part);
  if (!m) return { title: inner };
  const citationStart = inner.start + m.index + m[0].indexOf(m[1]!);
  const citationText: Text = textAt(text, citationStart, inner.end);
  const date = m[3] ? parseDate(m[3]) : undefined;
  const citation: Citation = Object.assign(citationText, {
    publication: m[1]!,
    number: Number(m[2]),
    ...(date ? { date } : {}),
  });
  return { title: { start: inner.start, end: inner.start + m.index }, citation };
}

function target(text: string, title: Span): Text {
  let { start, end } = trimSpan(text, title.start, title.end);
  const also = LEADING_ALSO.exec(text.slice(start, Math.min(end, start + 10)));
  if (also) start += also[0].length;
  const on = TRAILING_ON.exec(text.slice(Math.max(start, end - 20), end));
  if (on) end -= on[0].length;
  return textAt(text, start, end);
}

function parenthetical(text: string, paragraph: Paragraph, open: number): CrossReference {
  const innerStart = open + 4;
  let close = -1;
  for (let i = innerStart; i < paragraph.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 41) {
      close = i;
      break;
    }
    if (c === 40 || i - innerStart > MAX_TARGET) break;
  }
  const problems: CrossReferenceProblem[] = [];
  let innerEnd: number;
  let end: number;
  if (close < 0) {
    problems.push('missing-close-paren');
    const stop = endOfSentence(text, innerStart, Math.min(paragraph.end, innerStart + MAX_TARGET));
    innerEnd = stop;
    end = stop < paragraph.end && text.charCodeAt(stop) === 46 ? stop + 1 : stop;
  } else {
    innerEnd = close;
    end = close + 1;
  }
  let inner = trimSpan(text, innerStart, innerEnd);
  const last = text.charCodeAt(inner.end - 1);
  if (last === 46 /* . */) {
    inner = { start: inner.start, end: inner.end - 1 };
  } else if (last === 44 /* , */) {
    problems.push('comma-without-issue');
    inner = { start: inner.start, end: inner.end - 1 };
  } else if (close >= 0 && text.charCodeAt(close + 1) === 46) {
    problems.push('full-stop-outside');
    end = close + 2;
  } else if (close >= 0) {
    problems.push('missing-full-stop');
  }
  const { title, citation } = splitCitation(text, inner);
  const t = target(text, title);
  return {
    start: open,
    end,
    kind: 'parenthetical',
    target: t,
    conjunctions: conjunctions(text, t),
    problems,
    ...(citation ? { citation } : {}),
  };
}

function running(text: string, paragraph: Paragraph, at: number): CrossReference | undefined {
  const stop = endOfSentence(text, at, Math.min(paragraph.end, at + MAX_TARGET));
  const t = target(text, { start: at, end: stop });
  if (t.end <= t.start) return undefined;
  return { start: t.start, end: t.end, kind: 'running', target: t, conjunctions: conjunctions(text, t), problems: [] };
}

/** Where a reference starts: `(See `, or `see` before a capital, not inside a word nor after `(`. */
const AT = /\(See\s|(?:^|[^(\p{L}])see\s+(?=\p{Lu})/uy;
/** The words `AT` needs: searching for them first, then trying `AT` next to each, is far faster than running `AT` at every character. */
const SEE = /[Ss]ee\s/g;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * The first match of `AT` that starts at or after `from` (a character's start), as a global search would find
 * it. A match starts at its `see` word, or one character (two code units for an astral one) before it.
 */
export function nextReference(part: string, from: number): RegExpExecArray | null {
  SEE.lastIndex = from;
  for (let word = SEE.exec(part); word; word = SEE.exec(part)) {
    for (let at = Math.max(from, word.index - 2); at <= word.index; at++) {
      // A global search in Unicode mode never starts between the halves of a surrogate pair.
      if (isLow(part.charCodeAt(at)) && isHigh(part.charCodeAt(at - 1))) continue;
      AT.lastIndex = at;
      const m = AT.exec(part);
      if (m) return m;
    }
  }
  return null;
}

/**
 * The cross-references of consecutive paragraphs (an article's), found in one
 * scan of their text.
 */
export function findCrossReferences(text: string, paragraphs: readonly Paragraph[]): CrossReference[] {
  const refs: CrossReference[] = [];
  if (paragraphs.length === 0) return refs;
  const from = paragraphs[0]!.start;
  const part = text.slice(from, paragraphs[paragraphs.length - 1]!.end);
  let p = 0;
  let consumed = -1;
  let next = 0;
  for (let m = nextReference(part, next); m; m = nextReference(part, next)) {
    next = m.index + m[0].length;
    // Where the reference's first word stands: a running one's match begins with the character before it.
    const parenthesised = m[0].startsWith('(See');
    const at = from + m.index + (parenthesised ? 0 : m[0].indexOf('see'));
    while (p < paragraphs.length && paragraphs[p]!.end <= at) p++;
    const paragraph = paragraphs[p];
    if (!paragraph || at < paragraph.start || at < consumed) continue;
    if (parenthesised) {
      const ref = parenthetical(text, paragraph, at);
      refs.push(ref);
      consumed = ref.end;
      next = Math.max(next, ref.end - from);
    } else {
      const ref = running(text, paragraph, from + m.index + m[0].length);
      if (ref) refs.push(ref);
    }
  }
  return refs;
}
