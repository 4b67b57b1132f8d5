import { describe, expect, test } from 'vitest';
import type { Profile } from '../../../server/src/profile/profile';
import { DEFAULT_PROFILE } from '../../../server/src/profile/profile';
import { applyEdits, expectedAndFound, marked, problemsOf } from '../../support/fixture';
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
