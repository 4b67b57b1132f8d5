import { describe, expect, test } from 'vitest';
import { osaDistance } from '../../../server/src/checks/style-name-variants';
import { DEFAULT_PROFILE } from '../../../server/src/profile/profile';
import { applyEdits, expectedAndFound, marked, problemsOf } from '../../support/fixture';

const article = (body: string) => `POWER CUTS RETURN\n\nAnalyst explains.\n\nBy Dina Tokbaeva\n\n${body}\n`;

describe('style.cut-off', () => {
  test('a paragraph that stops mid-sentence; prose only', () => {
    const { expected, found, problems } = expectedAndFound(
      'style.cut-off',
      article(
        'A full paragraph.\n\nThe strikers staged daily protests which\n⟦did not stop when their company sacked⟧\n\nThe end.\n\nSee http://iwpr.net/x\n\nAN ALL CAPS LINE',
      ),
    );
    expect(found).toEqual(expected);
    expect(problems[0]!.message).toBe('Paragraph stops without closing punctuation after “…when their company sacked”: was it cut off?');
  });

  test('closing quotes, brackets and colons close a paragraph', () => {
    expect(problemsOf('style.cut-off', article('He said “yes.”\n\nShe said (no)\n\nIt went as follows:\n\nThe sign-off is fine?'))).toEqual(
      [],
    );
  });
});

describe('style.name-variants', () => {
  const body = 'Kasymov said one thing. Later Kasymov said another. Officials quoted Kasymov again.\n\nThe minister, ⟦Kazymov⟧, denied it.';

  test('points at the rare spelling, names the common one, and offers to unify', () => {
    const { text, ranges } = marked(article(body));
    const problems = problemsOf('style.name-variants', text);
    expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
    expect(problems[0]!.message).toBe('“Kazymov” here, but “Kasymov” 3 times elsewhere in this issue: the same name spelled two ways?');
    expect(applyEdits(text, problems[0]!.fixes![0]!.edits)).toBe(text.replace('Kazymov', 'Kasymov'));
  });

  test('accepted variants in the profile are left alone', () => {
    const profile = { ...DEFAULT_PROFILE, acceptedVariants: [['Kasymov', 'Kazymov']] };
    expect(problemsOf('style.name-variants', marked(article(body)).text, { profile })).toEqual([]);
  });

  test('forms of one word are not two spellings: Russia/Russian, Respublika/Respubliki, There/These', () => {
    const text = article(
      'In Russia, Russian papers and Respublika agree. Golos Respubliki does too. There were protests. These were large. The Russian view and Respublika again.',
    );
    expect(problemsOf('style.name-variants', text)).toEqual([]);
  });

  test('distance counts a swap of neighbours as one', () => {
    expect(osaDistance('janaozen', 'janazoen')).toBe(1);
    expect(osaDistance('janaozen', 'zhanaozen')).toBe(2);
    expect(osaDistance('kasymov', 'kazymov')).toBe(1);
  });
});

describe('style.doubled-word', () => {
  test('"and and", with a fix that deletes one; "had had" is English', () => {
    const { text, ranges } = marked(article('She ⟦and and⟧ around 70 women went. They had had enough.'));
    const problems = problemsOf('style.doubled-word', text);
    expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
    expect(applyEdits(text, problems[0]!.fixes![0]!.edits)).toBe(text.replace('and and', 'and'));
  });

  test('across a line break', () => {
    const { expected, found } = expectedAndFound('style.doubled-word', article('At ⟦the\nthe⟧ end. Not the end.'));
    expect(found).toEqual(expected);
  });
});

describe('style.unbalanced', () => {
  test('an opening quote never closed, a stray closing parenthesis', () => {
    const { expected, found } = expectedAndFound('style.unbalanced', article('He said ⟦“⟧we will win. Done.\n\nThey left⟦)⟧ early.'));
    expect(found).toEqual(expected);
  });

  test('a quotation running over paragraphs opens each and closes at the end', () => {
    expect(problemsOf('style.unbalanced', article('“The first part of the quote.\n\n“The second part, closing now.”'))).toEqual([]);
  });
});

describe('style.line-length', () => {
  test('a line beyond the width, with a fix that rewraps the paragraph and changes no word', () => {
    const profile = { ...DEFAULT_PROFILE, emailWidth: 40 };
    const long = 'This line of prose is much longer than forty columns and goes on.';
    const text = article(`${long}\n\nShort line.\n\nhttp://example.org/a/very/long/url/that/is/exempt/from/the/width`);
    const problems = problemsOf('style.line-length', text, { profile });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('Line of 65 characters, longer than the email width of 40.');
    const fixed = applyEdits(text, problems[0]!.fixes![0]!.edits);
    expect(fixed).toBe(text.replace(long, 'This line of prose is much longer than\nforty columns and goes on.'));
  });

  test('the finding starts at the character that crosses the width, never between the halves of an emoji', () => {
    const profile = { ...DEFAULT_PROFILE, emailWidth: 18 };
    // The oil drum takes the 18th and 19th UTF-16 units: the width, 18, falls between them.
    const text = article('Oil workers, the 🛢 wait for answers.');
    const line = text.indexOf('Oil workers');
    const problem = problemsOf('style.line-length', text, { profile }).find((p) => p.start > line);
    expect(problem!.start).toBe(line + 17);
    expect(text.slice(problem!.start, problem!.end)).toBe('🛢 wait for answers.');
  });
});

describe('style.trailing-whitespace, style.tab, style.placeholder', () => {
  test('trailing spaces on any line, with a fix; blank lines are blank', () => {
    const { text, ranges } = marked(article('Text here.⟦  ⟧\n   \nMore.'));
    const problems = problemsOf('style.trailing-whitespace', text);
    expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
    expect(applyEdits(text, problems[0]!.fixes![0]!.edits)).toBe(text.replace('Text here.  ', 'Text here.'));
  });

  test('tabs', () => {
    const { expected, found } = expectedAndFound('style.tab', article('A⟦\t⟧tab.'));
    expect(found).toEqual(expected);
  });

  test('placeholders in capitals, not the same letters in a word', () => {
    const { expected, found } = expectedAndFound(
      'style.placeholder',
      article('The minister said ⟦TK⟧ about ⟦[link]⟧ and ⟦TODO⟧. The Tk word and xxx stay; so does Lorem.'),
    );
    expect(found).toEqual(expected);
  });
});
