import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { regenerateContents } from '../../server/src/edits/contents';
import { parseByline } from '../../server/src/model/byline';
import { nextReference } from '../../server/src/model/crossReferences';
import { lineParagraph } from '../../server/src/model/lines';
import { dateFromFileName, parseDate } from '../../server/src/model/dates';
import { issueIdentity } from '../../server/src/model/issue';
import { parseMasthead, publicationInitials } from '../../server/src/model/masthead';
import { groupChunks, scanBlocks } from '../../server/src/model/blocks';
import type { Chunk } from '../../server/src/model/blocks';
import { ParseCache } from '../../server/src/model/incremental';
import { parseBulletin } from '../../server/src/model/parse';
import { characterStart, collapseWhitespace, excerptOf, isWhitespace, titleKey } from '../../server/src/model/text';
import { measuredWidth, widthOf } from '../../server/src/model/width';
import type { BulletinDocument, Span } from '../../server/src/model/types';
import { allProblems, clean, marked, sample } from '../support/fixture';

const at = (doc: BulletinDocument, span: Span | undefined): string | undefined =>
  span ? collapseWhitespace(doc.text.slice(span.start, span.end)) : undefined;

describe('the sample issue (damaged: headlines and first contents lines lost)', () => {
  const doc = parseBulletin(sample());

  test('has six contents entries, each with a byline and no headline', () => {
    const entries = doc.contents!.entries;
    expect(entries.map((e) => e.byline?.authors.map((a) => a.name))).toEqual([
      ['Saule Mukhametrakhimova'],
      ['Almaz Rysaliev'],
      ['Dina Tokbaeva'],
      ['Almaz Rysaliev'],
      ['Janar Kasymbekova'],
      ['Dina Tokbaeva'],
    ]);
    expect(entries.every((e) => e.headline === undefined)).toBe(true);
    expect(at(doc, entries[3]!.standfirst)).toBe('blackout, then they devised alternative narrative for bloodshed.');
  });

  test('finds the notices, including the one framed by dividers', () => {
    const labels = doc.notices.flatMap((b) => b.notices.map((n) => n.label.text));
    expect(labels).toEqual([
      'KYRGYZSTAN ELECTION UPDATES 2011',
      'LATEST PROJECT REVIEWS',
      'VACANCIES',
      'CENTRAL ASIA PROGRAMME HOME',
      'CENTRAL ASIA RADIO',
      'DONATE TO IWPR',
    ]);
    expect(at(doc, doc.notices[0]!.header)).toBe('**** NEW');
  });

  test('has six articles with no headline, a standfirst and a byline', () => {
    expect(doc.articles).toHaveLength(6);
    expect(doc.articles.every((a) => a.headline === undefined)).toBe(true);
    expect(doc.articles.map((a) => at(doc, a.standfirst)?.slice(0, 30))).toEqual([
      'MEP pressing for European Unio',
      'After talks with top official,',
      'Moscow will find it hard to cl',
      'First they imposed news blacko',
      'Newspaper correspondent descri',
      'At least 14 die as police fire',
    ]);
    expect(doc.articles.map((a) => a.byline?.authors[0]?.name)).toEqual([
      'Saule Mukhametrakhimova',
      'Almaz Rysaliev',
      'Dina Tokbaeva',
      'Almaz Rysaliev',
      'Janar Kasymbekova',
      'Dina Tokbaeva',
    ]);
  });

  test('does not take prose starting with "By" for a byline', () => {
    const fourth = doc.articles[3]!;
    expect(at(doc, fourth.body[0])?.startsWith('By blocking access')).toBe(true);
    expect(fourth.strayBylines).toEqual([]);
  });

  test('reads the interviews as turns: questions by IWPR, answers by the interviewee', () => {
    const turns = doc.articles[0]!.turns;
    expect(turns.filter((t) => t.role === 'question')).toHaveLength(7);
    expect(turns.filter((t) => t.role === 'answer').map((t) => t.label.text)).toEqual([
      'Paul Murphy',
      'Murphy',
      'Murphy',
      'Murphy',
      'Murphy',
      'Murphy',
      'Murphy',
    ]);
    expect(doc.articles[1]!.turns).toEqual([]);
  });

  test('finds the sign-offs and whom they name', () => {
    expect(doc.articles.map((a) => [a.signOff?.kind, a.signOff?.person.text])).toEqual([
      ['interview', 'Saule Mukhametrakhimova'],
      ['author-note', 'Almaz Rysaliev'],
      ['interview', 'Dina Tokbaeva'],
      ['author-note', 'Almaz Rysaliev'],
      ['author-note', 'Janar Kasymbekova'],
      ['interview', 'Dina Tokbaeva'],
    ]);
  });

  test('finds the cross-references, wrapped over lines, with their problems', () => {
    const refs = doc.articles.flatMap((a) => a.crossReferences.filter((r) => r.kind === 'parenthetical'));
    expect(refs.map((r) => [collapseWhitespace(r.target.text), r.problems])).toEqual([
      ['Kazak Protesters Demand Accountability for Killings', []],
      ['Kazak Spin Doctors Explain Police Shootings', []],
      ['Police Round Up Men After Janaozen Violence', ['comma-without-issue']],
      ["Kazakstan's Unhappy Oil Workers and Reprisals Merely Anger Protesting Kazak Oil Workers", []],
    ]);
    expect(refs[3]!.conjunctions).toHaveLength(1);
  });

  test('starts the footer at the divider after the last article, in three blocks', () => {
    const footer = doc.footer!;
    expect(doc.text.slice(footer.start, footer.start + 8)).toBe('**** htt');
    expect(footer.blocks.map((b) => at(doc, b.paragraphs[0])?.slice(0, 30))).toEqual([
      'REPORTING CENTRAL ASIA provide',
      'IWPR – Giving Voice, Driving C',
      'This electronic mail message a',
    ]);
    expect(doc.articles[5]!.end).toBeLessThan(footer.start);
  });

  test('has no masthead; the issue date comes from the file name', () => {
    expect(doc.masthead).toBeUndefined();
    expect(issueIdentity(doc, 'file:///x/rca-2011-12-janaozen.txt')).toEqual({
      date: { year: 2011, month: 12 },
      dateSource: 'file name',
    });
  });
});

describe('the clean bulletin', () => {
  const doc = parseBulletin(clean());

  test('reads masthead, contents with headlines, sections and articles', () => {
    expect(doc.masthead?.number?.value).toBe(580);
    expect(doc.masthead?.number?.part).toBe('1');
    expect(doc.masthead?.date?.value).toEqual({ year: 2009, month: 6, day: 5 });
    expect(doc.contents!.entries.map((e) => e.headline?.text)).toEqual([
      'KYRGYZSTAN: REBELS WITHOUT COMMON CAUSE',
      'KAZAKSTAN: OIL TOWN WAITS FOR ANSWERS',
      'TAJIKISTAN: A WINTER WITHOUT POWER',
    ]);
    expect(doc.contents!.labels.map((l) => l.text)).toEqual(['SPECIAL REPORT:']);
    expect(doc.articles.map((a) => [a.headline?.text, a.headline?.country])).toEqual([
      ['KYRGYZSTAN: REBELS WITHOUT COMMON CAUSE', 'KYRGYZSTAN'],
      ['KAZAKSTAN: OIL TOWN WAITS FOR ANSWERS', 'KAZAKSTAN'],
      ['TAJIKISTAN: A WINTER WITHOUT POWER', 'TAJIKISTAN'],
    ]);
    expect(doc.sections.map((s) => [s.label?.text, s.articles.length])).toEqual([
      [undefined, 2],
      ['SPECIAL REPORT:', 1],
    ]);
  });

  test('splits a contents entry whose byline breaks between "By" and the name', () => {
    const entry = doc.contents!.entries[0]!;
    expect(entry.standfirst?.text).toBe('Opposition groups fail to\nagree on a single candidate for the presidential election.');
    expect(entry.byline?.authors).toMatchObject([{ name: 'Dina Tokbaeva', place: 'Bishkek' }]);
  });
});

describe('contents and notices', () => {
  const ARTICLES =
    '\n\n\nOIL TOWN WAITS\n\nStrikers say so.\n\nBy Almaz Rysaliev\n\nText.\n\n\nPOWER CUTS\n\nAnalyst explains.\n\nBy Dina Tokbaeva\n\nText.\n';
  const NOTICES = '**** NEW\nVACANCIES: http://iwpr.net/what-we-do/vacancies';

  test('the contents list ends where the notices begin: what follows them is not part of it', () => {
    const text = `OIL TOWN WAITS  Strikers say so.  By Almaz Rysaliev\n\n${NOTICES}\n\nSPECIAL REPORT:\n\nPOWER CUTS  Analyst explains.  By Dina Tokbaeva${ARTICLES}`;
    const doc = parseBulletin(text);
    expect(doc.contents!.entries.map((e) => e.headline?.text)).toEqual(['OIL TOWN WAITS']);
    expect(doc.contents!.labels).toEqual([]);
    expect(doc.contents!.end).toBeLessThan(doc.notices[0]!.start);
    expect(doc.strays.map((p) => at(doc, p))).toEqual(['SPECIAL REPORT:', 'POWER CUTS Analyst explains. By Dina Tokbaeva']);
    // Regenerating the contents rewrites the list, not the notices after it.
    const edit = regenerateContents(doc, 72, '\n')!;
    expect(text.slice(edit.end)).toContain(NOTICES);
  });

  test('notices before the contents list do not stop it', () => {
    const doc = parseBulletin(`${NOTICES}\n\nOIL TOWN WAITS  Strikers say so.  By Almaz Rysaliev${ARTICLES}`);
    expect(doc.contents!.entries.map((e) => e.headline?.text)).toEqual(['OIL TOWN WAITS']);
  });
});

describe('article heads', () => {
  const head = (source: string) => parseBulletin(source).articles[0]!;

  test('a single line without closing punctuation is a headline with no standfirst', () => {
    const a = head('BRIEFLY: POWER CUTS RETURN\n\nBy Dina Tokbaeva\n\nBody text here.\n');
    expect(a.headline?.text).toBe('BRIEFLY: POWER CUTS RETURN');
    expect(a.standfirst).toBeUndefined();
  });

  test('one paragraph ending in a full stop is a standfirst; the headline is missing', () => {
    const a = head('Strikers say promises\nhave not been kept.\n\nBy Almaz Rysaliev\n\nBody.\n');
    expect(a.headline).toBeUndefined();
    expect(a.standfirst!.lineCount).toBe(2);
  });

  test('a capitals line glued to the standfirst is still the headline', () => {
    const source = 'KAZAKSTAN: OIL TOWN WAITS\nStrikers say promises have not been kept.\n\nBy Almaz Rysaliev\n\nBody.\n';
    const a = head(source);
    expect(a.headline?.text).toBe('KAZAKSTAN: OIL TOWN WAITS');
    expect(source.slice(a.standfirst!.start, a.standfirst!.end)).toBe('Strikers say promises have not been kept.');
  });

  test('an article with no byline is still an article when it opens with a headline', () => {
    const doc = parseBulletin(
      'A B  Standfirst.  By X Y\n\n\nKAZAKSTAN: NO BYLINE HERE\n\nStandfirst sentence.\n\nBody one.\n\nBody two.\n',
    );
    expect(doc.articles).toHaveLength(1);
    expect(doc.articles[0]!.headline?.text).toBe('KAZAKSTAN: NO BYLINE HERE');
    expect(doc.articles[0]!.byline).toBeUndefined();
  });
});

describe('bylines', () => {
  const byline = (text: string) => parseByline(text, 0, text.length);

  test('names and places', () => {
    expect(byline('By Saule Mukhametrakhimova')?.authors).toEqual([{ start: 3, end: 26, name: 'Saule Mukhametrakhimova' }]);
    expect(byline('By A Smith in Bishkek and B Jones in Almaty')?.authors.map((a) => [a.name, a.place])).toEqual([
      ['A Smith', 'Bishkek'],
      ['B Jones', 'Almaty'],
    ]);
    expect(byline('By IWPR staff in Central Asia')?.authors.map((a) => [a.name, a.place])).toEqual([['IWPR staff', 'Central Asia']]);
    expect(byline('By J. R. Smith')?.problems).toEqual([]);
  });

  test('malformed forms are bylines with problems', () => {
    expect(byline('by Dina Tokbaeva')?.problems).toEqual(['keyword-case']);
    expect(byline('By: Dina Tokbaeva')?.problems).toEqual(['colon']);
    expect(byline('By Dina Tokbaeva.')?.problems).toEqual(['trailing-full-stop']);
    expect(byline('By Dina Tokbaeva.')?.authors[0]?.name).toBe('Dina Tokbaeva');
  });

  test('prose is not a byline', () => {
    expect(byline('By blocking access to information about the shootings')).toBeUndefined();
    expect(byline('By December 16, the police had arrested 70 people.')).toBeUndefined();
    expect(byline('Bystanders watched.')).toBeUndefined();
  });
});

describe('masthead and dates', () => {
  const masthead = (line: string) => parseMasthead(line, lineParagraph({ start: 0, end: line.length }));

  test('the two masthead forms of the format page', () => {
    const rca = masthead("WELCOME TO IWPR'S REPORTING CENTRAL ASIA, No. 556 Part 1, November 17, 2008")!;
    expect([rca.publication?.text, rca.number?.value, rca.number?.part, rca.date?.value]).toEqual([
      "IWPR'S REPORTING CENTRAL ASIA",
      556,
      '1',
      { year: 2008, month: 11, day: 17 },
    ]);
    expect(publicationInitials(rca.publication!.text)).toBe('RCA');
    const tu = masthead('IWPR’S TRIBUNAL UPDATE No. 539, February 22, 2008')!;
    expect([tu.number?.value, tu.date?.value, publicationInitials(tu.publication!.text)]).toEqual([
      539,
      { year: 2008, month: 2, day: 22 },
      'TU',
    ]);
    expect(masthead('Part Two of the report, No. 5 in a series')).toBeUndefined();
  });

  test('dates as bulletins write them', () => {
    expect(parseDate('November 17, 2008')).toEqual({ year: 2008, month: 11, day: 17 });
    expect(parseDate('2 April, 2008')).toEqual({ year: 2008, month: 4, day: 2 });
    expect(parseDate('24-Apr-09')).toEqual({ year: 2009, month: 4, day: 24 });
    expect(parseDate('31-Feb-09')).toBeUndefined();
    expect(dateFromFileName('rca-2011-12-janaozen.txt')).toEqual({ year: 2011, month: 12 });
    expect(dateFromFileName('issue-556.bulletin')).toBeUndefined();
  });
});

describe('chunks', () => {
  const text = 'MASTHEAD\nIssue 7\n\nFirst paragraph.\n\nSecond.\n\n\nThird, after two blank lines.\n\n********\n\nFourth.\n';
  const shape = (chunks: readonly Chunk[]) =>
    chunks.map((c) => [
      text.slice(c.start, c.end).split('\n')[0],
      c.blocks.length,
      c.paragraphs.map((p) => text.slice(p.start, p.firstLineEnd)),
    ]);

  test('paragraphs with fewer than two blank lines between them are one chunk, a divider a chunk alone', () => {
    expect(shape(groupChunks(scanBlocks(text)))).toEqual([
      ['MASTHEAD', 3, ['MASTHEAD', 'First paragraph.', 'Second.']],
      ['Third, after two blank lines.', 1, ['Third, after two blank lines.']],
      ['********', 1, []],
      ['Fourth.', 1, ['Fourth.']],
    ]);
  });

  test('a masthead is a chunk of its own, however few blank lines follow it', () => {
    expect(shape(groupChunks(scanBlocks(text), true)).slice(0, 2)).toEqual([
      ['MASTHEAD', 1, ['MASTHEAD']],
      ['First paragraph.', 2, ['First paragraph.', 'Second.']],
    ]);
  });
});

describe('text', () => {
  test('titles match across case, whitespace, line breaks and quote styles', () => {
    expect(titleKey('Kazakstan’s Unhappy\nOil  Workers')).toBe(titleKey("KAZAKSTAN'S UNHAPPY OIL WORKERS"));
    expect(titleKey('“Quoted” – Title.')).toBe('quoted - title');
  });

  test('an excerpt is the span’s first words on one line, cut at a space past half its length, never inside a character', () => {
    const text = '  Oil  workers\n in Janaozen   say they were fired.\n';
    const all = { start: 0, end: text.length };
    expect(excerptOf(text, all, 60)).toBe('Oil workers in Janaozen say they were fired.');
    expect(excerptOf(text, all, 20)).toBe('Oil workers in…');
    // No space past half of the length: cut at the length itself.
    expect(excerptOf('Abcdefghijklmnopqrstuvwxyz and more', { start: 0, end: 35 }, 10)).toBe('Abcdefghij…');
    // Read no further than asked, nor than the span.
    expect(excerptOf(text, all, 60, 14)).toBe('Oil workers');
    expect(excerptOf(text, { start: 2, end: 5 }, 60)).toBe('Oil');
    // An emoji (two code units) across the cut is left out whole, not split.
    expect(excerptOf('abcd\u{1F600}efgh', { start: 0, end: 10 }, 5)).toBe('abcd…');
    expect(excerptOf('abc\u{1F600}efgh', { start: 0, end: 10 }, 5)).toBe('abc\u{1F600}…');
  });

  test('an excerpt depends on the characters read and the length alone, wherever they stand and whatever was asked before', () => {
    const words = 'Kasymov met the oil workers of Janaozen again';
    const a = `${words} on Monday.`;
    const b = `Earlier text.\n\n${words} on Friday.`;
    const span = (text: string) => ({ start: text.indexOf('Kasymov'), end: text.length });
    expect(excerptOf(a, span(a), 28)).toBe('Kasymov met the oil workers…');
    expect(excerptOf(b, span(b), 28)).toBe('Kasymov met the oil workers…');
    // The same characters at another length, and other characters at the same length, give their own.
    expect(excerptOf(a, span(a), 40)).toBe('Kasymov met the oil workers of Janaozen…');
    expect(excerptOf(b, span(b), 28)).toBe('Kasymov met the oil workers…');
    expect(excerptOf(a, span(a), 60)).toBe('Kasymov met the oil workers of Janaozen again on Monday.');
    expect(excerptOf(b, span(b), 60)).toBe('Kasymov met the oil workers of Janaozen again on Friday.');
  });

  test('CRLF, CR and a byte order mark parse like LF', () => {
    const lf = clean();
    const crlf = parseBulletin(`\uFEFF${lf.replace(/\n/g, '\r\n')}`);
    const cr = parseBulletin(lf.replace(/\n/g, '\r'));
    const plain = parseBulletin(lf);
    const shape = (d: BulletinDocument) =>
      d.articles.map((a) => [a.headline?.text, a.byline?.authors.length, a.body.length, a.turns.length]);
    expect(shape(crlf)).toEqual(shape(plain));
    expect(shape(cr)).toEqual(shape(plain));
    expect(crlf.footer?.blocks.length).toBe(plain.footer?.blocks.length);
  });

  test('the email width is read from the wrapped lines: 72 for the sample, the first 4,000 lines of a long issue', () => {
    expect(measuredWidth(parseBulletin(sample()))).toBe(72);
    const article = (lineLength: number, lines: number): string =>
      `A HEADLINE OF ${lineLength}\n\nA standfirst.\n\nBy Dina Tokbaeva\n\n${`${'w'.repeat(lineLength - 1)}.\n`.repeat(lines)}\n\n`;
    // Later lines run longer; reading them on every keystroke would also give another width.
    const doc = parseBulletin(article(58, 4100) + article(78, 2000));
    expect(doc.articles).toHaveLength(2);
    expect(measuredWidth(doc)).toBe(60);
  });

  test('the email width after an edit is the width measured afresh, the articles before the edit kept', () => {
    const article = (lineLength: number, lines: number): string =>
      `A HEADLINE OF ${lineLength}\n\nA standfirst.\n\nBy Dina Tokbaeva\n\n${`${'w'.repeat(lineLength - 1)}.\n`.repeat(lines)}\n\n`;
    const cache = new ParseCache();
    const before = article(58, 20);
    expect(measuredWidth(parseBulletin(before, undefined, cache))).toBe(60);
    // An article of longer lines added at the end: the first is reused as it was, the width is not.
    const after = before + article(78, 40);
    const edited = parseBulletin(after, undefined, cache);
    expect(cache.reused.articles).toBe(1);
    expect(measuredWidth(edited)).toBe(measuredWidth(parseBulletin(after)));
    expect(measuredWidth(edited)).toBe(80);
  });

  test('after any edits, the width counted again from the articles an edit changed is the width measured afresh', () => {
    const article = (lineLength: number, lines: number): string =>
      `A HEADLINE OF ${lineLength}\n\nA standfirst.\n\nBy Dina Tokbaeva\n\n${`${'w'.repeat(lineLength - 1)}.\n`.repeat(lines)}\n\n`;
    // Articles of so many lines of one length; the last two together pass the 4,000 lines sampled.
    const piece = fc.tuple(fc.integer({ min: 50, max: 90 }), fc.constantFrom(0, 3, 30, 300, 2100));
    const edit = fc.record({ article: fc.nat(), piece, kind: fc.constantFrom('replace', 'insert', 'delete', 'type') });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.array(edit, { maxLength: 8 }), (initial, edits) => {
        const pieces = [...initial];
        const cache = new ParseCache();
        const text = (): string => pieces.map(([length, lines]) => article(length, lines)).join('');
        const first = text();
        expect(measuredWidth(parseBulletin(first, undefined, cache))).toBe(measuredWidth(parseBulletin(first)));
        for (const { article: which, piece: next, kind } of edits) {
          const at = which % (pieces.length + 1);
          if (kind === 'insert') pieces.splice(at, 0, next);
          else if (at < pieces.length && kind === 'replace') pieces[at] = next;
          else if (at < pieces.length && kind === 'delete' && pieces.length > 1) pieces.splice(at, 1);
          let now = text();
          if (kind === 'type' && at < pieces.length) {
            // A letter typed into the first body line of the article, as typing does: one line one longer.
            const start = pieces.slice(0, at).reduce((sum, [length, lines]) => sum + article(length, lines).length, 0);
            const line = now.indexOf('.\n', now.indexOf('By Dina', start));
            if (line >= 0) now = `${now.slice(0, line)}w${now.slice(line)}`;
          }
          expect(measuredWidth(parseBulletin(now, undefined, cache))).toBe(measuredWidth(parseBulletin(now)));
        }
      }),
      { numRuns: 150 },
    );
  });

  test('the width counted from line lengths is the sorted lengths’ 95th percentile, run on by consecutive lengths two lines have', () => {
    // The definition, by sorting.
    const sorted = (lengths: readonly number[]): number => {
      if (lengths.length < 10) return 72;
      const all = [...lengths].sort((a, b) => a - b);
      let width = all[Math.floor(all.length * 0.95)]!;
      while (all.filter((length) => length === width + 1).length >= 2) width++;
      return Math.max(40, width + 2);
    };
    const length = fc.oneof(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1000, max: 1030 }), fc.integer({ min: 0, max: 100_000 }));
    fc.assert(
      fc.property(fc.array(length, { maxLength: 300 }), (lengths) => {
        expect(widthOf(lengths)).toBe(sorted(lengths));
      }),
      { numRuns: 500 },
    );
    // Long lines past the 95th percentile, running on across the counted table's end.
    const across = [...Array<number>(60).fill(1024), 1025, 1025, 1026, 1026, 1027, 5000];
    expect(widthOf(across)).toBe(1028);
    expect(sorted(across)).toBe(1028);
  });

  test('one line longer than the others does not carry the width on; two do', () => {
    const wrapped = Array<number>(50).fill(70);
    expect(widthOf([...wrapped, 71])).toBe(72);
    expect(widthOf([...wrapped, 71, 71])).toBe(73);
  });

  test('typing into a line of the sample leaves its width as it was, and the line is flagged once past it', () => {
    const text = sample();
    // A wrapped body line of 70 characters, the sample's longest run.
    const line = /\n([^\n]{70})\n(?=[^\n])/.exec(text.slice(text.length >> 2))!;
    const end = (text.length >> 2) + line.index + 71;
    const typed = (characters: number): string => text.slice(0, end) + 'x'.repeat(characters) + text.slice(end);
    for (const characters of [1, 2, 3]) expect(measuredWidth(parseBulletin(typed(characters)))).toBe(72);
    const flagged = (characters: number) =>
      allProblems(typed(characters)).filter((p) => p.code === 'style.line-length' && p.start > end - 70 && p.start <= end + characters);
    expect(flagged(2)).toEqual([]);
    expect(flagged(3).map((p) => p.message)).toEqual(['Line of 73 characters, longer than the email width of 72.']);
  });

  test('marked fixtures strip their markers', () => {
    expect(marked('a⟦b$0c⟧d')).toEqual({ text: 'abcd', cursor: 2, ranges: [{ start: 1, end: 3 }] });
  });
});

describe('finding cross-references', () => {
  test('the search that tries the pattern next to each `see` finds what one global search with it finds', () => {
    const global = /\(See\s|(?:^|[^(\p{L}])see\s+(?=\p{Lu})/gu;
    const piece = fc.constantFrom(
      '(',
      'See',
      'see',
      'SEE',
      'sees',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      'A',
      'a',
      'É',
      'é',
      '𝐀',
      '😀',
      '.',
      ')',
      'x',
      'e',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat({ max: 40 }), (pieces, start) => {
        const part = pieces.join('');
        // Searches start at a character's start, never between the halves of a surrogate pair.
        const from = characterStart(part, Math.min(start, part.length));
        global.lastIndex = from;
        const expected = global.exec(part);
        const found = nextReference(part, from);
        expect(found && [found.index, found[0]]).toEqual(expected && [expected.index, expected[0]]);
      }),
      { numRuns: 3000 },
    );
  });
});

test('a running reference opening a paragraph is found whichever paragraph of the article it opens', () => {
  const article = (body: string) =>
    `OIL TOWN WAITS FOR ANSWERS\n\nStandfirst.\n\nBy Dina Tokbaeva\n\nFirst paragraph.\n\n${body}\n\nPOWER CUTS RETURN\n\nStandfirst two.\n\nBy Dina Tokbaeva\n\nsee Oil Town Waits for Answers.\n`;
  const targets = (text: string) => parseBulletin(text).articles.flatMap((a) => a.crossReferences.map((r) => r.target.text));
  // Opening the article's first paragraph, and its second.
  expect(targets(article('More.'))).toEqual(['Oil Town Waits for Answers']);
  expect(targets(article('see Oil Town Waits for Answers.'))).toEqual(['Oil Town Waits for Answers', 'Oil Town Waits for Answers']);
});

describe('whitespace, told without patterns', () => {
  test('isWhitespace is what `\\s` matches, for every code unit', () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isWhitespace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code);
    expect(differ).toEqual([]);
  });

  test('collapseWhitespace is runs of `\\s` as one space, trimmed, for any text', () => {
    const pieces = ['a', 'B', 'é', '’', '.', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u0085', '"'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 5000 },
    );
  });
});
