import { describe, expect, test } from 'vitest';
import { applyEdits, expectedAndFound, marked, problemsOf } from '../../support/fixture';

const article = (headline: string, body: string) => `${headline}\n\nStandfirst.\n\nBy Dina Tokbaeva\n\n${body}\n`;

describe('xref.malformed', () => {
  const cases: [string, string, string][] = [
    ['(See Power Cuts Return,)', 'citation was lost', '(See Power Cuts Return.)'],
    ['(See Power Cuts Return)', 'full stop is missing', '(See Power Cuts Return.)'],
    ['(See Power Cuts Return).', 'belongs inside', '(See Power Cuts Return.)'],
  ];
  for (const [written, words, repaired] of cases) {
    test(`${written} is reported and fixed in place`, () => {
      const { text, ranges } = marked(article('POWER CUTS RETURN', `Body text ⟦${written}⟧ More text.`));
      const problems = problemsOf('xref.malformed', text);
      expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
      expect(problems[0]!.message).toContain(words);
      expect(applyEdits(text, problems[0]!.fixes![0]!.edits)).toBe(text.replace(written, repaired));
    });
  }

  test('a missing closing parenthesis, wrapped over lines', () => {
    const { expected, found } = expectedAndFound(
      'xref.malformed',
      article('POWER CUTS RETURN', 'Body text ⟦(See Power Cuts\nReturn.⟧ More text.'),
    );
    expect(found).toEqual(expected);
  });

  test('a well-formed reference with an issue citation is fine', () => {
    expect(
      problemsOf('xref.malformed', article('POWER CUTS RETURN', 'Text (See Power Cuts Return, RCA No. 574, 24-Apr-09.) more.')),
    ).toEqual([]);
  });
});

describe('xref.unresolved', () => {
  const earlier = {
    uri: 'file:///ws/rca-574.bulletin',
    text: `WELCOME TO IWPR'S REPORTING CENTRAL ASIA, No. 574, April 24, 2009\n\n${article("KAZAKSTAN'S UNHAPPY OIL WORKERS", 'Body.')}\n\n${article('REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS', 'Body.')}`,
  };

  test('resolves titles of this issue, wrapped and in Title Case, and of earlier issues', () => {
    const text = `${article('KAZAKSTAN: POWER CUTS RETURN', 'Body.')}\n\n${article('SECOND STORY HERE', 'Text (See Power Cuts\nReturn.) And (See Kazakstan’s Unhappy Oil Workers and Reprisals Merely\nAnger Protesting Kazak Oil Workers.)')}`;
    expect(problemsOf('xref.unresolved', text, { others: [earlier] })).toEqual([]);
  });

  test('reports each unresolved title of "(See A and B.)" separately', () => {
    const { expected, found } = expectedAndFound(
      'xref.unresolved',
      article('FIRST STORY', "Text (See ⟦Kazakstan's Unhappy Oil Workers⟧ and ⟦Reprisals Merely\nAnger Protesting Kazak Oil Workers⟧.)"),
    );
    expect(found).toEqual(expected);
  });

  test('suggests the closest headline, with a fix that changes only the title', () => {
    const { text, ranges } = marked(article('FIRST STORY', "Text (See ⟦Kazakstan's Unhappy Oil Worker⟧.) end."));
    const problems = problemsOf('xref.unresolved', text, { others: [earlier] });
    expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
    expect(problems[0]!.message).toContain("Did you mean “KAZAKSTAN'S UNHAPPY OIL WORKERS” (in RCA No. 574 (rca-574.bulletin))?");
    expect(applyEdits(text, problems[0]!.fixes![0]!.edits)).toBe(
      text.replace("Kazakstan's Unhappy Oil Worker.", "KAZAKSTAN'S UNHAPPY OIL WORKERS."),
    );
  });

  test('a citation must name the issue that holds the title', () => {
    const { expected, found, problems } = expectedAndFound(
      'xref.unresolved',
      article('FIRST STORY', "Text (See ⟦Kazakstan's Unhappy Oil Workers⟧, RCA No. 575, 1-May-09.)"),
      { others: [earlier] },
    );
    expect(found).toEqual(expected);
    expect(problems[0]!.message).toContain('RCA No. 575 is not in the workspace');
  });

  test('running text refers only where the words are a known headline', () => {
    const text = article('FIRST STORY', "For background, see Kazakstan's Unhappy Oil Workers. We will see Central Asia change.");
    expect(problemsOf('xref.unresolved', text, { others: [earlier] })).toEqual([]);
    expect(problemsOf('xref.unresolved', text)).toEqual([]);
  });
});

describe('xref.citation-date', () => {
  test('the right issue with the wrong date, fixed to the issue date', () => {
    const earlier = {
      uri: 'file:///ws/rca-574.bulletin',
      text: `WELCOME TO IWPR'S REPORTING CENTRAL ASIA, No. 574, April 24, 2009\n\n${article('POWER CUTS RETURN', 'Body.')}`,
    };
    const { text, ranges } = marked(article('FIRST STORY', 'Text (See Power Cuts Return, RCA No. 574, ⟦25-Apr-09⟧.) end.'));
    const problems = problemsOf('xref.citation-date', text, { others: [earlier] });
    expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
    expect(problems[0]!.message).toBe('RCA No. 574 is dated April 24, 2009, not April 25, 2009.');
    expect(applyEdits(text, problems[0]!.fixes![0]!.edits)).toBe(text.replace('25-Apr-09', '24-Apr-09'));
  });
});
