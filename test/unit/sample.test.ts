// The real issue as it was sent: every defect the format page names is found
// where it is, and nothing an editor would call right is flagged.
import { describe, expect, test } from 'vitest';
import { LineIndex } from '../../server/src/model/lineIndex';
import { allProblems, clean, sample } from '../support/fixture';

const uri = 'file:///archive/rca-2011-12-janaozen.txt';

/** Problems are listed by position; two on one line keep the checks' order. */
const byLine = (a: string, b: string): number => Number(a.split(' ')[0]) - Number(b.split(' ')[0]);

describe('checks on the sample', () => {
  const text = sample();
  const lines = new LineIndex(text);
  const problems = allProblems(text, { uri });
  const structural = problems.filter((p) => !p.code.startsWith('style.'));
  const found = structural.map((p) => `${lines.positionAt(p.start).line + 1} ${p.code}`);
  const style = (code: string) => problems.filter((p) => p.code === code).map((p) => lines.positionAt(p.start).line + 1);
  const covered = (code: string) => problems.filter((p) => p.code === code).map((p) => text.slice(p.start, p.end).replace(/\s+/g, ' '));

  test('finds exactly the damage the sample carries, line by line', () => {
    expect(found).toEqual(
      [
        ...[1, 4, 7, 10, 14, 18].flatMap((line) => [`${line} contents.headline-mismatch`, `${line} contents.standfirst-mismatch`]),
        '45 headline.missing',
        '68 xref.unresolved',
        '220 headline.missing',
        '275 xref.unresolved',
        '307 xref.malformed',
        '307 xref.unresolved',
        '342 headline.missing',
        '515 headline.missing',
        '534 xref.unresolved',
        '534 xref.unresolved',
        '615 headline.missing',
        '694 headline.missing',
        '899 footer.credits-split',
        '922 footer.copyright-year',
        '937 footer.trailing-text',
      ].sort(byLine),
    );
  });

  test('house style: the cut-off paragraphs, the names spelled two ways, the doubled word, the long lines', () => {
    expect(style('style.cut-off')).toEqual([83, 198, 243, 414, 462, 522, 558, 595, 605, 621, 624, 627, 681, 762, 845]);
    expect(covered('style.name-variants')).toEqual(['Nazarbayev', 'Zhanaozen', 'Janazoen', 'Kazymov', 'Mangystau', 'Mangystau']);
    expect(problems.filter((p) => p.code === 'style.name-variants').map((p) => p.message)).toContain(
      '“Kazymov” here, but “Kasymov” 4 times elsewhere in this issue: the same name spelled two ways?',
    );
    expect(style('style.doubled-word')).toEqual([315]);
    expect(covered('style.doubled-word')).toEqual(['and and']);
    // The issue wraps at 72: single-line paragraphs longer than that, and nothing in the footer.
    expect(style('style.line-length')).toEqual([235, 253, 319, 512, 530, 690]);
    // The notice header `**** NEW ` and the footer's legal paragraphs.
    expect(style('style.trailing-whitespace')).toEqual([21, 926, 927, 928, 929, 932, 933, 934]);
    expect(style('style.unbalanced')).toEqual([]);
    expect(style('style.placeholder')).toEqual([]);
    expect(style('style.tab')).toEqual([]);
  });

  test('each range covers what is wrong', () => {
    expect(covered('xref.unresolved')).toEqual([
      'Kazak Protesters Demand Accountability for Killings',
      'Kazak Spin Doctors Explain Police Shootings',
      'Police Round Up Men After Janaozen Violence',
      "Kazakstan's Unhappy Oil Workers",
      'Reprisals Merely Anger Protesting Kazak Oil Workers',
    ]);
    expect(covered('xref.malformed')).toEqual(['(See Police Round Up Men After Janaozen Violence,)']);
    expect(covered('footer.copyright-year')).toEqual(['2009']);
    expect(covered('footer.trailing-text')).toEqual(['Reply via email to']);
    expect(covered('footer.credits-split')[0]).toMatch(/Central Asia Editor: Saule Borden; Head of Programmes: Sam Compton\.$/);
    expect(covered('headline.missing')[0]).toBe('MEP pressing for European Union action against Kazak government');
  });

  test('says why in words an editor uses', () => {
    const byCode = (code: string) => problems.filter((p) => p.code === code).map((p) => p.message);
    expect(byCode('footer.copyright-year')).toEqual(["Copyright year 2009 is not the issue's year, 2011 (from the file name)."]);
    expect(byCode('xref.malformed')[0]).toContain('ends in a comma but names no issue');
    expect(byCode('contents.standfirst-mismatch')[0]).toBe(
      "Contents standfirst differs from the article's: it lacks the beginning “MEP pressing for”.",
    );
    expect(byCode('footer.credits-split')[0]).toContain('“…Asia Editor: Saule” continues in “Borden; Head of…”');
  });

  test('the untitled articles are not reported for anything but their lost headlines (house style aside)', () => {
    const articleCodes = new Set(
      structural.filter((p) => lines.positionAt(p.start).line > 40 && lines.positionAt(p.start).line < 878).map((p) => p.code),
    );
    expect([...articleCodes].sort()).toEqual(['headline.missing', 'xref.malformed', 'xref.unresolved']);
  });
});

test('the clean bulletin has no problems at all', () => {
  expect(allProblems(clean(), { uri: 'file:///archive/clean.bulletin' })).toEqual([]);
});
