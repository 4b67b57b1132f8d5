import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { doubledWords } from '../../../server/src/checks/style-doubled-word';
import { forEachCapitalized, inCapitals, osaDistance, skeleton } from '../../../server/src/checks/style-name-variants';
import { placeholders } from '../../../server/src/checks/style-placeholder';
import { trailingWhitespace } from '../../../server/src/checks/style-trailing-whitespace';
import { DEFAULT_PROFILE } from '../../../server/src/profile/profile';
import { checkedInTurn } from '../../support/versions';
import { analyse, applyEdits, expectedAndFound, marked, problemsOf, sample } from '../../support/fixture';
import { runChecks } from '../../../server/src/checks/run';
import { checkByCode } from '../../../server/src/checks/registry';

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
  test('finds the capitalized runs the plain regular expression finds, on any letters', () => {
    const piece = fc.constantFrom(
      'Kasymov',
      'kazymov',
      'A',
      'b',
      'É',
      'é',
      'Ж',
      'ж',
      '𝐀',
      '𝐚',
      '\uD835',
      '\uDC00',
      '’',
      "'",
      '-',
      '1',
      ' ',
      '.',
      '\n',
      'ǅ',
      'ß',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat({ max: 5 }), fc.nat({ max: 5 }), (pieces, cutStart, cutEnd) => {
        const text = pieces.join('');
        const from = Math.min(cutStart, text.length);
        const to = Math.max(from, text.length - cutEnd);
        const expected = [...text.slice(from, to).matchAll(/\p{Lu}[\p{L}’'-]*\p{L}/gu)].map((m) => [
          from + m.index,
          from + m.index + m[0].length,
        ]);
        const found: number[][] = [];
        forEachCapitalized(text, from, to, (start, end) => found.push([start, end]));
        expect(found).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  test('a word is in capitals when upper-casing it changes nothing, whatever its letters', () => {
    const piece = fc.constantFrom('K', 'k', 'AZ', 'az', 'É', 'é', 'ß', 'ǅ', 'ǆ', 'Ж', 'ж', 'ı', 'İ', '’', "'", '-', '1', '𝐀', '𝐚');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const word = pieces.join('');
        expect(inCapitals(word)).toBe(word === word.toUpperCase());
      }),
      { numRuns: 2000 },
    );
  });

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

  test('after keystrokes that change a name or none, the variants are those of a fresh check', () => {
    const checked = checkedInTurn(
      [
        ['as it is', (t) => t],
        ['a word typed, no name changed', (t) => t.replace('She said she feared', 'She said she really feared')],
        [
          'a name misspelt in two paragraphs',
          (t) => t.replace('Kasymbekova said.', 'Kasymbekvoa said.').replace('Kasymbekova said the town', 'Kasymbekvoa said the town'),
        ],
        ['another word typed', (t) => t.replace('She said she really feared', 'She said she feared')],
        ['the name spelt right again', (t) => t.replaceAll('Kasymbekvoa said', 'Kasymbekova said')],
      ],
      (p) => p.code === 'style.name-variants',
    );
    const rare = checked.map(({ what, text, mine, fresh }) => {
      expect(mine, what).toEqual(fresh);
      return mine.map((p) => text.slice(p.start, p.end));
    });
    expect(rare[1]).toEqual(rare[0]);
    expect(rare[2]!.filter((word) => word === 'Kasymbekvoa')).toHaveLength(2);
    expect(rare[3]).toEqual(rare[2]);
    expect(rare[4]).toEqual(rare[0]);
  });

  test('a skeleton: what spellings of one name share', () => {
    expect(['Janaozen', 'Janazoen', 'Zhanaozen', 'ZHANAOZEN'].map(skeleton)).toEqual(['jnsn', 'jnsn', 'jnsn', 'jnsn']);
    expect(['Kasymov', 'Kazymov', 'Khasymov', 'Mangistau', 'Mangystau', 'Ak-Zhol', 'Zhol’s'].map(skeleton)).toEqual([
      'ksmv',
      'ksmv',
      'ksmv',
      'mngst',
      'mngst',
      'kjl',
      'jls',
    ]);
  });

  test('a skeleton is what the replacements it is described by give, for any word', () => {
    const described = (word: string): string =>
      word
        .toLowerCase()
        .replace(/zh/g, 'j')
        .replace(/kh/g, 'k')
        .replace(/z/g, 's')
        .replace(/[aeiouyhâäëïöüéèáíóú’'-]/g, '')
        .replace(/(.)\1+/g, '$1');
    // Letters that the replacements treat alike or apart, capitals of them, and characters whose lower case is
    // longer (İ) or ASCII (the Kelvin sign), accented vowels, a letter outside the BMP.
    const pieces = [
      ...'zZhHkKjJsSaAeEyYnNmMtT',
      'zh',
      'ZH',
      'Kh',
      'kkh',
      'zzh',
      'ss',
      'İ',
      '\u212a',
      'é',
      'É',
      'ü',
      '’',
      "'",
      '-',
      '𝐀',
      'ß',
      'Ж',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const word = parts.join('');
        expect(skeleton(word)).toBe(described(word));
      }),
      { numRuns: 5000 },
    );
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

  test("after edits in the edited article's paragraphs, what is kept by paragraph is what a fresh check finds", () => {
    const checked = checkedInTurn(
      [
        ['as it is', (t) => t],
        ['a word typed in a paragraph above, same article', (t) => t.replace('She said she feared', 'She said she really feared')],
        ['a word typed in the paragraph with "and and"', (t) => t.replace('He was taken to Janaozen', 'He was then taken to Janaozen')],
        ['"to to" typed in another paragraph', (t) => t.replace('to identify\nculprits', 'to to identify\nculprits')],
        ['"and and" made one', (t) => t.replace('She and and around', 'She and around')],
        ['the first word typed taken out again', (t) => t.replace('She said she really feared', 'She said she feared')],
        ['lines above every article', (t) => `\n\n${t}`],
      ],
      (p) => p.code === 'style.doubled-word',
    );
    const said = checked.map(({ what, text, mine, fresh }) => {
      expect(mine, what).toEqual(fresh);
      return mine.map((p) => text.slice(p.start, p.end));
    });
    expect(said[0]).toContain('and and');
    expect(said[3]).toContain('to to');
    expect(said[4]).not.toContain('and and');
    expect(said[6]).toEqual(said[5]);
  });

  test('finds what comparing each word with the one before finds, on any words and spaces', () => {
    // The plain way, word by word: what the one-search implementation must agree with.
    const wordByWord = (text: string): { start: number; end: number }[] => {
      const out: { start: number; end: number }[] = [];
      let previous: RegExpExecArray | undefined;
      for (const m of text.matchAll(/[\p{L}\p{N}’'-]+/gu)) {
        const word = m[0].toLowerCase();
        const gap = previous ? text.slice(previous.index + previous[0].length, m.index) : '';
        if (
          previous &&
          /^[ \t\r\n]+$/.test(gap) &&
          previous[0].toLowerCase() === word &&
          !['had', 'that'].includes(word) &&
          !/^\d/.test(word)
        )
          out.push({ start: previous.index, end: m.index + m[0].length });
        previous = m;
      }
      return out;
    };
    const word = fc.constantFrom(
      'the',
      'The',
      'THE',
      'and',
      'had',
      'ſ',
      's',
      'S',
      '1',
      '12',
      'é',
      'É',
      'и',
      'И',
      '𝐀',
      '𝐚',
      '\uD835',
      '’',
      "'",
      '-',
    );
    const gap = fc.constantFrom('', ' ', '  ', '\n', '\r\n', '\t', '.', ', ', ' (', '\u00a0');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 20 }), (pairs) => {
        const pieces = pairs.flat();
        const text = pieces.join('');
        const paragraph = { start: 0, end: text.length, lineCount: 1, firstLineEnd: text.length, lastLineStart: 0, blanksBefore: 0 };
        expect(doubledWords(text, [paragraph]).map(({ start, end }) => ({ start, end }))).toEqual(wordByWord(text));
      }),
      { numRuns: 2000 },
    );
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

  test("after edits to the next paragraph's opening quote, a paragraph kept unchanged is reported as a fresh check reports it", () => {
    const source = article('Intro line.\n\n“The first part of the quote.\n\n“The second part, closing now.”\n\nThe end.');
    const checked = checkedInTurn(
      [
        ['as it is', (t) => t],
        ['a word typed in the second part', (t) => t.replace('second part', 'second long part')],
        ["the second part's opening quote deleted", (t) => t.replace('“The second', 'The second')],
        ['put back', (t) => t.replace('The second', '“The second')],
      ],
      (p) => p.code === 'style.unbalanced',
      source,
    );
    const open = checked.map(({ what, text, mine, fresh }) => {
      expect(mine, what).toEqual(fresh);
      return mine.map((p) => text.slice(p.start, p.end + 10));
    });
    expect(open[1]).toEqual([]);
    expect(open[2]).toEqual(['“The first ', '”\n\nThe end.']);
    expect(open[3]).toEqual([]);
  });
});

describe('style.line-length', () => {
  test('a paragraph kept unchanged while it becomes a standfirst is offered the rewrap a fresh check offers', () => {
    const long = 'Strikers in the oil town say the promises made to them in the spring have still not been kept today';
    const source = `SPECIAL REPORT:\n\n${long}\n\nBy Dina Tokbaeva\n\nThe first paragraph of the body.\n\nThe second one.\n`;
    const checked = checkedInTurn(
      [
        ['under a section label, a headline too long', (t) => t],
        ['a word typed in the body', (t) => t.replace('The second', 'The very second')],
        ["the label's colon deleted: a headline above, it is the standfirst now", (t) => t.replace('REPORT:', 'REPORT')],
      ],
      (p) => p.code === 'style.line-length',
      source,
    );
    const fixes = checked.map(({ what, mine, fresh }) => {
      expect(mine, what).toEqual(fresh);
      return mine.map((p) => p.fixes?.length ?? 0);
    });
    expect(fixes).toEqual([[0], [0], [1]]);
  });

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
  test('in document order as the check gives them: the contents’ long lines before the articles’', () => {
    const text = sample();
    const { context, doc } = analyse(text, { profile: { ...DEFAULT_PROFILE, emailWidth: 40 } });
    const starts = checkByCode('style.line-length')!
      .run(context)
      .map((f) => f.start);
    const firstArticle = doc.articles[0]!.start;
    expect(starts.filter((s) => s < firstArticle).length).toBeGreaterThan(0);
    expect(starts.filter((s) => s >= firstArticle).length).toBeGreaterThan(0);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('style.trailing-whitespace, style.tab, style.placeholder', () => {
  test('trailing spaces on any line, with a fix; blank lines are blank', () => {
    const { text, ranges } = marked(article('Text here.⟦  ⟧\n   \nMore.'));
    const problems = problemsOf('style.trailing-whitespace', text);
    expect(problems.map((p) => ({ start: p.start, end: p.end }))).toEqual(ranges);
    expect(applyEdits(text, problems[0]!.fixes![0]!.edits)).toBe(text.replace('Text here.  ', 'Text here.'));
  });

  test('trailing whitespace is what a regular expression finds line by line, with CR, LF or CRLF line ends', () => {
    const oracle = (text: string) => {
      const found: { start: number; end: number }[] = [];
      const ends = /\r\n|\r|\n|$/g;
      let lineStart = 0;
      for (let m = ends.exec(text); m; m = ends.exec(text)) {
        const line = text.slice(lineStart, m.index);
        const trailing = /[ \t]+$/.exec(line);
        if (trailing && trailing.index > 0) found.push({ start: lineStart + trailing.index, end: m.index });
        if (m.index === text.length) break;
        lineStart = m.index + m[0].length;
      }
      return found;
    };
    const piece = fc.constantFrom(' ', '\t', 'a', 'Word.', '\n', '\r\n', '\r', '\n\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(trailingWhitespace(text, 5000).map(({ start, end }) => ({ start, end }))).toEqual(oracle(text));
      }),
      { numRuns: 500 },
    );
  });

  test('tabs', () => {
    const { expected, found } = expectedAndFound('style.tab', article('A⟦\t⟧tab.'));
    expect(found).toEqual(expected);
  });

  test('placeholders: a case-insensitive search, then the words kept only in capitals, finds the same', () => {
    const plain = (text: string) => {
      const found: { start: number; end: number }[] = [];
      for (const m of text.matchAll(/\b(?:TK|TKTK|TODO|FIXME|XXX+)\b|\[(?:link|url|tk)\]|\blorem ipsum\b/gi)) {
        if (/^(tk|tktk|xxx+|todo|fixme)$/i.test(m[0]) && m[0] !== m[0].toUpperCase()) continue;
        found.push({ start: m.index, end: m.index + m[0].length });
      }
      return found;
    };
    const piece = fc.constantFrom(
      ...['TK', 'tk', 'Tk', 'TKTK', 'TODO', 'todo', 'Todo', 'FIXME', 'Fixme', 'XXX', 'xxx', 'XXXX', 'XXx', 'XX'],
      ...['[link]', '[LINK]', '[Link]', '[url]', '[URL]', '[Url]', '[tk]', '[TK]', '[', ']', '[TK', 'lorem ipsum', 'Lorem Ipsum'],
      ...['LOREM IPSUM', 'lorem', ' ipsum', ' ', 'a', '_', '1', 'é', 'K', 'ı', 'ſ', '\n', '.'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        expect(placeholders(text, 1000).map(({ start, end }) => ({ start, end }))).toEqual(plain(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('placeholders in capitals, not the same letters in a word', () => {
    const { expected, found } = expectedAndFound(
      'style.placeholder',
      article('The minister said ⟦TK⟧ about ⟦[link]⟧ and ⟦TODO⟧. The Tk word and xxx stay; so does Lorem.'),
    );
    expect(found).toEqual(expected);
  });

  test('article by article, they find what one scan of the whole text finds', () => {
    // Pieces that make or unmake the findings, and the line breaks that bound the articles.
    const piece = fc.constantFrom(' ', '  ', '\t', 'TK', 'xxx', 'XXX ', '[link]', 'lorem ipsum', '\n', '\r\n', '\r', '\n\n\n', 'By ');
    // Where: anywhere, or where an article (or the footer) starts or ends, the edges of the parts scanned apart.
    const where = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.tuple(fc.nat(), fc.constantFrom(-1, 0, 1)));
    const sources = [sample(), sample().replace(/\n/g, '\r\n'), sample().replace(/\n/g, '\r')];
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(fc.tuple(where, piece), { minLength: 1, maxLength: 8 }), (source, edits) => {
        let text = source;
        for (const [place, insert] of edits) {
          let at: number;
          if (typeof place === 'number') at = Math.floor(place * text.length);
          else {
            const { doc } = analyse(text);
            const edges = doc.articles.flatMap((a) => [a.start, a.end]).concat(doc.footer ? [doc.footer.start] : []);
            at = Math.max(0, Math.min(text.length, (edges[place[0] % edges.length] ?? 0) + place[1]));
          }
          text = text.slice(0, at) + insert + text.slice(at);
        }
        const { context, doc } = analyse(text);
        const run = (code: string) =>
          runChecks(context, { checks: [checkByCode(code)!] }).map(({ start, end, message, fixes }) => ({ start, end, message, fixes }));
        expect(doc.articles.length).toBeGreaterThan(1);
        expect(run('style.trailing-whitespace')).toEqual(trailingWhitespace(text, 5000));
        expect(run('style.placeholder')).toEqual(placeholders(text.slice(0, doc.footer?.start ?? text.length), 1000));
      }),
      { numRuns: 150 },
    );
  });
});
