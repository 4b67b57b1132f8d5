// The masthead: `WELCOME TO IWPR'S REPORTING CENTRAL ASIA, No. 556 Part 1, November 17, 2008`.
import { parseDate } from './dates';
import { textAt } from './text';
import type { Masthead, Paragraph } from './types';

const MASTHEAD = /^(?:WELCOME TO\s+)?(.+?),?\s+No\.\s*(\d+)(?:\s+Part\s+([A-Za-z0-9]+))?\s*,\s*(.+?)\s*$/;

/** A masthead read with the publication's own pattern (named groups publication, number, date, part). */
function parseWithPattern(text: string, paragraph: Paragraph, pattern: RegExp): Masthead | undefined {
  const raw = text.slice(paragraph.start, paragraph.end).replace(/\r\n?|\n/g, (m) => ' '.repeat(m.length));
  const m = pattern.exec(raw);
  const groups = m?.groups;
  if (!m || !groups?.number || !groups.date) return undefined;
  const date = parseDate(groups.date);
  const number = Number(groups.number.replace(/\D/g, ''));
  if (!date || !Number.isFinite(number)) return undefined;
  const at = (value: string): number => paragraph.start + m.index + m[0].indexOf(value);
  const numberAt = at(groups.number);
  const dateAt = at(groups.date);
  return {
    start: paragraph.start,
    end: paragraph.end,
    number: Object.assign(textAt(text, numberAt, numberAt + groups.number.length), {
      value: number,
      ...(groups.part ? { part: groups.part } : {}),
    }),
    date: Object.assign(textAt(text, dateAt, dateAt + groups.date.length), { value: date }),
    ...(groups.publication
      ? { publication: textAt(text, at(groups.publication), at(groups.publication) + groups.publication.length) }
      : {}),
  };
}

/** Parses the paragraph as a masthead, or undefined when it is not one. */
export function parseMasthead(text: string, paragraph: Paragraph, pattern?: RegExp): Masthead | undefined {
  if (paragraph.lineCount > 3 || paragraph.end - paragraph.start > 300) return undefined;
  if (pattern) return parseWithPattern(text, paragraph, pattern);
  const raw = text.slice(paragraph.start, paragraph.end);
  const m = MASTHEAD.exec(raw.replace(/\r?\n|\r/g, ' '));
  if (!m) return undefined;
  const date = parseDate(m[4]!);
  if (!date) return undefined;
  // The regex ran on a copy with line breaks as spaces: same length, same offsets.
  const base = paragraph.start;
  const welcome = /^WELCOME TO\s+/.exec(raw);
  const pubStart = base + (welcome ? welcome[0].length : 0);
  const publication = textAt(text, pubStart, pubStart + m[1]!.length);
  const numberAt = raw.indexOf(m[2]!, m[1]!.length);
  const dateAt = raw.lastIndexOf(m[4]!);
  return {
    start: paragraph.start,
    end: paragraph.end,
    publication,
    number: Object.assign(textAt(text, base + numberAt, base + numberAt + m[2]!.length), {
      value: Number(m[2]),
      ...(m[3] ? { part: m[3] } : {}),
    }),
    date: Object.assign(textAt(text, base + dateAt, base + dateAt + m[4]!.length), { value: date }),
  };
}

/** `RCA` for `IWPR'S REPORTING CENTRAL ASIA`: the initials after any possessive. */
export function publicationInitials(publication: string): string {
  const words = publication
    .replace(/^.*?['’]S\s+/i, '')
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length > 0 && !/^(of|the|and|for|on)$/i.test(w));
  return words.map((w) => w.charAt(0).toUpperCase()).join('');
}
