import { describe, expect, test } from 'vitest';
import { applyEdits, expectedAndFound, marked, problemsOf } from '../../support/fixture';

describe('headline.missing', () => {
  test('points at the standfirst of an article that lost its headline line', () => {
    const { expected, found, problems } = expectedAndFound(
      'headline.missing',
      `
KAZAKSTAN: OIL TOWN WAITS  Strikers wait.  By Almaz Rysaliev


⟦Strikers say promises made in spring⟧
have not been kept.

By Almaz Rysaliev

Body.
`,
    );
    expect(found).toEqual(expected);
    expect(problems[0]!.message).toBe(
      'Headline missing: the article whose standfirst begins “Strikers say promises made in spring…” has no headline line above it.',
    );
  });

  test('the quoted standfirst is cut before an emoji, not through it', () => {
    const [problem] = problemsOf('headline.missing', `${'a'.repeat(39)}😀 and more words after it.\n\nBy Almaz Rysaliev\n\nBody.\n`);
    expect(problem!.message).toBe(
      `Headline missing: the article whose standfirst begins “${'a'.repeat(39)}…” has no headline line above it.`,
    );
  });

  test('is silent when the headline is there', () => {
    expect(problemsOf('headline.missing', 'KAZAKSTAN: OIL TOWN WAITS\n\nStrikers wait.\n\nBy Almaz Rysaliev\n\nBody.\n')).toEqual([]);
  });
});

describe('headline.duplicate', () => {
  test('marks the second use and relates it to the first', () => {
    const { expected, found, problems } = expectedAndFound(
      'headline.duplicate',
      `
POWER CUTS RETURN

Standfirst one.

By Dina Tokbaeva

Body.


⟦Power Cuts Return⟧

Standfirst two.

By Almaz Rysaliev

Body.
`,
    );
    expect(found).toEqual(expected);
    expect(problems[0]!.related?.[0]).toMatchObject({ start: 0, end: 17 });
  });
});

describe('byline.missing', () => {
  test('reports an article that opens with a headline but has no byline', () => {
    const { expected, found } = expectedAndFound(
      'byline.missing',
      `
A  Standfirst.  By Dina Tokbaeva


⟦KAZAKSTAN: NO BYLINE HERE⟧

Standfirst sentence.

Body one.

Body two.
`,
    );
    expect(found).toEqual(expected);
  });
});

describe('byline.malformed', () => {
  const cases: [string, string][] = [
    ['by Dina Tokbaeva', 'capital B'],
    ['By: Dina Tokbaeva', 'no colon'],
    ['By Dina Tokbaeva.', 'no full stop'],
  ];
  for (const [line, words] of cases) {
    test(`“${line}” is reported, and the fix changes only the byline`, () => {
      const { text, ranges } = marked(`HEADLINE HERE\n\nStandfirst.\n\n⟦${line}⟧\n\nBody.\n`);
      const problems = problemsOf('byline.malformed', text);
      expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
      expect(problems[0]!.message).toContain(words);
      const fixed = applyEdits(text, problems[0]!.fixes![0]!.edits);
      expect(fixed).toBe('HEADLINE HERE\n\nStandfirst.\n\nBy Dina Tokbaeva\n\nBody.\n');
    });
  }

  test('a correct byline is not reported', () => {
    expect(problemsOf('byline.malformed', 'HEADLINE HERE\n\nStandfirst.\n\nBy Dina Tokbaeva in Bishkek\n\nBody.\n')).toEqual([]);
  });
});

describe('byline.in-body', () => {
  test('reports a second byline inside the body, not prose that starts with "By"', () => {
    const { expected, found } = expectedAndFound(
      'byline.in-body',
      `
HEADLINE HERE

Standfirst.

By Dina Tokbaeva

By blocking access to information, the government left citizens unaware.

⟦By Almaz Rysaliev⟧

More body.
`,
    );
    expect(found).toEqual(expected);
  });
});

describe('signoff.mismatch', () => {
  test('a sign-off naming another person than the byline', () => {
    const { expected, found, problems } = expectedAndFound(
      'signoff.mismatch',
      `
HEADLINE HERE

Standfirst.

By Dina Tokbaeva

Body.

⟦Almaz Rysaliev⟧ is IWPR editor in Kazakstan.
`,
    );
    expect(found).toEqual(expected);
    expect(problems[0]!.message).toBe('The sign-off names Almaz Rysaliev, but the byline says Dina Tokbaeva.');
  });

  test('"Interview conducted by" another person', () => {
    const { expected, found } = expectedAndFound(
      'signoff.mismatch',
      `
HEADLINE HERE

Standfirst.

By Dina Tokbaeva

IWPR: A question?

Svoik: An answer.

Interview conducted by ⟦Saule Mukhametrakhimova⟧, IWPR editor.
`,
    );
    expect(found).toEqual(expected);
  });

  test('the same person, even by surname only, is fine', () => {
    expect(
      problemsOf(
        'signoff.mismatch',
        'HEADLINE HERE\n\nStandfirst.\n\nBy Dina Tokbaeva\n\nBody.\n\nInterview conducted by Dina Tokbaeva, IWPR editor.\n',
      ),
    ).toEqual([]);
  });
});
