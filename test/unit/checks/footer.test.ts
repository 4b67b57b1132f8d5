import { describe, expect, test } from 'vitest';
import type { Profile } from '../../../server/src/profile/profile';
import { DEFAULT_PROFILE } from '../../../server/src/profile/profile';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses } from '../../../server/src/workspace/analysis';
import { WorkspaceIndex } from '../../../server/src/workspace/index';
import { createCheckContext } from '../../../server/src/checks/context';
import { runChecks } from '../../../server/src/checks/run';
import { allProblems, analyse, applyEdits, clean, expectedAndFound, marked, problemsOf, sample } from '../../support/fixture';
import { issnCheckDigit } from '../../../server/src/checks/footer-issn';

/** A short footer template, so fixtures stay readable. */
const profile: Profile = {
  ...DEFAULT_PROFILE,
  footerTemplate: `**** http://example.org/ ****

EXAMPLE NEWS provides news from the region every week.

EXAMPLE NEWS: Editor: Ann Lee; Deputy Editor: Bob Roe; Designer: Cy Poe.

**** http://example.org/ ****

ISSN: 1477-7924 Copyright © {{year}} Example Trust

Registered charity in the United Kingdom, no. 1027201.
`,
};

const HEAD = `WELCOME TO EXAMPLE NEWS, No. 12, March 3, 2010

POWER CUTS RETURN  Analyst explains.  By Dina Tokbaeva


POWER CUTS RETURN

Analyst explains.

By Dina Tokbaeva

Body.
`;

const FOOTER = `
**** http://example.org/ ****

EXAMPLE NEWS provides news from the region every week.

EXAMPLE NEWS: Editor: Ann Lee; Deputy Editor: Bob Roe; Designer: Cy Poe.

**** http://example.org/ ****

ISSN: 1477-7924 Copyright © 2010 Example Trust

Registered charity in the United Kingdom, no. 1027201.
`;

const FOOTER_CODES = [
  'footer.missing',
  'footer.block-missing',
  'footer.block-duplicated',
  'footer.order',
  'footer.credits-split',
  'footer.copyright-year',
  'footer.issn',
  'footer.trailing-text',
  'footer.unexpected',
];

describe('footer', () => {
  test('the template footer itself gives nothing', () => {
    for (const code of FOOTER_CODES) expect(problemsOf(code, HEAD + FOOTER, { profile }), code).toEqual([]);
  });

  test('footer.missing: no footer after the last article', () => {
    const { expected, found } = expectedAndFound('footer.missing', HEAD.replace('Body.', '⟦Body.⟧'), { profile });
    expect(found).toEqual(expected);
  });

  test('footer.block-missing: a deleted paragraph, with a fix that puts the template text back', () => {
    const source =
      HEAD +
      FOOTER.replace('\nEXAMPLE NEWS: Editor: Ann Lee; Deputy Editor: Bob Roe; Designer: Cy Poe.\n', '').replace(
        'EXAMPLE NEWS provides news from the region every week.',
        '⟦EXAMPLE NEWS provides news from the region every week.⟧',
      );
    const { text, ranges } = marked(source);
    const problems = problemsOf('footer.block-missing', text, { profile });
    expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
    expect(problems[0]!.message).toBe('Footer paragraph missing after this one: “EXAMPLE NEWS: Editor: Ann Lee; Deputy Editor: Bob…”.');
    expect(applyEdits(text, problems[0]!.fixes![0]!.edits)).toBe(HEAD + FOOTER);
  });

  test('footer.block-missing: a deleted divider', () => {
    const source = HEAD + FOOTER.replace('**** http://example.org/ ****\n\nISSN', '⟦ISSN').replace('Example Trust', 'Example Trust⟧');
    const { text, ranges } = marked(source);
    const problems = problemsOf('footer.block-missing', text, { profile });
    expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
    expect(applyEdits(text, problems[0]!.fixes![0]!.edits)).toBe(HEAD + FOOTER);
  });

  test('footer.block-duplicated: a pasted-twice paragraph, and the fix removes exactly the copy', () => {
    const para = 'Registered charity in the United Kingdom, no. 1027201.';
    const source = `${HEAD}${FOOTER}\n⟦${para}⟧\n`;
    const { text, ranges } = marked(source);
    const problems = problemsOf('footer.block-duplicated', text, { profile });
    expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
    expect(applyEdits(text, problems[0]!.fixes![0]!.edits)).toBe(HEAD + FOOTER);
  });

  test('footer.order: paragraphs swapped', () => {
    const source =
      HEAD +
      FOOTER.replace(
        'ISSN: 1477-7924 Copyright © 2010 Example Trust\n\nRegistered charity in the United Kingdom, no. 1027201.',
        'Registered charity in the United Kingdom, no. 1027201.\n\n⟦ISSN: 1477-7924 Copyright © 2010 Example Trust⟧',
      );
    const { expected, found } = expectedAndFound('footer.order', source, { profile });
    expect(found).toEqual(expected);
  });

  test('footer.credits-split: a stray blank line in the credits; the fix removes only the blank line', () => {
    const source =
      HEAD +
      FOOTER.replace(
        'EXAMPLE NEWS: Editor: Ann Lee; Deputy Editor: Bob Roe; Designer: Cy Poe.',
        '⟦EXAMPLE NEWS: Editor: Ann Lee; Deputy Editor: Bob\n\nRoe; Designer: Cy Poe.⟧',
      );
    const { text, ranges } = marked(source);
    const problems = problemsOf('footer.credits-split', text, { profile });
    expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
    expect(applyEdits(text, problems[0]!.fixes![0]!.edits)).toBe(text.replace('Bob\n\nRoe', 'Bob\nRoe'));
    expect(problemsOf('footer.unexpected', text, { profile })).toEqual([]);
  });

  test('footer.copyright-year: a stale year, against the masthead date', () => {
    const { text, ranges } = marked(HEAD + FOOTER.replace('© 2010', '© ⟦2009⟧'));
    const problems = problemsOf('footer.copyright-year', text, { profile });
    expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
    expect(problems[0]!.message).toBe("Copyright year 2009 is not the issue's year, 2010 (from the masthead).");
    expect(applyEdits(text, problems[0]!.fixes![0]!.edits)).toBe(HEAD + FOOTER);
  });

  test('footer.issn: a wrong check digit', () => {
    const { expected, found, problems } = expectedAndFound('footer.issn', HEAD + FOOTER.replace('1477-7924', '⟦1477-7925⟧'), { profile });
    expect(found).toEqual(expected);
    expect(problems[0]!.message).toBe('ISSN 1477-7925 is not valid: its check digit should be 4.');
    expect(issnCheckDigit('0317847')).toBe('1');
    expect(issnCheckDigit('2434561')).toBe('X');
  });

  test('footer.trailing-text: text after the last footer paragraph', () => {
    const { expected, found } = expectedAndFound('footer.trailing-text', `${HEAD}${FOOTER}\n⟦Reply via email to⟧\n`, { profile });
    expect(found).toEqual(expected);
  });

  test('footer.unexpected: a paragraph inside the footer that the template lacks', () => {
    const source =
      HEAD + FOOTER.replace('**** http://example.org/ ****\n\nISSN', '**** http://example.org/ ****\n\n⟦Follow us on the radio.⟧\n\nISSN');
    const { expected, found } = expectedAndFound('footer.unexpected', source, { profile });
    expect(found).toEqual(expected);
  });

  test('a footer unlike the template is one finding, not one per paragraph', () => {
    const text = `${HEAD}\n**** http://other.org/ ****\n\nOTHER PUBLICATION is published monthly.\n\nAll rights reserved.\n`;
    const all = FOOTER_CODES.flatMap((code) => problemsOf(code, text, { profile }));
    expect(all.map((p) => p.message)).toEqual([
      'Footer does not match the footer template: only 0 of its 4 paragraphs are here. If this publication has its own footer, set it as the template in bulletin.json.',
    ]);
  });
});

describe('footer between versions', () => {
  test('after edits in an article, in the footer and above, in two documents in turn, the footer findings are fresh ones', () => {
    const footerProblems = <P extends { code: string }>(problems: readonly P[]): P[] =>
      problems.filter((p) => p.code.startsWith('footer.'));
    let profile: Profile = DEFAULT_PROFILE;
    const analyses = new Analyses(new WorkspaceIndex(), () => profile);
    const steps: [string, (text: string) => string][] = [
      ['as it is', (t) => t],
      ['a word typed in an article', (t) => t.replace('oil workers', 'oil xworkers')],
      ['the stray blank line in the credits taken out', (t) => t.replace('Editor: Saule\n\nBorden;', 'Editor: Saule\nBorden;')],
      [
        'two footer paragraphs swapped',
        (t) =>
          t
            .replace('To contact IWPR please go to: http://iwpr.net/contact\n\n', '')
            .replace('Tel: +31 70 338 9016\n\n', 'Tel: +31 70 338 9016\n\nTo contact IWPR please go to: http://iwpr.net/contact\n\n'),
      ],
      ['lines above everything', (t) => `\n\n${t}`],
      ['a footer paragraph taken out', (t) => t.replace('IWPR – Giving Voice, Driving Change\n\n', '')],
      ['the profile given a template without that paragraph', (t) => t],
    ];
    let text = sample();
    let other = clean();
    let version = 1;
    const seen: string[] = [];
    for (const [what, edit] of steps) {
      const next = edit(text);
      if (what.startsWith('the profile'))
        profile = Object.assign({}, DEFAULT_PROFILE, {
          footerTemplate: DEFAULT_PROFILE.footerTemplate.replace('IWPR – Giving Voice, Driving Change\n\n', ''),
        });
      else if (what !== 'as it is') expect(next, what).not.toBe(text);
      text = next;
      other = `${other} `;
      // Each version of the sample, then of another document, as two editors open side by side.
      for (const [uri, t] of [
        ['file:///rca.bulletin', text],
        ['file:///clean.bulletin', other],
      ] as const) {
        const mine = footerProblems(analyses.problems(analyses.get(TextDocument.create(uri, 'bulletin', version, t))) ?? []);
        expect(mine, `${what}: ${uri}`).toEqual(footerProblems(allProblems(t, { uri, profile })));
        if (uri === 'file:///rca.bulletin') seen.push(mine.map((p) => `${p.code}@${p.start}`).join(' '));
      }
      version++;
    }
    expect(seen[0]).toContain('footer.credits-split');
    expect(seen[2]).not.toContain('footer.credits-split');
    expect(seen[3]).toContain('footer.order');
    expect(seen[5]).toContain('footer.block-missing');
    // The same text: what differs is the template's doing.
    expect(seen[6]).not.toEqual(seen[5]);
  });

  test('one parse checked against two footer templates is aligned with each', () => {
    const text = sample();
    const other = Object.assign({}, DEFAULT_PROFILE, {
      footerTemplate: DEFAULT_PROFILE.footerTemplate.replace('IWPR – Giving Voice, Driving Change\n\n', ''),
    });
    const footerOf = (profile: Profile, parsed = analyse(text)) =>
      runChecks(createCheckContext(parsed.doc, 'file:///rca.bulletin', parsed.index, profile))
        .filter((p) => p.code.startsWith('footer.'))
        .map((p) => `${p.code}@${p.start}`);
    const parsed = analyse(text);
    const first = footerOf(DEFAULT_PROFILE, parsed);
    const then = footerOf(other, parsed);
    expect(then).toEqual(footerOf(other));
    expect(then).not.toEqual(first);
  });
});
