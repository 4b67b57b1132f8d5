// Properties every result holds, over generated bulletins, random edits of the
// sample and arbitrary Unicode: nothing throws, every range lies inside the
// document on UTF-16 boundaries, symbols nest, folding ranges fold, and every
// fix, rename and format changes only the text it says it changes. The oracle
// is `inspect` (test/support/invariants.ts).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clean, FIXTURES, sample } from '../support/fixture';
import type { FileSpec } from '../support/fixture';
import { inspect } from '../support/invariants';

const ARCHIVE: readonly FileSpec[] = ['rca-2009-04-574.bulletin', 'rca-2011-12-632.bulletin'].map((name) => ({
  uri: `file:///ws/${name}`,
  text: readFileSync(path.join(FIXTURES, 'archive', name), 'utf8'),
}));

// ---------------------------------------------------------------------------
// Pieces of bulletins, as editors write (and damage) them.

const COUNTRIES = ['KAZAKSTAN', 'KYRGYZSTAN', 'TAJIKISTAN', 'UZBEKISTAN'];
/** Titles articles carry and references name; two are headlines of the archive's issues. */
const TITLES = [
  'Oil Town Waits for Answers',
  'Rebels Without Common Cause',
  'A Winter Without Power',
  'Police Round Up Men After Janaozen Violence',
  "Kazakstan's Unhappy Oil Workers",
  'Kazak Spin Doctors Explain Police Shootings',
  'Reprisals Merely Anger Protesting Kazak Oil Workers',
];
const NAMES = ['Dina Tokbaeva', 'Almaz Rysaliev', 'Saule Mukhametrakhimova', 'Janar Kasymbekova', 'Paul Murphy', 'Nodira Azimova'];
const PLACES = ['Bishkek', 'Almaty', 'London', 'Dushanbe'];
const WORDS =
  'oil workers in the town said police had opened fire on protesters and that officials promised an inquiry into what happened Kazakstan Kazakhstan Janaozen Zhanaozen Nazarbaev Nazarbayev Kasymov Kazymov government strike pay'.split(
    ' ',
  );
/** What real drafts hold besides plain words: typography, scripts, emoji, invisible characters, slips. */
const ODDITIES = [
  '’',
  '“',
  '”',
  '–',
  '—',
  '…',
  '\t',
  '\u00a0',
  '\u200b',
  '\u200f',
  '\u202e',
  'שלום',
  'مرحبا بكم',
  'Алматы',
  'N\u0303',
  'e\u0301\u0301',
  '🛢️',
  '👩‍👩‍👧',
  '🇰🇿',
  '𝒳',
  'TK',
  'TODO',
  '[link]',
  'and and',
  '((',
  '))',
  '  ',
  'http://iwpr.net/donate.',
  'see Oil Town Waits for Answers.',
];

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

const word = fc.oneof({ weight: 12, arbitrary: pick(WORDS) }, { weight: 1, arbitrary: pick(ODDITIES) });
const phrase = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const sentence = fc
  .tuple(phrase(3, 14), pick(['.', '.', '.', '?', '', ',', '!']))
  .map(([p, end]) => `${p.charAt(0).toUpperCase()}${p.slice(1)}${end}`);

const title = pick(TITLES);
const headline = fc
  .tuple(fc.option(pick(COUNTRIES)), fc.oneof(title, phrase(2, 6)), fc.option(pick(ODDITIES), { freq: 4 }))
  .map(([country, t, odd]) => `${country ? `${country}: ` : ''}${t.toUpperCase()}${odd ? ` ${odd}` : ''}`);

const byline = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(pick(NAMES), pick(PLACES)).map(([n, p]) => `By ${n} in ${p}`) },
  { weight: 2, arbitrary: pick(NAMES).map((n) => `By ${n}`) },
  { weight: 1, arbitrary: fc.tuple(pick(NAMES), pick(PLACES), pick(NAMES)).map(([a, p, b]) => `By ${a} in ${p} and ${b} in ${p}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(pick(NAMES), pick(['by ', 'By: ', 'BY ', 'By  ', 'by: ']), pick(['', '.', ' .', ',']))
      .map(([n, by, end]) => `${by}${n}${end}`),
  },
  { weight: 1, arbitrary: pick(['By', 'By:', 'By blocking access to the town, police stopped it.', 'By IWPR staff in Central Asia']) },
);

const reference = fc
  .tuple(
    title,
    title,
    pick([
      (t: string) => `(See ${t}.)`,
      (t: string) => `(See ${t},)`,
      (t: string) => `(See ${t}`,
      (t: string) => `(See ${t})`,
      (t: string) => `(See ${t}).`,
      (t: string) => `(See also ${t} on this.)`,
      (t: string, u: string) => `(See ${t} and ${u}.)`,
      (t: string) => `(See ${t}, RCA No. 574, 24-Apr-09.)`,
      (t: string) => `(See ${t}, RCA No. 632, 1-Jan-11.)`,
      (t: string) => `(See ${t.toUpperCase()}.)`,
      (t: string, u: string) => `see ${t} and ${u}.`,
      (t: string) => `(See ${t.replace(/ /g, '\n')}.)`,
    ]),
  )
  .map(([t, u, form]) => form(t, u));

const bodyParagraph = fc
  .array(fc.oneof({ weight: 4, arbitrary: sentence }, { weight: 1, arbitrary: reference }), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(' '));

const turn = fc.oneof(
  sentence.map((s) => `IWPR: ${s.replace(/[.,!]?$/, '?')}`),
  fc.tuple(pick(NAMES), sentence).map(([n, s]) => `${n}: ${s}`),
  fc.tuple(pick(NAMES), sentence).map(([n, s]) => `${n.split(' ')[1]!}: ${s}`),
);

const signOff = fc.oneof(
  fc.tuple(pick(NAMES), pick(PLACES)).map(([n, p]) => `${n} is IWPR editor in ${p}.`),
  pick(NAMES).map((n) => `Interview conducted by ${n}, IWPR Central Asia editor.`),
);

interface ArticleParts {
  readonly headline: string | null;
  readonly standfirst: string;
  readonly byline: string | null;
  readonly body: readonly string[];
  readonly signOff: string | null;
  readonly label: string | null;
  /** A notice framed by dividers after the article, as `DONATE TO IWPR` stands between articles. */
  readonly framedAfter: boolean;
}

const article: fc.Arbitrary<ArticleParts> = fc.record({
  headline: fc.option(headline, { freq: 5 }),
  standfirst: fc.tuple(sentence, fc.option(sentence)).map(([a, b]) => (b ? `${a} ${b}` : a)),
  byline: fc.option(byline, { freq: 8 }),
  body: fc.array(fc.oneof({ weight: 3, arbitrary: bodyParagraph }, { weight: 1, arbitrary: turn }, { weight: 1, arbitrary: byline }), {
    minLength: 0,
    maxLength: 6,
  }),
  signOff: fc.option(signOff, { freq: 2 }),
  label: fc.option(pick(['SPECIAL REPORT:', 'COURTSIDE:', 'BRIEFLY NOTED:']), { freq: 6 }),
  framedAfter: fc.nat({ max: 5 }).map((n) => n === 0),
});

const FOOTER = ((): string => {
  const text = clean();
  return text.slice(text.lastIndexOf('**** http://iwpr.net/', text.indexOf('REPORTING CENTRAL ASIA provides')));
})();
const FOOTER_PARAGRAPHS = FOOTER.trimEnd().split('\n\n');

/** The reference footer, whole or damaged as drafts damage it. */
const footer = fc.oneof(
  { weight: 3, arbitrary: fc.constant(FOOTER_PARAGRAPHS) },
  { weight: 1, arbitrary: fc.nat({ max: FOOTER_PARAGRAPHS.length - 1 }).map((i) => FOOTER_PARAGRAPHS.filter((_, j) => j !== i)) },
  {
    weight: 1,
    arbitrary: fc.nat({ max: FOOTER_PARAGRAPHS.length - 1 }).map((i) => FOOTER_PARAGRAPHS.flatMap((p, j) => (j === i ? [p, p] : [p]))),
  },
  {
    weight: 1,
    arbitrary: fc.constant(FOOTER_PARAGRAPHS.map((p) => p.replace('Central Asia Editor: Saule\n', 'Central Asia Editor: Saule\n\n'))),
  },
  { weight: 1, arbitrary: fc.constant(FOOTER_PARAGRAPHS.map((p) => p.replace('© 2009', '© 2011').replace('1477-7924', '1477-7925'))) },
  { weight: 1, arbitrary: fc.constant([...FOOTER_PARAGRAPHS, 'Reply via email to']) },
  { weight: 1, arbitrary: fc.constant([]) },
);

const FRAMED_NOTICE =
  '**** http://iwpr.net/ ****************************\n\nDONATE TO IWPR: http://iwpr.net/donate\n\n**** http://iwpr.net/ ****';

/** Greedy wrapping at a width, as a mail client does; width 0 leaves the text on one line. */
function hardWrap(text: string, width: number): string {
  if (width === 0) return text;
  const lines: string[] = [];
  let current = '';
  for (const w of text.split(' ')) {
    if (current.length > 0 && current.length + 1 + w.length > width) {
      lines.push(current);
      current = w;
    } else current = current.length > 0 ? `${current} ${w}` : w;
  }
  lines.push(current);
  return lines.join('\n');
}

interface Layout {
  readonly bom: boolean;
  readonly masthead: boolean;
  readonly contents: 'whole' | 'damaged' | 'none';
  readonly notices: boolean;
  readonly width: number;
  readonly gaps: readonly number[];
  readonly eols: readonly string[];
  readonly trailing: readonly number[];
}

const layout: fc.Arbitrary<Layout> = fc.record({
  bom: fc.boolean(),
  masthead: fc.boolean(),
  contents: pick(['whole', 'damaged', 'none'] as const),
  notices: fc.boolean(),
  width: pick([0, 40, 66, 70, 72]),
  gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
  eols: fc.oneof(
    { weight: 4, arbitrary: fc.constant(['\n']) },
    { weight: 1, arbitrary: fc.constant(['\r\n']) },
    { weight: 1, arbitrary: fc.constant(['\r']) },
    { weight: 2, arbitrary: fc.array(pick(['\n', '\r\n', '\r']), { minLength: 2, maxLength: 5 }) },
  ),
  trailing: fc.array(fc.nat({ max: 200 }), { maxLength: 4 }),
});

/** Assembles a bulletin from its pieces: masthead, contents, notices, articles, footer. */
function assemble(articles: readonly ArticleParts[], footerParagraphs: readonly string[], l: Layout): string {
  const wrap = (s: string): string => hardWrap(s, l.width);
  const blocks: string[] = [];
  if (l.masthead) blocks.push("WELCOME TO IWPR'S REPORTING CENTRAL ASIA, No. 640 Part 1, December 22, 2011");
  if (l.contents !== 'none') {
    const entries = articles.map((a) => {
      const entry = wrap([a.headline ?? '', a.standfirst, a.byline ?? ''].filter((p) => p.length > 0).join('  '));
      // Damaged as in the sample: the entry lost its first line.
      return l.contents === 'damaged' && entry.includes('\n') ? entry.slice(entry.indexOf('\n') + 1) : entry;
    });
    blocks.push(entries.join('\n\n'));
  }
  if (l.notices) {
    blocks.push(
      '**** NEW \nVACANCIES: http://iwpr.net/what-we-do/vacancies\n\nCENTRAL ASIA RADIO:\nhttp://iwpr.net/programme/central-asia',
    );
    blocks.push(FRAMED_NOTICE);
  }
  for (const a of articles) {
    const parts = [
      a.label,
      a.headline,
      wrap(a.standfirst),
      a.byline,
      ...a.body.map((p) => (p.startsWith('By') || p.startsWith('by') ? p : wrap(p))),
      a.signOff && wrap(a.signOff),
    ].filter((p): p is string => p !== null && p.length > 0);
    blocks.push(parts.join('\n\n'));
    if (a.framedAfter) blocks.push(FRAMED_NOTICE);
  }
  if (footerParagraphs.length > 0) blocks.push(footerParagraphs.join('\n\n'));
  let text = '';
  blocks.forEach((block, i) => {
    if (i > 0) text += '\n'.repeat(l.gaps[i % l.gaps.length]! + 1);
    text += block;
  });
  text += '\n';
  // Trailing spaces on some lines, then the line breaks.
  const lines = text.split('\n');
  for (const t of l.trailing) if (lines.length > 0) lines[t % lines.length] += ' ';
  let out = l.bom ? '\ufeff' : '';
  lines.forEach((line, i) => {
    out += line;
    if (i < lines.length - 1) out += l.eols[i % l.eols.length]!;
  });
  return out;
}

const bulletin = fc.tuple(fc.array(article, { minLength: 0, maxLength: 5 }), footer, layout).map(([a, f, l]) => assemble(a, f, l));

// ---------------------------------------------------------------------------
// Arbitrary text: every script, and the characters that break naive code.

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const hostilePiece = fc.oneof(
  pick([
    '\u0000',
    '\r',
    '\n',
    '\r\n',
    '\n\n\n',
    '\r\r\n',
    '\ufeff',
    '\t',
    '\u2028',
    '\u2029',
    '\u00a0',
    '\u202e',
    '\u0301',
    '😀',
    '🇰🇿',
    '\ud83d',
  ]),
  pick([
    'By Dina Tokbaeva\n',
    'by ',
    'By: X.',
    '(See ',
    '(See A.)',
    '.)',
    ',)',
    '****\n',
    '**** NEW\n',
    'IWPR: ',
    'Paul Murphy: ',
    'KAZAKSTAN: OIL\n\n',
    'SPECIAL REPORT:\n\n',
  ]),
  pick(['Copyright © 2009 ', 'ISSN: 1477-7924', 'REPORTING CENTRAL ASIA provides ', 'http://x.y/', 'WELCOME TO X, No. 1, May 1, 2009\n']),
  loneSurrogate,
);
const unicodeText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 24 }) },
      { weight: 4, arbitrary: hostilePiece },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const edits = (length: number): fc.Arbitrary<Edit[]> =>
  fc.array(
    fc.record({
      at: fc.nat({ max: length }),
      remove: fc.nat({ max: 60 }),
      insert: fc.oneof(
        hostilePiece,
        pick(ODDITIES),
        reference,
        byline,
        headline.map((h) => `\n\n${h}\n\n`),
        fc.string({ unit: 'grapheme', maxLength: 8 }),
      ),
    }),
    { minLength: 1, maxLength: 6 },
  );

function applyEdit(text: string, e: Edit): string {
  const at = Math.min(e.at, text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** Inserts each piece at its (relative) place. */
const sprinkled = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(base, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), unicodeText), { minLength: 1, maxLength: 4 }))
    .map(([text, pieces]) =>
      pieces.reduce((t, [where, piece]) => applyEdit(t, { at: Math.floor(where * t.length), remove: 0, insert: piece }), text),
    );

const NEW_NAMES = ['OIL TOWN STILL WAITS', 'Kazak Oil 🛢️ Town Waits', 'N\u0303ew ’Title’'];

describe('generated bulletins', () => {
  test('every result is in range, symbols nest, and every fix, rename and format changes only its text', () => {
    let edited = 0;
    fc.assert(
      fc.property(bulletin, (text) => {
        edited += inspect(text, { others: ARCHIVE, newNames: NEW_NAMES }).checkedEdits;
      }),
      { numRuns: 150 },
    );
    // The property checked edits, not only empty results.
    expect(edited).toBeGreaterThan(200);
  });

  test('the same with Unicode sprinkled in, anywhere', () => {
    fc.assert(
      fc.property(sprinkled(bulletin), (text) => {
        inspect(text, { others: ARCHIVE, newNames: NEW_NAMES });
      }),
      { numRuns: 100 },
    );
  });
});

describe('real issues, edited', () => {
  for (const [name, source, runs] of [
    ['the sample', sample(), 15],
    ['the clean bulletin', clean(), 40],
  ] as const) {
    test(`after random edits to ${name} the same invariants hold`, () => {
      fc.assert(
        fc.property(edits(source.length), (es) => {
          inspect(
            es.reduce((t, e) => applyEdit(t, e), source),
            { others: ARCHIVE, newNames: NEW_NAMES.slice(0, 1) },
          );
        }),
        { numRuns: runs },
      );
    });
  }
});

describe('arbitrary Unicode', () => {
  test('lone surrogates, NUL, CR/LF mixes, BOM, tabs, RTL, combining marks, emoji: nothing throws, every range is valid', () => {
    fc.assert(
      fc.property(unicodeText, fc.array(fc.nat(), { maxLength: 4 }), (text, picks) => {
        inspect(text, { offsets: [0, text.length, ...picks.map((p) => p % (text.length + 1))], newNames: ['X', '😀'] });
      }),
      { numRuns: 1000 },
    );
  });
});
