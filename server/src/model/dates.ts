// Dates as bulletins write them: `November 17, 2008`, `2 April, 2008`, `24-Apr-09`.
import type { IssueDate } from './types';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m.startsWith(w) && (w.length >= 3 || m === w));
  return index < 0 ? undefined : index + 1;
}

function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function valid(year: number, month: number, day: number | undefined): IssueDate | undefined {
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return { year, month };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= days ? { year, month, day } : undefined;
}

/** Parses the whole text as a date; undefined when it is not one. */
export function parseDate(text: string): IssueDate | undefined {
  const t = text.trim().replace(/\.$/, '');
  let m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? valid(fullYear(m[3]!), month, Number(m[2])) : undefined;
  }
  m = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? valid(fullYear(m[3]!), month, Number(m[1])) : undefined;
  }
  m = /^(\d{1,2})[-\s/]([A-Za-z]{3,9})[-\s/](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? valid(fullYear(m[3]!), month, Number(m[1])) : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

export function sameDay(a: IssueDate, b: IssueDate): boolean {
  return a.year === b.year && a.month === b.month && (a.day === undefined || b.day === undefined || a.day === b.day);
}

export function formatDate(date: IssueDate): string {
  const month = MONTHS[date.month - 1]!;
  const name = month.charAt(0).toUpperCase() + month.slice(1);
  return date.day === undefined ? `${name} ${date.year}` : `${name} ${date.day}, ${date.year}`;
}

/** A year and month found in a file name such as `rca-2011-12-janaozen.txt`. */
export function dateFromFileName(name: string): IssueDate | undefined {
  const m = /(?:^|[^\d])((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12]\d|3[01]))?(?:[^\d]|$)/.exec(name);
  if (!m) return undefined;
  return valid(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined);
}
