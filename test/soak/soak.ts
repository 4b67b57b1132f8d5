// What the soak runs share: how many runs, which seed (named in each test's title, to run it again).
import fc from 'fast-check';

export const SEED = Number(process.env.SOAK_SEED ?? Date.now() % 2 ** 31);

/** `runs` at the default; SOAK_RUNS scales every test alike (SOAK_RUNS=10 runs ten times as many). */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * Number(process.env.SOAK_RUNS ?? 1)));
}

export interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** What editors type and paste, with what makes and breaks the bulletin's structure. */
export const insertion = fc.oneof(
  fc.constantFrom(
    'x',
    ' ',
    '\t',
    '\n',
    '\n\n',
    '\n\n\n',
    '\r\n',
    '\r',
    '\t\n',
    'By ',
    'by Dina Tokbaeva\n',
    'By Saule Mukhametrakhimova\n',
    '(See ',
    '.)',
    '(See Oil Workers Strike.)',
    '(See Kazak Protesters Demand Accountability for Killings, RCA No. 574, 24-Apr-09.)',
    '**** NEW\n',
    '****\n',
    'IWPR: ',
    '“',
    'KAZAKSTAN: NEW HEADLINE\n\n',
    'Nazarbayev ',
    'Nazarbaev',
    'and and ',
    'TK ',
    ' http://iwpr.net/x ',
    'x'.repeat(80),
  ),
  fc.string({ maxLength: 12 }),
);

/** The edit's range clamped to the text. */
export function clamped(text: string, edit: Edit): { start: number; end: number } {
  const start = Math.min(edit.at, text.length);
  return { start, end: Math.min(start + edit.remove, text.length) };
}
