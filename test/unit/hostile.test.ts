// Hostile input: empty and binary files, a 5 MB line, 100,000 blank lines,
// every line-break style at once, byte order marks, tabs, right-to-left
// scripts, combining marks and emoji, and text built to make regular
// expressions backtrack. Each runs the parser, every check and the features
// through `inspect` (every range checked) and asserts what an editor should see.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { footerText } from '../../server/src/edits/footer';
import { documentLinks } from '../../server/src/features/documentLinks';
import { formatting } from '../../server/src/features/formatting';
import { TOKEN_TYPES } from '../../server/src/features/semanticTokens';
import { clean } from '../support/fixture';
import { inspect } from '../support/invariants';
import type { Inspection, InspectOptions } from '../support/invariants';

const ARTICLE = 'OIL TOWN WAITS\n\nStrikers say promises have not been kept.\n\nBy Almaz Rysaliev in Almaty\n\n';
const codes = (r: Inspection): string[] => [...new Set(r.problems.map((p) => p.code))].sort();
const slice = (r: Inspection, span: { start: number; end: number }): string => r.text.slice(span.start, span.end);
const tokenTexts = (r: Inspection, type: (typeof TOKEN_TYPES)[number]): string[] =>
  r.tokens.filter((t) => TOKEN_TYPES[t.type] === type).map((t) => slice(r, t));

/** The same text with its line breaks cycled through CRLF, CR and LF. */
function mixLineBreaks(text: string): string {
  // In this order a CR is never followed by an LF, which would make one CRLF of two line breaks.
  const breaks = ['\r\n', '\n', '\r'];
  let i = 0;
  return text.replace(/\n/g, () => breaks[i++ % breaks.length]!);
}

/** What a reader sees of each article, independent of offsets and line breaks. */
const articlesOf = (r: Inspection): string[] =>
  r.doc.articles.map((a) =>
    [
      a.headline?.text,
      a.standfirst && slice(r, a.standfirst).replace(/\s+/g, ' '),
      a.byline?.authors.map((x) => x.name).join(', '),
      a.body.length,
    ].join(' | '),
  );

describe('empty and blank files', () => {
  test('a 0-byte file: no articles, no outline, and no problems (contents and footer are only missing from an issue with articles)', () => {
    const r = inspect('');
    expect(r.doc.articles).toEqual([]);
    expect(r.doc.paragraphs).toEqual([]);
    expect(r.doc.masthead ?? r.doc.contents ?? r.doc.footer).toBeUndefined();
    expect(r.problems).toEqual([]);
    expect(r.symbols).toEqual([]);
    expect(r.foldingLines).toEqual([]);
    expect(r.tokens).toEqual([]);
  });

  test('whitespace only: nothing but the tabs is reported; lines of spaces are blank, not trailing whitespace', () => {
    const text = '   \n\t\n \r\n\t \n\n';
    const r = inspect(text);
    expect(r.doc.paragraphs).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.start])).toEqual([
      ['style.tab', 4],
      ['style.tab', 9],
    ]);
    expect(r.symbols).toEqual([]);
  });

  test('100,000 blank lines between two articles: both parse, and nothing folds over the blank lines', () => {
    const text = `${ARTICLE}Body.${'\n'.repeat(100_000)}POWER CUTS RETURN\n\nAnalyst explains.\n\nBy Dina Tokbaeva\n\nBody.\n`;
    const r = inspect(text);
    expect(r.doc.articles.map((a) => a.headline?.text)).toEqual(['OIL TOWN WAITS', 'POWER CUTS RETURN']);
    expect(r.document.lineCount).toBe(100_014);
    expect(r.foldingLines).toEqual([
      [0, 6],
      [100_006, 100_012],
    ]);
    expect(r.symbols[1]!.selectionRange.start.line).toBe(100_006);
  });

  test('100,000 blank lines alone: no paragraphs, no problems', () => {
    const r = inspect('\n'.repeat(100_000));
    expect(r.doc.paragraphs).toEqual([]);
    expect(r.problems).toEqual([]);
  });
});

describe('binary data', () => {
  // Deterministic bytes, every value 0-255 (NULs included), read as Latin-1 and as UTF-8 (which makes U+FFFD of the invalid ones).
  const bytes = Buffer.from(fc.sample(fc.integer({ min: 0, max: 255 }), { numRuns: 64 * 1024, seed: 7 }));

  test('random bytes with NULs parse and check without a throw, every range valid', () => {
    for (const text of [bytes.toString('latin1'), bytes.toString('utf8')]) {
      const r = inspect(text);
      // NUL is no line break: the lines are exactly those CR and LF make.
      expect(r.document.lineCount).toBe(text.split(/\r\n|\r|\n/).length);
    }
  });

  test('NULs inside an article leave its head alone', () => {
    const r = inspect(`${ARTICLE}Pay\u0000 rise\u0000\u0000 never came.\n\n${bytes.toString('latin1').replace(/[\r\n]/g, ' ')}\n`);
    expect(r.doc.articles).toHaveLength(1);
    expect(r.doc.articles[0]!.headline!.text).toBe('OIL TOWN WAITS');
    expect(r.doc.articles[0]!.byline!.authors.map((a) => a.name)).toEqual(['Almaz Rysaliev']);
    expect(slice(r, r.doc.articles[0]!.body[0]!)).toBe('Pay\u0000 rise\u0000\u0000 never came.');
  });
});

describe('a single 5 MB line', () => {
  const line = 'Oil workers say the promises made in spring have not been kept '.repeat(80_000).trimEnd();

  test('in an article body: one long-line finding from the email width to the end, a cut-off, and a format that keeps every word', () => {
    expect(line.length).toBeGreaterThan(5_000_000);
    const text = `${ARTICLE}${line}\n`;
    const r = inspect(text, { edits: false, format: false });
    const start = ARTICLE.length;
    const long = r.problems.filter((p) => p.code === 'style.line-length');
    expect(long.map((p) => [p.start, p.end])).toEqual([[start + 72, start + line.length]]);
    expect(codes(r)).toContain('style.cut-off');
    expect(r.foldingLines).toEqual([[0, 6]]);
    const edits = formatting(r.context, r.document, { reflow: 'overlong' });
    expect(edits).toHaveLength(1);
    const lines = edits[0]!.newText.split('\n');
    expect(lines.every((l) => l.length <= 72)).toBe(true);
    expect(lines.join(' ')).toBe(line);
  });
});

describe('line breaks, byte order marks and tabs', () => {
  const text = clean();
  const lf = inspect(text);

  test('a mix of CRLF, CR and LF parses the articles, outline, folding and problems of the LF issue', () => {
    const mixed = mixLineBreaks(text);
    expect(mixed).toContain('\r\n');
    expect(mixed).toMatch(/\r[^\n]/);
    const r = inspect(mixed);
    expect(articlesOf(r)).toEqual(articlesOf(lf));
    expect(r.symbols).toEqual(lf.symbols);
    expect(r.foldingLines).toEqual(lf.foldingLines);
    const at = (i: Inspection) => i.problems.map((p) => `${p.code} ${JSON.stringify(i.document.positionAt(p.start))}`);
    expect(at(r)).toEqual(at(lf));
  });

  test('a byte order mark is not part of the masthead, and shifts nothing but the first line', () => {
    const r = inspect(`\ufeff${text}`);
    expect(r.doc.masthead!.start).toBe(1);
    expect(r.doc.masthead!.publication!.text).toBe("IWPR'S REPORTING CENTRAL ASIA");
    expect(r.symbols[0]!.name.startsWith("WELCOME TO IWPR'S")).toBe(true);
    expect(r.symbols[0]!.range.start).toEqual({ line: 0, character: 1 });
    expect(tokenTexts(r, 'masthead')).toEqual(tokenTexts(lf, 'masthead'));
    expect(articlesOf(r)).toEqual(articlesOf(lf));
    expect(r.problems.map((p) => [p.code, p.start - 1])).toEqual(lf.problems.map((p) => [p.code, p.start]));
  });

  test('tabs: each is reported with a fix, a trailing one is trailing whitespace, a line of tabs is blank', () => {
    const tabbed = text
      .replace('agree on who should stand', 'agree\ton who should stand')
      .replace('walked out of the meeting after an hour.', 'walked out of the meeting after an hour.\t')
      .replace('in July.\n\nLeaders', 'in July.\n\t\t\nLeaders');
    const r = inspect(tabbed);
    const tabs = r.problems.filter((p) => p.code === 'style.tab');
    expect(tabs.map((p) => slice(r, p))).toEqual(['\t', '\t', '\t', '\t']);
    expect(tabs.every((p) => p.fixes?.[0]?.edits[0]?.newText === ' ')).toBe(true);
    const trailing = r.problems.filter((p) => p.code === 'style.trailing-whitespace');
    expect(trailing.map((p) => slice(r, p))).toEqual(['\t']);
    expect(articlesOf(r)).toEqual(articlesOf(lf));
  });
});

describe('scripts, combining marks and emoji', () => {
  test('RTL text, direction marks and combining characters in a headline keep exact ranges', () => {
    const headline = 'KAZAKSTAN: \u05e9\u05dc\u05d5\u05dd \u200f\u0645\u0631\u062d\u0628\u0627\u200e N\u0303 E\u0301\u0301 \u202eRLO\u202c';
    const text = `${headline}\n\nStandfirst in \u05e2\u05d1\u05e8\u05d9\u05ea.\n\nby Dina Tokbaeva\n\nBody with e\u0301 and \u202ereversed\u202c text.\n`;
    const r = inspect(text);
    const article = r.doc.articles[0]!;
    expect(article.headline!.text).toBe(headline);
    expect(article.headline!.country).toBe('KAZAKSTAN');
    expect(r.document.getText(r.symbols[0]!.selectionRange)).toBe(headline);
    expect(tokenTexts(r, 'headline')).toEqual([headline]);
    const malformed = r.problems.find((p) => p.code === 'byline.malformed')!;
    expect(r.document.positionAt(malformed.start)).toEqual({ line: 4, character: 0 });
    expect(slice(r, malformed)).toBe('by Dina Tokbaeva');
  });

  test('emoji (surrogate pairs, ZWJ sequences, flags) in a headline and its cross-reference: exact ranges, resolved, renamed in place', () => {
    const headline = 'OIL 🛢️ TOWN 👩‍👩‍👧 WAITS 🇰🇿';
    const title = 'Oil 🛢️ Town 👩‍👩‍👧 Waits 🇰🇿';
    const text = `${headline}\n\nStandfirst 😀.\n\nBy Dina Tokbaeva\n\nAn emoji 𝒳 before (See ${title}.) and after 😀.\n`;
    const r = inspect(text, { newNames: ['OIL 🛢️ TOWN STILL WAITS'] });
    expect(r.symbols[0]!.selectionRange.end).toEqual({ line: 0, character: headline.length });
    const [resolution] = r.context.resolutions();
    expect(resolution!.titles.map((t) => [slice(r, t), t.targets[0]?.text])).toEqual([[title, headline]]);
    expect(tokenTexts(r, 'crossReference')).toEqual([title]);
    expect(r.problems.filter((p) => p.code.startsWith('xref.'))).toEqual([]);
    expect(r.checkedEdits).toBeGreaterThan(0);
  });
});

/**
 * Times a whole run: the parse and every check, then the features. The suite
 * does not time things otherwise, but this is how to tell a linear regular
 * expression from one that backtracks: on a 1 MB line a linear run takes from
 * a few milliseconds to about 3 s (the slowest: 200,000 references to report,
 * twice each), while a quadratic one takes many minutes (10^12 steps). The
 * 15 s ceiling leaves room for a busy two-core machine and still catches that.
 */
const CEILING_MS = 15_000;

function wholeRun(text: string, options: InspectOptions = {}): Inspection {
  const r = inspect(text, { edits: false, format: false, ...options });
  expect(r.checkTime).toBeLessThan(CEILING_MS);
  const started = performance.now();
  formatting(r.context, r.document, { reflow: 'all' });
  expect(r.featureTime + performance.now() - started).toBeLessThan(CEILING_MS);
  return r;
}

const MB = 1 << 20;
const oneMegabyte = (piece: string): string => piece.repeat(Math.ceil(MB / piece.length)).slice(0, MB);

describe('every regular expression is linear: 1 MB lines built to backtrack', () => {
  const base = clean();
  /** The line as a paragraph of an article's body, and as a paragraph of the footer. */
  const inIssue = (line: string): string =>
    base.replace('Leaders of three parties', `${line}\n\nLeaders of three parties`).replace('ISSN: 1477', `${line}\n\nISSN: 1477`);

  const PATHOLOGICAL: Record<string, string> = {
    spaces: `x${oneMegabyte(' ')}x`,
    capitals: oneMegabyte('A'),
    'capital words': oneMegabyte('KAZAKSTAN '),
    parentheses: oneMegabyte('('),
    '(See with no end': oneMegabyte('(See '),
    asterisks: `x ${oneMegabyte('****')}`,
    'By By By': oneMegabyte('By '),
    'see and a capital': oneMegabyte('see A'),
    'speaker labels': oneMegabyte('IWPR: '),
    'quotation marks': oneMegabyte('“'),
    'list items': oneMegabyte('1. '),
    'line separators': `x${oneMegabyte('\u2028')}x`,
    'no-break spaces': `x${oneMegabyte('\u00a0')}x`,
    'a URL of full stops': `http://iwpr.net/${oneMegabyte('.')}x`,
    'Copyright and spaces': `Copyright${oneMegabyte(' ')}x`,
    'a colon and spaces': `Editor:${oneMegabyte(' ')}x`,
    'long names': oneMegabyte('Kasymovaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Kazymov '),
    'lone surrogates': oneMegabyte('\ud800'),
  };

  for (const [name, line] of Object.entries(PATHOLOGICAL)) {
    test(`${name}: alone, and inside an article and the footer`, () => {
      wholeRun(line);
      const r = wholeRun(inIssue(line));
      expect(r.doc.articles.map((a) => a.headline?.text)).toEqual([
        'KYRGYZSTAN: REBELS WITHOUT COMMON CAUSE',
        'KAZAKSTAN: OIL TOWN WAITS FOR ANSWERS',
        'TAJIKISTAN: A WINTER WITHOUT POWER',
      ]);
    });
  }
});

describe('inputs that took quadratic time (or memory), each with what it finds', () => {
  test('a URL followed by a run of full stops links the URL alone', () => {
    const r = wholeRun(`${ARTICLE}See http://iwpr.net/x${oneMegabyte('.')}\n`);
    expect(documentLinks(r.context, r.document).map((l) => l.target)).toEqual(['http://iwpr.net/x']);
  });

  test('a copyright year after a run of spaces is still read', () => {
    const text = clean().replace('Copyright © 2009', `Copyright ©${oneMegabyte(' ')}2008`);
    const r = wholeRun(text);
    expect(r.problems.filter((p) => p.code === 'footer.copyright-year').map((p) => slice(r, p))).toEqual(['2008']);
  });

  test('credits split by a blank line are found past a colon and a run of spaces', () => {
    const text = clean().replace(
      'Central Asia Editor: Saule\nMukhametrakhimova; Head',
      `Central Asia Editor:\n\nSaule Mukhametrakhimova, Editor:${oneMegabyte(' ')}Head`,
    );
    const r = wholeRun(text);
    expect(codes(r)).toContain('footer.credits-split');
  });

  test('a paragraph over lines of no-break spaces is rewrapped; a list item indented with one is not', () => {
    const item = `\u00a0- ${'a long list item '.repeat(8)}`;
    const text = `${ARTICLE}${item}\n\nProse${'\n\u00a0'.repeat(200_000)}\n`;
    const r = wholeRun(text);
    const edits = formatting(r.context, r.document, { reflow: 'all' });
    expect(edits.map((e) => e.newText)).toContain('Prose');
    expect(edits.some((e) => e.newText.includes('a long list item'))).toBe(false);
  });

  test('a contents entry with many "By" and a run of trailing spaces', () => {
    const text = `OIL TOWN WAITS  Strikers say so.${oneMegabyte('  By')}${oneMegabyte(' ')}\n\n\n${ARTICLE}Body.\n`;
    const r = wholeRun(text);
    expect(r.doc.contents!.entries).toHaveLength(1);
    expect(r.doc.articles).toHaveLength(1);
  });

  test('words too long to be names are not compared as names (they took their lengths’ product in memory)', () => {
    const long = (vowel: string): string => `K${vowel.repeat(200_000)}v`;
    const text = `${ARTICLE}The man ${long('a')} said. Then ${long('a')} left, and ${long('e')} stayed.\n`;
    const r = wholeRun(text);
    expect(r.problems.filter((p) => p.code === 'style.name-variants')).toEqual([]);
  });

  test('many spellings with one skeleton are each compared with a few of the commonest, not with all', () => {
    // 20,000 distinct words that all reduce to the skeleton "kv".
    const spellings = fc.sample(fc.string({ unit: fc.constantFrom('a', 'e', 'i', 'o', 'u'), minLength: 12, maxLength: 12 }), {
      numRuns: 20_000,
      seed: 3,
    });
    const body = spellings.map((s, i) => `the man K${s}v${i % 3 === 0 ? ` met K${s}v` : ''} here.`).join(' ');
    wholeRun(`${ARTICLE}${body}\n`);
  });

  test('20,000 short paragraphs and 2 MB without a capital after them: the search for names reads each paragraph alone', () => {
    const paragraphs = 'the man said so.\n\n'.repeat(20_000);
    wholeRun(`${ARTICLE}${paragraphs}${oneMegabyte('and so on ').repeat(2)}\n`);
  });

  test('a reference beside a 1 MB headline: the "did you mean" search skips headlines too unlike in length to measure', () => {
    const text = `${oneMegabyte('OIL ')}\n\nBy Dina Tokbaeva\n\nText (See ${'Oil Town '.repeat(40)}Waits.)\n`;
    const r = wholeRun(text);
    const unresolved = r.problems.filter((p) => p.code === 'xref.unresolved');
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]!.message).not.toContain('Did you mean');
  });

  test('a footer template with a long run of blank lines inside it', () => {
    const started = performance.now();
    expect(footerText(`A${'\n'.repeat(200_000)}B {{year}}\n\n\n`, 2011, '\r\n')).toBe(`A${'\r\n'.repeat(200_000)}B 2011`);
    expect(performance.now() - started).toBeLessThan(CEILING_MS);
  });
});
