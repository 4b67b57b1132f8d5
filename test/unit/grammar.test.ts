// The TextMate grammar and the language configuration, run by the engine VS Code uses (vscode-textmate on
// Oniguruma) on the real sample and on small bulletins written inline.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import type { IGrammar, StateStack } from 'vscode-textmate';
import { sample } from '../support/fixture';

const ROOT = path.resolve(__dirname, '../..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes/bulletin.tmLanguage.json');

let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: (scopeName: string) =>
      Promise.resolve(scopeName === 'text.bulletin' ? parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null),
  });
  const loaded = await registry.loadGrammar('text.bulletin');
  if (!loaded) throw new Error('the grammar did not load');
  grammar = loaded;
});

interface Token {
  readonly start: number;
  readonly end: number;
  /** Without the root scope `text.bulletin`. */
  readonly scopes: readonly string[];
}

interface Line {
  readonly text: string;
  readonly tokens: readonly Token[];
}

/** Tokenizes line by line, carrying the state from one line to the next, as the editor does. */
function tokenize(text: string, state: StateStack = INITIAL): Line[] {
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return { text: line, tokens: result.tokens.map((t) => ({ start: t.startIndex, end: t.endIndex, scopes: t.scopes.slice(1) })) };
  });
}

/**
 * The scopes that cover the whole of `needle`: on the line that is exactly `line` when given, otherwise on the
 * first line containing `needle`. Throws when the text is not there, so a typo cannot pass as "no scope".
 */
function scopesAt(text: string, needle: string, where: { line?: string } = {}): string[] {
  const lines = tokenize(text);
  const line = where.line !== undefined ? lines.find((l) => l.text === where.line) : lines.find((l) => l.text.includes(needle));
  if (!line) throw new Error(`no line ${JSON.stringify(where.line ?? needle)}`);
  const at = line.text.indexOf(needle);
  if (at < 0) throw new Error(`${JSON.stringify(needle)} is not in ${JSON.stringify(line.text)}`);
  const covering = line.tokens.filter((t) => t.end > at && t.start < at + needle.length);
  return covering.reduce<string[]>((common, t) => common.filter((s) => t.scopes.includes(s)), [...(covering[0]?.scopes ?? [])]);
}

/** The lines on which some token carries `scope`. */
function linesWith(text: string, scope: string): string[] {
  return tokenize(text)
    .filter((l) => l.tokens.some((t) => t.scopes.includes(scope)))
    .map((l) => l.text);
}

/** The pieces of text carrying `scope`, adjacent tokens joined. */
function textsWith(text: string, scope: string): string[] {
  const out: string[] = [];
  for (const line of tokenize(text)) {
    let run: { start: number; end: number } | undefined;
    for (const t of line.tokens) {
      if (!t.scopes.includes(scope)) continue;
      if (run && run.end === t.start) run.end = t.end;
      else {
        if (run) out.push(line.text.slice(run.start, run.end));
        run = { start: t.start, end: t.end };
      }
    }
    if (run) out.push(line.text.slice(run.start, run.end));
  }
  return out;
}

const unique = (items: readonly string[]): string[] => [...new Set(items)].sort();

const BYLINE = 'meta.byline.bulletin';
const BY = 'keyword.other.by.bulletin';
const BYLINE_NAMES = 'entity.name.tag.byline.bulletin';
const MALFORMED = 'meta.byline.malformed.bulletin';
const INTERVIEWER = 'keyword.other.speaker.interviewer.bulletin';
const ANSWER = 'entity.name.function.speaker.bulletin';
const REFERENCE = 'meta.cross-reference.bulletin';
const SEE = 'keyword.other.see.bulletin';
const TITLE = 'string.other.link.title.bulletin';
const CITATION = 'constant.numeric.citation.bulletin';
const LINK = 'markup.underline.link.bulletin';
const DIVIDER = 'meta.separator.divider.bulletin';
const HEADLINE = 'markup.heading.headline.bulletin';
const PLACEHOLDER = 'invalid.illegal.placeholder.bulletin';

describe('the real sample, line by line', () => {
  const text = sample();

  test('an article byline: By is a keyword, the name a sub-scope', () => {
    const line = 'By Saule Mukhametrakhimova';
    expect(scopesAt(text, 'By', { line })).toEqual([BYLINE, BY]);
    expect(scopesAt(text, 'Saule Mukhametrakhimova', { line })).toEqual([BYLINE, BYLINE_NAMES]);
  });

  test('prose that begins with "By" and a lower-case word is not a byline', () => {
    expect(scopesAt(text, 'By blocking access to information about the shootings in the western')).toEqual([]);
  });

  test('the bylines of the contents and of the articles, and no other line', () => {
    expect(linesWith(text, BYLINE)).toEqual([
      'violence.  By Saule Mukhametrakhimova',
      'top official, they say they won’t be bought off.  By Almaz Rysaliev',
      'Asian region.  By Dina Tokbaeva',
      'blackout, then they devised alternative narrative for bloodshed.  By',
      'Almaz Rysaliev',
      'describes tense aftermath of violence in west Kazakstan oil town.  By',
      'Janar Kasymbekova',
      'decades of independence.  By Dina Tokbaeva',
      'By Saule Mukhametrakhimova',
      'By Almaz Rysaliev',
      'By Dina Tokbaeva',
      'By Almaz Rysaliev',
      'By Janar Kasymbekova',
      'By Dina Tokbaeva',
    ]);
  });

  test('a contents byline whose name wraps to the next line', () => {
    expect(scopesAt(text, 'By', { line: 'blackout, then they devised alternative narrative for bloodshed.  By' })).toContain(BY);
    expect(scopesAt(text, 'blackout', { line: 'blackout, then they devised alternative narrative for bloodshed.  By' })).toEqual([]);
    expect(scopesAt(text, 'Almaz Rysaliev', { line: 'Almaz Rysaliev' })).toEqual([BYLINE, BYLINE_NAMES]);
  });

  test('speaker labels: the interviewer asks, the answer is labelled differently', () => {
    expect(scopesAt(text, 'IWPR', { line: 'IWPR: How much leverage does the EU have?' })).toEqual([INTERVIEWER]);
    expect(scopesAt(text, 'How much leverage', { line: 'IWPR: How much leverage does the EU have?' })).toEqual([]);
    expect(scopesAt(text, 'Murphy', { line: 'Murphy: The EU has a lot of leverage in dealing with Kazakstan, in my' })).toEqual([ANSWER]);
    expect(scopesAt(text, 'Paul Murphy', { line: 'Paul Murphy: I agree that the statement of Ms. Ashton is nowhere near' })).toEqual([
      ANSWER,
    ]);
  });

  test('the answers in the sample, by full name and by surname, and nothing else', () => {
    expect(unique(textsWith(text, ANSWER))).toEqual(['Fabio Indeo', 'Indeo', 'Murphy', 'Paul Murphy', 'Pyotr Svoik', 'Svoik']);
    expect(textsWith(text, INTERVIEWER)).toHaveLength(16);
    // The credits line that wraps before "Director:" is footer, not an answer.
    expect(scopesAt(text, 'Director')).toEqual(['comment.block.footer.credits.bulletin']);
  });

  test('a cross-reference wrapped over two lines is one reference', () => {
    const first = 'when police opened fire on a smaller protest. (See Kazak Protesters';
    const second = 'Demand Accountability for Killings.)';
    expect(scopesAt(text, 'See', { line: first })).toEqual([REFERENCE, SEE]);
    expect(scopesAt(text, 'Kazak Protesters', { line: first })).toEqual([REFERENCE, TITLE]);
    expect(scopesAt(text, 'a smaller protest.', { line: first })).toEqual([]);
    // The second line has no "(See" of its own: it is coloured because the reference is still open.
    expect(scopesAt(text, 'Demand Accountability for Killings', { line: second })).toEqual([REFERENCE, TITLE]);
    expect(scopesAt(text, ')', { line: second })).toEqual([REFERENCE, 'punctuation.definition.cross-reference.end.bulletin']);
    // …and the parenthesis closes it.
    expect(scopesAt(text, 'We were horrified')).toEqual([]);
  });

  test('two titles joined by "and", wrapped, and text after the parenthesis', () => {
    const first = "sacked them. (See Kazakstan's Unhappy Oil Workers and Reprisals Merely";
    const second = 'Anger Protesting Kazak Oil Workers.) What began as an industrial';
    expect(scopesAt(text, "Kazakstan's Unhappy Oil Workers", { line: first })).toEqual([REFERENCE, TITLE]);
    expect(scopesAt(text, ' and ', { line: first })).toEqual([REFERENCE]);
    expect(scopesAt(text, 'Anger Protesting Kazak Oil Workers', { line: second })).toEqual([REFERENCE, TITLE]);
    expect(scopesAt(text, 'What began', { line: second })).toEqual([]);
  });

  test('"on this" after a title is not part of it', () => {
    const line = 'Shootings on this.)';
    expect(scopesAt(text, 'Shootings', { line })).toEqual([REFERENCE, TITLE]);
    expect(scopesAt(text, 'on this', { line })).toEqual([REFERENCE]);
  });

  test('a reference whose citation was lost, "(See Title,)", still closes', () => {
    const line = 'streets. (See Police Round Up Men After Janaozen Violence,)';
    expect(scopesAt(text, 'Police Round Up Men After Janaozen Violence', { line })).toEqual([REFERENCE, TITLE]);
    expect(scopesAt(text, ',', { line })).toEqual([REFERENCE]);
    expect(scopesAt(text, 'She interviewed a woman')).toEqual([]);
  });

  test('a reference in running text ("see Title") is left to the server', () => {
    expect(scopesAt(text, "see Kazakstan's", { line: "For more on the background to the strikes, see Kazakstan's Unhappy Oil" })).toEqual(
      [],
    );
  });

  test('dividers, with the URL inside them a link', () => {
    const line = '**** http://iwpr.net/ **********************************************************';
    expect(scopesAt(text, '****', { line })).toContain(DIVIDER);
    expect(scopesAt(text, '****', { line })).toContain('comment.line.divider.bulletin');
    expect(scopesAt(text, 'http://iwpr.net/', { line })).toEqual([DIVIDER, 'comment.line.divider.bulletin', LINK]);
    expect(linesWith(text, DIVIDER)).toHaveLength(5);
  });

  test('notices: the header, the labels and their URLs', () => {
    expect(scopesAt(text, 'NEW', { line: '**** NEW ' })).toContain('keyword.other.notice.bulletin');
    expect(scopesAt(text, 'VACANCIES')).toContain('entity.name.tag.notice-label.bulletin');
    expect(scopesAt(text, 'http://iwpr.net/what-we-do/vacancies')).toContain(LINK);
    expect(scopesAt(text, 'DONATE TO IWPR')).toContain('entity.name.tag.notice-label.bulletin');
  });

  test('footer lines recognisable on their own', () => {
    const issn = 'ISSN: 1477-7924 Copyright © 2009 The Institute for War & Peace Reporting';
    expect(scopesAt(text, issn)).toEqual(['comment.line.footer.issn.bulletin']);
    expect(scopesAt(text, '1477-7924', { line: issn })).toContain('constant.numeric.issn.bulletin');
    expect(scopesAt(text, '2009', { line: issn })).toContain('constant.numeric.year.bulletin');
    expect(scopesAt(text, 'Tel: +44 20 7831 1030')).toEqual(['comment.line.footer.contact.bulletin']);
    expect(linesWith(text, 'comment.block.footer.credits.bulletin')).toEqual([
      'REPORTING CENTRAL ASIA: Editor-in-Chief: Anthony Borden; Senior Editor',
      'and Acting Managing Editor: John MacLeod; Central Asia Programme',
      'Director: Abakhon Sultonnazarov; Central Asia Editor: Saule',
    ]);
    // Cut off from its paragraph by the stray blank line, and still recognised.
    expect(scopesAt(text, 'Borden; Head of Programmes: Sam Compton.')).toEqual(['comment.line.footer.credits.bulletin']);
  });

  test('URLs in running text are links, without the text around them', () => {
    const line = 'To contact IWPR please go to: http://iwpr.net/contact';
    expect(scopesAt(text, 'http://iwpr.net/contact', { line })).toEqual([LINK]);
    expect(scopesAt(text, 'To contact IWPR please go to:', { line })).toEqual([]);
  });

  test('body prose, addresses and the sign-off carry no scope', () => {
    for (const line of [
      'A member of the European Parliament says Brussels needs to take a',
      'Kasymbekova added, “Officials in Janaozen are refusing to resign,',
      'IWPR – Giving Voice, Driving Change',
      '20005, United States',
      'Interview conducted by Dina Tokbaeva, IWPR Central Asia editor in Bishkek.',
    ]) {
      expect(
        tokenize(text)
          .find((l) => l.text === line)
          ?.tokens.flatMap((t) => t.scopes),
      ).toEqual([]);
    }
  });

  test('the sample lost its headlines, and no other line is taken for one', () => {
    expect(linesWith(text, HEADLINE)).toEqual([]);
  });

  test('the sample has no placeholders, and no word is taken for one', () => {
    expect(textsWith(text, PLACEHOLDER)).toEqual([]);
  });
});

describe('small bulletins', () => {
  test('mastheads, with the issue number and the date as sub-scopes', () => {
    const rca = "WELCOME TO IWPR'S REPORTING CENTRAL ASIA, No. 556 Part 1, November 17, 2008";
    expect(scopesAt(rca, "WELCOME TO IWPR'S REPORTING CENTRAL ASIA")).toEqual([
      'meta.masthead.bulletin',
      'markup.heading.masthead.bulletin',
    ]);
    expect(scopesAt(rca, 'No. 556 Part 1')).toEqual(['meta.masthead.bulletin', 'constant.numeric.issue.bulletin']);
    expect(scopesAt(rca, 'November 17, 2008')).toEqual(['meta.masthead.bulletin', 'constant.numeric.date.bulletin']);
    const tribunal = 'IWPR’S TRIBUNAL UPDATE No. 539, February 22, 2008';
    expect(scopesAt(tribunal, 'IWPR’S TRIBUNAL UPDATE')).toContain('markup.heading.masthead.bulletin');
    expect(scopesAt(tribunal, 'No. 539')).toContain('constant.numeric.issue.bulletin');
    expect(scopesAt('IWPR’S TRIBUNAL UPDATE No. 540 Part Two, 2 April, 2008', '2 April, 2008')).toContain('constant.numeric.date.bulletin');
    expect(scopesAt('\uFEFF' + rca, 'No. 556')).toContain('constant.numeric.issue.bulletin');
  });

  test('headlines in capitals, with an optional country prefix', () => {
    const line = 'KYRGYZSTAN: REBELS WITHOUT COMMON CAUSE';
    expect(scopesAt(line, 'KYRGYZSTAN')).toEqual([HEADLINE, 'entity.name.section.country.bulletin']);
    expect(scopesAt(line, 'REBELS WITHOUT COMMON CAUSE')).toEqual([HEADLINE, 'entity.name.section.headline.bulletin']);
    expect(scopesAt('KAZAKSTAN’S UNHAPPY OIL WORKERS', 'UNHAPPY')).toContain('entity.name.section.headline.bulletin');
    expect(scopesAt('Kyrgyzstan: Rebels Without Common Cause', 'Rebels')).toEqual([]);
    expect(scopesAt('NATO', 'NATO')).toEqual([]);
    expect(scopesAt('2008 – 2011', '2008')).toEqual([]);
  });

  test('a contents entry: the headline before the two spaces, the byline after, the name wrapped', () => {
    const entry = [
      'KYRGYZSTAN: REBELS WITHOUT COMMON CAUSE  Opposition groups fail to',
      'agree on a single candidate for the presidential election.  By Dina',
      'Tokbaeva in Bishkek',
      '',
      'The next paragraph.',
    ].join('\n');
    expect(scopesAt(entry, 'REBELS WITHOUT COMMON CAUSE')).toContain(HEADLINE);
    expect(scopesAt(entry, 'Opposition groups')).toEqual([]);
    expect(scopesAt(entry, 'By')).toEqual([BYLINE, BY]);
    expect(scopesAt(entry, 'Dina')).toEqual([BYLINE, BYLINE_NAMES]);
    expect(scopesAt(entry, 'Tokbaeva in Bishkek')).toEqual([BYLINE, BYLINE_NAMES]);
    expect(scopesAt(entry, 'The next paragraph.')).toEqual([]);
  });

  test('two spaces and "By" in prose are not a byline', () => {
    expect(scopesAt('The strike went on.  By then, the police had left.', 'By then')).toEqual([]);
  });

  test('section labels', () => {
    for (const label of ['SPECIAL REPORT:', 'COURTSIDE:', 'BRIEFLY NOTED:']) {
      expect(scopesAt(label, label)).toEqual(['keyword.other.section-label.bulletin']);
    }
  });

  test('bylines with several names and places', () => {
    expect(
      scopesAt('By Dina Tokbaeva in Bishkek and Almaz Rysaliev in Almaty', 'Dina Tokbaeva in Bishkek and Almaz Rysaliev in Almaty'),
    ).toEqual([BYLINE, BYLINE_NAMES]);
    expect(scopesAt('By IWPR staff in Central Asia', 'IWPR staff in Central Asia')).toEqual([BYLINE, BYLINE_NAMES]);
    expect(scopesAt('By Dina Tokbaeva in Bishkek', 'By')).not.toContain(MALFORMED);
  });

  test('malformed bylines still read as bylines, and are marked', () => {
    for (const [line, by] of [
      ['by Dina Tokbaeva', 'by'],
      ['By: Dina Tokbaeva', 'By'],
      ['By Dina Tokbaeva.', 'By'],
    ] as const) {
      expect(scopesAt(line, by)).toEqual([BYLINE, MALFORMED, BY]);
      expect(scopesAt(line, 'Dina Tokbaeva')).toContain(BYLINE_NAMES);
    }
  });

  test('speaker labels need capitalised words, one to four, then a colon and a space', () => {
    expect(scopesAt('Nodira Azimova: The plants that exist were built', 'Nodira Azimova')).toEqual([ANSWER]);
    expect(scopesAt('Jean-Paul de Vries: Yes.', 'Jean-Paul')).toEqual([]);
    expect(scopesAt('One Two Three Four Five: no.', 'Five')).toEqual([]);
    expect(scopesAt('Note: the figures are provisional.', 'Note')).toEqual([]);
    expect(scopesAt('UN: The figures are provisional.', 'UN')).toEqual([]);
    expect(scopesAt('IWPR:no space', 'IWPR')).toEqual([]);
  });

  test('a reference naming its issue: the citation is a sub-scope', () => {
    const line = 'Text (See Kazak Oil Workers, RCA No. 574, 24-Apr-09.) more.';
    expect(scopesAt(line, 'See')).toEqual([REFERENCE, SEE]);
    expect(scopesAt(line, 'Kazak Oil Workers')).toEqual([REFERENCE, TITLE]);
    expect(scopesAt(line, 'RCA No. 574, 24-Apr-09')).toEqual([REFERENCE, CITATION]);
    expect(scopesAt(line, 'more.')).toEqual([]);
    // The citation wrapped after "No. 574,":
    expect(scopesAt('(See Title, RCA No. 574,\n24-Apr-09.)', '24-Apr-09')).toEqual([REFERENCE, CITATION]);
  });

  test('a reference whose ) is missing ends at the blank line', () => {
    const text = ['police fired. (See Kazak Protesters', 'Demand Accountability', '', 'Next paragraph.'].join('\n');
    expect(scopesAt(text, 'Demand Accountability')).toContain(REFERENCE);
    expect(scopesAt(text, 'Next paragraph.')).toEqual([]);
  });

  test('URLs: http, https, www. and mailto:, without a final full stop', () => {
    const line = 'See https://iwpr.net/a?b=1, www.iwpr.net. or mailto:editor@iwpr.net.';
    expect(scopesAt(line, 'https://iwpr.net/a?b=1')).toEqual([LINK]);
    expect(scopesAt(line, 'www.iwpr.net')).toEqual([LINK]);
    expect(scopesAt(line, 'mailto:editor@iwpr.net')).toEqual([LINK]);
    expect(
      tokenize(line)[0]
        ?.tokens.filter((t) => t.scopes.includes(LINK))
        .map((t) => line.slice(t.start, t.end)),
    ).toEqual(['https://iwpr.net/a?b=1', 'www.iwpr.net', 'mailto:editor@iwpr.net']);
  });

  test('notice headers and dividers', () => {
    expect(scopesAt('**** IWPR RESOURCES', 'IWPR RESOURCES')).toContain('keyword.other.notice.bulletin');
    expect(scopesAt('**** www.iwpr.net', 'www.iwpr.net')).toContain(LINK);
    expect(scopesAt('********************', '****')).toContain(DIVIDER);
    expect(scopesAt('***', '***')).toEqual([]);
  });

  test('left-over placeholders', () => {
    const line = 'The minister said TK about the TODO plan, XXX, see [link].';
    for (const placeholder of ['TK', 'TODO', 'XXX', '[link]']) expect(scopesAt(line, placeholder)).toEqual([PLACEHOLDER]);
    expect(scopesAt('KAZAKSTAN: OIL TOWN TK', 'TK')).toContain(PLACEHOLDER);
    expect(scopesAt('(See TK.)', 'TK')).toContain(PLACEHOLDER);
    expect(scopesAt('TKO and TALK', 'TKO')).toEqual([]);
  });
});

// The scopes Dark+ and Light+ (vscode theme-defaults dark_vs/dark_plus, light_vs/light_plus) give a colour or a
// font style to; a scope below one of them inherits it. `meta.`, `punctuation.` and `keyword.operator.` scopes
// mark structure only and are left in the text colour on purpose.
const THEMED = [
  'comment',
  'constant.numeric',
  'entity.name.function',
  'entity.name.tag',
  'invalid',
  'keyword.other',
  'markup.heading',
  'markup.underline',
  'string',
];
const STRUCTURAL = ['meta.', 'punctuation.', 'keyword.operator.'];
const isThemed = (scope: string): boolean => THEMED.some((t) => scope.startsWith(`${t}.`));
const isStructural = (scope: string): boolean => STRUCTURAL.some((p) => scope.startsWith(p));

interface RawRule {
  readonly name?: string;
  readonly contentName?: string;
  readonly patterns?: readonly RawRule[];
  readonly repository?: Readonly<Record<string, RawRule>>;
  readonly captures?: Readonly<Record<string, RawRule>>;
  readonly beginCaptures?: Readonly<Record<string, RawRule>>;
  readonly endCaptures?: Readonly<Record<string, RawRule>>;
}

/** Every scope a rule and the rules inside it name. */
function scopeNames(rule: RawRule): string[] {
  const own = [rule.name, rule.contentName].filter((n): n is string => n !== undefined).flatMap((n) => n.split(' '));
  const nested = [
    ...(rule.patterns ?? []),
    ...Object.values(rule.repository ?? {}),
    ...Object.values(rule.captures ?? {}),
    ...Object.values(rule.beginCaptures ?? {}),
    ...Object.values(rule.endCaptures ?? {}),
  ];
  return [...own, ...nested.flatMap(scopeNames)];
}

/** One small bulletin with each thing the sample lacks. */
const EVERYTHING = `IWPR’S TRIBUNAL UPDATE No. 539, February 22, 2008

KYRGYZSTAN: REBELS WITHOUT COMMON CAUSE TK

SPECIAL REPORT:

by Dina Tokbaeva.

By: Dina Tokbaeva

By
Almaz Rysaliev

Text (See Title, RCA No. 574,
24-Apr-09.) and www.iwpr.net, TODO.

Nodira Azimova: The plants are old.  Lead on.  By Dina Tokbaeva.
`;

describe('the scopes', () => {
  // The grammar's own `name` is its display name, not a scope.
  const { patterns, repository } = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as RawRule;
  const names = new Set(scopeNames({ ...(patterns ? { patterns } : {}), ...(repository ? { repository } : {}) }));
  let corpus: { text: string; scopes: readonly string[] }[] = [];

  beforeAll(() => {
    const texts = [
      sample(),
      EVERYTHING,
      ...['clean.bulletin', 'archive/rca-2009-04-574.bulletin', 'archive/rca-2011-12-632.bulletin'].map((f) =>
        readFileSync(path.join(ROOT, 'test/fixtures', f), 'utf8'),
      ),
    ];
    corpus = texts.flatMap((text) =>
      tokenize(text).flatMap((line) => line.tokens.map((t) => ({ text: line.text.slice(t.start, t.end), scopes: t.scopes }))),
    );
  });

  test('every scope ends in .bulletin', () => {
    expect(names.size).toBeGreaterThan(20);
    expect([...names].filter((s) => !s.endsWith('.bulletin'))).toEqual([]);
  });

  test('every token with more than structure is coloured by the default themes', () => {
    const uncoloured = corpus.filter((t) => t.text.trim() !== '' && !t.scopes.every(isStructural) && !t.scopes.some(isThemed));
    expect(uncoloured).toEqual([]);
  });

  test('the bulletins above exercise every scope the grammar names', () => {
    const seen = new Set(corpus.flatMap((t) => t.scopes));
    expect([...names].filter((s) => !seen.has(s))).toEqual([]);
  });
});

describe('pathological lines', () => {
  // Each line is 100 kB; the test is that tokenizing ends, with tokens covering the whole line, whatever state
  // the line starts in (top level, inside an open cross-reference, after a contents "By").
  const lines: Record<string, string> = {
    spaces: ' '.repeat(100_000),
    capitals: 'A'.repeat(100_000),
    'capital words': 'AB '.repeat(33_334),
    'opening parentheses': '('.repeat(100_000),
    'closing parentheses': ')'.repeat(100_000),
    'one long reference': `(See ${'Word '.repeat(20_000)}`,
    'many references': '(See A'.repeat(16_667),
    'full stops': '. '.repeat(50_000),
    masthead: `WELCOME TO ${'A '.repeat(50_000)}`,
    byline: `By ${'Name '.repeat(20_000)}`,
    'contents bylines': 'x  By A'.repeat(14_286),
    asterisks: '*'.repeat(100_000),
    'notice header': `**** ${'A '.repeat(50_000)}`,
    'speaker-like': `${'Ab '.repeat(33_333)}:`,
    'credits-like': 'a; A: A'.repeat(14_286),
    placeholders: 'TK '.repeat(33_334),
    citations: 'No. 5, 1-Apr-09 '.repeat(6_250),
    'URL prefixes': 'http://'.repeat(14_286),
  };
  const starts: Record<string, StateStack> = {};

  beforeAll(() => {
    starts['top level'] = INITIAL;
    starts['inside a reference'] = grammar.tokenizeLine('police fired. (See Kazak Protesters', INITIAL).ruleStack;
    starts['after a contents By'] = grammar.tokenizeLine('the standfirst.  By', INITIAL).ruleStack;
  });

  test.each(Object.entries(lines))('%s', (_name, line) => {
    for (const state of Object.values(starts)) {
      const tokens = tokenize(line, state)[0]?.tokens ?? [];
      expect(tokens.at(-1)?.end).toBeGreaterThanOrEqual(line.length);
    }
  });
});

describe('the language configuration', () => {
  interface LanguageConfiguration {
    readonly comments?: unknown;
    readonly brackets: readonly (readonly [string, string])[];
    readonly autoClosingPairs: readonly { readonly open: string; readonly close: string }[];
    readonly surroundingPairs: readonly (readonly [string, string])[];
    readonly wordPattern: { readonly pattern: string; readonly flags: string };
  }
  const config = JSON.parse(readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;

  test('brackets, and quotes straight and typographic close themselves; there are no comments', () => {
    expect(config.brackets).toEqual([
      ['(', ')'],
      ['[', ']'],
    ]);
    const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
    expect(pairs).toEqual(expect.arrayContaining(['()', '[]', '""', "''", '“”', '‘’']));
    expect(config.surroundingPairs.map((p) => p.join(''))).toEqual(expect.arrayContaining(['()', '[]', '""', "''", '“”', '‘’']));
    expect(config.comments).toBeUndefined();
  });

  test('a word keeps its apostrophes and hyphens, but not a quote or hyphen at its end', () => {
    // VS Code adds the g flag to a word pattern.
    const word = new RegExp(config.wordPattern.pattern, `${config.wordPattern.flags}g`);
    const words = (s: string): string[] => s.match(word) ?? [];
    expect(words('Kazakstan’s Trans-Caspian pipeline')).toEqual(['Kazakstan’s', 'Trans-Caspian', 'pipeline']);
    expect(words("the oil workers’ strike, IWPR's Anti-")).toEqual(['the', 'oil', 'workers', 'strike', "IWPR's", 'Anti']);
    expect(words('“Жанаозен”, 24-Apr-09')).toEqual(['Жанаозен', '24-Apr-09']);
  });
});
