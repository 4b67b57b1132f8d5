// The TextMate grammar, run by the same engine VS Code uses (vscode-textmate
// with Oniguruma), on the real sample and small cases.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry } from 'vscode-textmate';
import type { IGrammar, StateStack } from 'vscode-textmate';
import { sample } from '../support/fixture';

let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(path.resolve(__dirname, '../../node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: () =>
      Promise.resolve(JSON.parse(readFileSync(path.resolve(__dirname, '../../syntaxes/bulletin.tmLanguage.json'), 'utf8'))),
  });
  grammar = (await registry.loadGrammar('text.bulletin'))!;
});

/** Each line's tokens as `text → scopes` (without the root scope). */
function tokenize(text: string): { line: string; tokens: { text: string; scopes: string[] }[] }[] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return {
      line,
      tokens: result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) })),
    };
  });
}

/** The scopes on the first token covering `needle` in the line that contains it. */
function scopesAt(text: string, needle: string, lineHint?: string): string[] {
  const lines = tokenize(text);
  // A hint that is a whole line picks that line; otherwise the first line containing both.
  const line =
    lines.find((l) => lineHint !== undefined && l.line === lineHint) ??
    lines.find((l) => l.line.includes(needle) && (lineHint === undefined || l.line.includes(lineHint)));
  if (!line) throw new Error(`no line with ${needle}`);
  const at = line.line.indexOf(needle);
  let offset = 0;
  for (const token of line.tokens) {
    if (at >= offset && at < offset + token.text.length) return token.scopes;
    offset += token.text.length;
  }
  return [];
}

const has = (scopes: string[], part: string): boolean => scopes.some((s) => s.includes(part));

describe('the sample, line by line', () => {
  const text = sample();

  test('a byline, with By as a keyword and the name scoped', () => {
    expect(has(scopesAt(text, 'By', 'By Saule Mukhametrakhimova'), 'keyword.other.by')).toBe(true);
    expect(has(scopesAt(text, 'Saule Mukhametrakhimova', 'By Saule Mukhametrakhimova'), 'entity.name.tag.byline')).toBe(true);
  });

  test('prose that starts with "By" is not a byline', () => {
    expect(scopesAt(text, 'By blocking access')).toEqual([]);
  });

  test('speaker labels: the interviewer and the answers', () => {
    expect(has(scopesAt(text, 'IWPR', 'IWPR: How much leverage'), 'speaker.interviewer')).toBe(true);
    expect(has(scopesAt(text, 'Murphy', 'Murphy: The EU has'), 'entity.name.function.speaker')).toBe(true);
    expect(has(scopesAt(text, 'Paul Murphy', 'Paul Murphy: I agree'), 'entity.name.function.speaker')).toBe(true);
  });

  test('a cross-reference wrapped over two lines is one reference', () => {
    expect(has(scopesAt(text, 'See', '(See Kazak Protesters'), 'keyword.other.see')).toBe(true);
    expect(has(scopesAt(text, 'Kazak Protesters', '(See Kazak Protesters'), 'string.other.link.title')).toBe(true);
    expect(has(scopesAt(text, 'Demand Accountability', 'Demand Accountability for Killings.)'), 'meta.cross-reference')).toBe(true);
    // …and ends with its parenthesis: the next paragraph is plain text.
    expect(scopesAt(text, 'We were horrified')).not.toContainEqual(expect.stringContaining('cross-reference'));
  });

  test('dividers, notices, URLs and footer lines', () => {
    expect(has(scopesAt(text, '****', '**** http://iwpr.net/ ****'), 'divider')).toBe(true);
    expect(has(scopesAt(text, 'NEW', '**** NEW'), 'notice')).toBe(true);
    expect(has(scopesAt(text, 'VACANCIES'), 'notice-label')).toBe(true);
    expect(has(scopesAt(text, 'http://iwpr.net/what-we-do/vacancies'), 'markup.underline.link')).toBe(true);
    expect(has(scopesAt(text, '1477-7924'), 'constant.numeric.issn')).toBe(true);
    expect(has(scopesAt(text, '2009', 'ISSN'), 'constant.numeric.year')).toBe(true);
    expect(has(scopesAt(text, 'Tel: +44'), 'footer.contact')).toBe(true);
    expect(has(scopesAt(text, 'REPORTING CENTRAL ASIA: Editor-in-Chief'), 'footer.credits')).toBe(true);
  });

  test('body prose carries no scope', () => {
    expect(scopesAt(text, 'A member of the European Parliament says')).toEqual([]);
  });
});

describe('small cases', () => {
  test('masthead with issue number and date', () => {
    const line = "WELCOME TO IWPR'S REPORTING CENTRAL ASIA, No. 556 Part 1, November 17, 2008";
    expect(has(scopesAt(line, 'WELCOME'), 'masthead')).toBe(true);
    expect(has(scopesAt(line, 'No. 556'), 'constant.numeric.issue')).toBe(true);
    expect(has(scopesAt(line, 'November 17, 2008'), 'constant.other.date')).toBe(true);
    expect(has(scopesAt('IWPR’S TRIBUNAL UPDATE No. 539, February 22, 2008', 'February'), 'constant.other.date')).toBe(true);
  });

  test('headlines, country prefixes and section labels', () => {
    expect(has(scopesAt('KYRGYZSTAN: REBELS WITHOUT COMMON CAUSE', 'REBELS'), 'markup.heading.headline')).toBe(true);
    expect(has(scopesAt('KYRGYZSTAN: REBELS WITHOUT COMMON CAUSE', 'KYRGYZSTAN'), 'country')).toBe(true);
    expect(has(scopesAt('SPECIAL REPORT:', 'SPECIAL'), 'section-label')).toBe(true);
    expect(scopesAt('Kazakstan has a new government.', 'Kazakstan')).toEqual([]);
  });

  test('malformed bylines are marked', () => {
    expect(has(scopesAt('by Dina Tokbaeva', 'by'), 'invalid.deprecated.by')).toBe(true);
    expect(has(scopesAt('By: Dina Tokbaeva', ':'), 'by-colon')).toBe(true);
    expect(has(scopesAt('By Dina Tokbaeva.', '.'), 'byline-full-stop')).toBe(true);
  });

  test('a citation inside a reference; a placeholder', () => {
    expect(has(scopesAt('Text (See Title, RCA No. 574, 24-Apr-09.) more.', 'RCA'), 'constant.other.citation')).toBe(true);
    expect(has(scopesAt('The minister said TK about the plan.', 'TK'), 'invalid.illegal.placeholder')).toBe(true);
  });

  test('pathological lines tokenize and terminate', () => {
    for (const line of [
      ' '.repeat(100000),
      'A'.repeat(100000),
      '('.repeat(50000),
      `(See ${'A '.repeat(50000)}`,
      `WELCOME TO ${'A '.repeat(50000)}`,
      `By ${'Name '.repeat(20000)}`,
    ]) {
      expect(tokenize(line).length).toBe(1);
    }
  });
});
