import { describe, expect, test } from 'vitest';
import { loadProfile, templateUri } from '../../server/src/profile/load';
import { parseBulletin } from '../../server/src/model/parse';
import { parseOptionsFor } from '../../server/src/profile/parseOptions';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { marked, problemsOf } from '../support/fixture';

const URI = 'file:///ws/bulletin.json';
const files: Record<string, string> = {
  'file:///ws/footer.txt': '**** x ****\n\nOUR NEWS is published weekly.\n\nISSN: 1477-7924 Copyright © {{year}} Us\n',
};
const read = (uri: string) => Promise.resolve(files[uri]);

/** Loads the marked profile and returns its problems' spans and messages. */
async function problems(source: string) {
  const { text, ranges } = marked(source);
  const loaded = await loadProfile(URI, text, read);
  return {
    loaded,
    expected: ranges,
    found: loaded.problems.map((p) => ({ start: p.start, end: p.end })),
    messages: loaded.problems.map((p) => p.message),
  };
}

describe('loading bulletin.json', () => {
  test('a good profile sets what it says, the rest keeps the reference defaults', async () => {
    const { loaded } = await problems(`{
  "publication": "Our News",
  "initials": "ON",
  "emailWidth": 76,
  "footerTemplate": "footer.txt",
  "acceptedVariants": [["Kazakstan", "Kazakhstan"]],
  "ignoreTitles": ["Old Archive Title"],
  "checks": { "style.trailing-whitespace": "off", "xref.unresolved": "error" }
}`);
    expect(loaded.problems).toEqual([]);
    const p = loaded.profile;
    expect([p.publication, p.initials, p.emailWidth, p.ignoreTitles, p.checks]).toEqual([
      'Our News',
      'ON',
      76,
      ['Old Archive Title'],
      { 'style.trailing-whitespace': 'off', 'xref.unresolved': 'error' },
    ]);
    expect(p.footerTemplate).toContain('OUR NEWS is published weekly.');
    expect(p.interviewers).toEqual(DEFAULT_PROFILE.interviewers);
    expect(loaded.templateUri).toBe('file:///ws/footer.txt');
  });

  test('each mistake is reported where it is, and the rest still loads', async () => {
    const { loaded, expected, found, messages } = await problems(`{
  "emailWidth": ⟦"wide"⟧,
  "checks": { ⟦"xref.unresolve"⟧: "error", "byline.missing": ⟦"loud"⟧ },
  "mastheadPattern": ⟦"(?<number>\\\\d+"⟧,
  "footerTemplate": ⟦"missing.txt"⟧,
  ⟦"colour"⟧: "blue",
  "ignoreTitles": ["Fine"]
}`);
    expect(found).toEqual(expected);
    expect(messages[0]).toBe('“emailWidth” must be a whole number of columns between 40 and 200.');
    expect(messages[1]).toBe('Unknown check “xref.unresolve”; did you mean “xref.unresolved”?');
    expect(messages[2]).toBe('Severity must be one of "error", "warning", "information", "hint", "off".');
    expect(messages[3]).toContain('“mastheadPattern” is not a valid regular expression');
    expect(messages[4]).toBe('Footer template “missing.txt” cannot be read.');
    expect(messages[5]).toContain('Unknown setting “colour”.');
    expect(loaded.profile.ignoreTitles).toEqual(['Fine']);
    expect(loaded.profile.emailWidth).toBeUndefined();
  });

  test('broken JSON gives a clear error; what can be read of it still applies', async () => {
    const loaded = await loadProfile(URI, '{ "emailWidth": 72,, }', read);
    expect(loaded.problems[0]!.message).toBe('Not valid JSON: a property name in double quotes is expected here.');
    expect(loaded.profile).toEqual({ ...DEFAULT_PROFILE, emailWidth: 72 });
    expect((await loadProfile(URI, '{ "emailWidth": ', read)).profile).toEqual(DEFAULT_PROFILE);
    expect((await loadProfile(URI, '[1, 2]', read)).problems[0]!.message).toBe('bulletin.json must hold one JSON object of settings.');
  });

  test('required footer blocks must name paragraphs of the template', async () => {
    const { expected, found, messages } = await problems(
      `{ "footerTemplate": "footer.txt", "requiredFooterBlocks": ["OUR NEWS", ⟦"NOT THERE"⟧] }`,
    );
    expect(found).toEqual(expected);
    expect(messages).toEqual(['No paragraph of the footer template starts with “NOT THERE”.']);
  });

  test('the template path is resolved beside the profile', () => {
    expect(templateUri('file:///ws/sub/bulletin.json', '../footers/rca.txt')).toBe('file:///ws/footers/rca.txt');
  });
});

describe('what a profile changes', () => {
  test("a publication's own masthead pattern identifies its issues", async () => {
    const { loaded } = await problems(String.raw`{ "mastheadPattern": "^(?<publication>OUR NEWS) issue (?<number>\\d+) of (?<date>.+)$" }`);
    const doc = parseBulletin('OUR NEWS issue 12 of 3 March 2010\n\nBody.\n', parseOptionsFor(loaded.profile));
    expect([doc.masthead?.publication?.text, doc.masthead?.number?.value, doc.masthead?.date?.value]).toEqual([
      'OUR NEWS',
      12,
      { year: 2010, month: 3, day: 3 },
    ]);
  });

  test('ignored titles and accepted variants silence exactly those findings', () => {
    const text = 'STORY\n\nStandfirst.\n\nBy Dina Tokbaeva\n\nText (See Lost Archive Story.) Kasymov said. Kasymov said. Kazymov said.\n';
    expect(problemsOf('xref.unresolved', text)).toHaveLength(1);
    expect(problemsOf('xref.unresolved', text, { profile: { ...DEFAULT_PROFILE, ignoreTitles: ['lost archive story'] } })).toEqual([]);
  });

  test('the profile width decides long lines; a check can be turned off', () => {
    const text = 'STORY\n\nStandfirst.\n\nBy Dina Tokbaeva\n\nA line of prose of exactly sixty-one characters in all, good.\n';
    expect(problemsOf('style.line-length', text, { profile: { ...DEFAULT_PROFILE, emailWidth: 60 } })).toHaveLength(1);
    expect(
      problemsOf('style.line-length', text, { profile: { ...DEFAULT_PROFILE, emailWidth: 60, checks: { 'style.line-length': 'off' } } }),
    ).toEqual([]);
  });
});

describe('a profile from an untrusted workspace', () => {
  test('a masthead pattern that could backtrack exponentially is refused with a diagnostic', async () => {
    const { found, expected, messages, loaded } = await problems(
      String.raw`{ "mastheadPattern": ⟦"^(?<publication>(\\w+\\s?)+) No\\. (?<number>\\d+), (?<date>.+)$"⟧ }`,
    );
    expect(found).toEqual(expected);
    expect(messages[0]).toContain('could take exponential time');
    expect(loaded.profile.mastheadPattern).toBeUndefined();
  });

  test('patterns with single repetition, classes and escapes are accepted', async () => {
    for (const pattern of [
      String.raw`^(?<publication>[A-Z ]+) No\\. (?<number>\\d+), (?<date>.+)$`,
      String.raw`^(?<publication>(?:[A-Z]+ )?NEWS) (?<number>\\d{1,4}) (?<date>[^()+]+)$`,
    ]) {
      const { loaded } = await problems(`{ "mastheadPattern": "${pattern}" }`);
      expect(loaded.problems).toEqual([]);
      expect(loaded.profile.mastheadPattern).toBeInstanceOf(RegExp);
    }
  });

  test('a footer template outside the folder of bulletin.json is not read', async () => {
    const reads: string[] = [];
    const { text, ranges } = marked(`{ "footerTemplate": ⟦"../secrets/footer.txt"⟧ }`);
    const loaded = await loadProfile(URI, text, (uri) => (reads.push(uri), read(uri)));
    expect(loaded.problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
    expect(loaded.problems[0]!.message).toBe('Footer template “../secrets/footer.txt” must be inside the folder of bulletin.json.');
    expect(reads).toEqual([]);
  });
});
