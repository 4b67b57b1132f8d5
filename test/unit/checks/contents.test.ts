import { describe, expect, test } from 'vitest';
import { pairContents } from '../../../server/src/checks/facts/contentsPairs';
import { parseBulletin } from '../../../server/src/model/parse';
import type { BulletinDocument } from '../../../server/src/model/types';
import { clean, expectedAndFound, problemsOf, sample } from '../../support/fixture';
import { checkedInTurn } from '../../support/versions';

const ARTICLES = `

POWER CUTS RETURN

Analyst explains why the lights go out every winter.

By Dina Tokbaeva

Body.


OIL TOWN WAITS

Strikers say promises have not been kept.

By Almaz Rysaliev

Body.
`;

describe('contents.missing', () => {
  test('an issue with articles and no contents list', () => {
    const { expected, found } = expectedAndFound(
      'contents.missing',
      `⟦POWER CUTS RETURN⟧\n\nAnalyst explains.\n\nBy Dina Tokbaeva\n\nBody.\n`,
    );
    expect(found).toEqual(expected);
  });
});

describe('contents vs articles', () => {
  test('matching contents give nothing', () => {
    const text = `POWER CUTS RETURN  Analyst explains why the lights go out every\nwinter.  By Dina Tokbaeva\n\nOIL TOWN WAITS  Strikers say promises have not been kept.  By\nAlmaz Rysaliev\n${ARTICLES}`;
    for (const code of [
      'contents.missing',
      'contents.missing-entry',
      'contents.orphan-entry',
      'contents.order',
      'contents.headline-mismatch',
      'contents.standfirst-mismatch',
      'contents.byline-mismatch',
    ]) {
      expect(problemsOf(code, text), code).toEqual([]);
    }
  });

  test('contents.missing-entry: an article nobody listed', () => {
    const source = `POWER CUTS RETURN  Analyst explains why the lights go out every\nwinter.  By Dina Tokbaeva\n${ARTICLES.replace('OIL TOWN WAITS', '⟦OIL TOWN WAITS⟧')}`;
    const { expected, found, problems } = expectedAndFound('contents.missing-entry', source);
    expect(found).toEqual(expected);
    expect(problems[0]!.message).toBe('No contents entry for “OIL TOWN WAITS”.');
  });

  test('contents.orphan-entry: an entry whose article is gone', () => {
    const source = `POWER CUTS RETURN  Analyst explains why the lights go out every\nwinter.  By Dina Tokbaeva\n\n⟦GONE STORY  Nobody wrote this one.  By Someone Else⟧\n\nOIL TOWN WAITS  Strikers say promises have not been kept.  By\nAlmaz Rysaliev\n${ARTICLES}`;
    const { expected, found } = expectedAndFound('contents.orphan-entry', source);
    expect(found).toEqual(expected);
  });

  test('contents.order: entries listed in another order than the articles', () => {
    const source = `⟦OIL TOWN WAITS  Strikers say promises have not been kept.  By⟧\nAlmaz Rysaliev\n\nPOWER CUTS RETURN  Analyst explains why the lights go out every\nwinter.  By Dina Tokbaeva\n${ARTICLES}`;
    const { found, problems } = expectedAndFound('contents.order', source);
    expect(found).toHaveLength(1);
    expect(problems[0]!.message).toContain('the entry should be number 2');
  });

  test("contents.headline-mismatch: a headline that differs, with a fix to the article's", () => {
    const source = `⟦POWER CUTS RETURNED⟧  Analyst explains why the lights go out every\nwinter.  By Dina Tokbaeva\n\nOIL TOWN WAITS  Strikers say promises have not been kept.  By\nAlmaz Rysaliev\n${ARTICLES}`;
    const { expected, found, problems } = expectedAndFound('contents.headline-mismatch', source);
    expect(found).toEqual(expected);
    expect(problems[0]!.fixes![0]!.edits[0]!.newText).toBe('POWER CUTS RETURN');
  });

  test('contents.standfirst-mismatch: an entry that lost its first line', () => {
    const source = `POWER CUTS RETURN  Analyst explains why the lights go out every\nwinter.  By Dina Tokbaeva\n\n⟦promises have not been kept.⟧  By\nAlmaz Rysaliev\n${ARTICLES}`;
    const { expected, found, problems } = expectedAndFound('contents.standfirst-mismatch', source);
    expect(found).toEqual(expected);
    expect(problems[0]!.message).toBe("Contents standfirst differs from the article's: it lacks the beginning “Strikers say”.");
  });

  test('contents.byline-mismatch: another author in the contents', () => {
    const source = `POWER CUTS RETURN  Analyst explains why the lights go out every\nwinter.  ⟦By Saule Mukhametrakhimova⟧\n\nOIL TOWN WAITS  Strikers say promises have not been kept.  By\nAlmaz Rysaliev\n${ARTICLES}`;
    const { expected, found, problems } = expectedAndFound('contents.byline-mismatch', source);
    expect(found).toEqual(expected);
    expect(problems[0]!.message).toBe('Contents byline says Saule Mukhametrakhimova, the article is by Dina Tokbaeva.');
  });
});

describe('contents pairing', () => {
  test('each document is paired as its own, however documents are paired in turn', () => {
    // What a pairing says, by index and headline: comparable across parses of one text.
    const described = (doc: BulletinDocument) => {
      const pairing = pairContents(doc);
      return {
        pairs: pairing.pairs.map((p) => [p.articleIndex, p.entry.headline?.text]),
        unpairedEntries: pairing.unpairedEntries.map((u) => u.index),
        unpairedArticles: pairing.unpairedArticles.map((u) => u.index),
      };
    };
    const texts = [sample(), clean(), sample().replace('KAZAKSTAN', 'KAZAKHSTAN')];
    const fresh = texts.map((text) => described(parseBulletin(text)));
    expect(fresh[0]).not.toEqual(fresh[1]);
    const docs = texts.map((text) => parseBulletin(text));
    for (const i of [0, 1, 0, 2, 2, 1, 0]) expect(described(docs[i]!)).toEqual(fresh[i]);
    // The same document asked again gets the very same pairing.
    expect(pairContents(docs[0]!)).toBe(pairContents(docs[0]!));
  });
});

describe('contents.standfirst-mismatch between versions', () => {
  test('what is kept from the last version is worded afresh where its standfirsts or entry changed', () => {
    const article = 'MEP pressing for European Union action against Kazak government\nfollowing Janaozen violence.';
    const entry = 'European Union action against Kazak government following Janaozen\nviolence.';
    const checked = checkedInTurn(
      [
        ['as it is', (t) => t],
        ['a word typed in a body', (t) => t.replace('oil workers', 'oil xworkers')],
        ["the entry's byline, and the article's", (t) => t.replaceAll('By Saule Mukhametrakhimova', 'By Saule Mukhametrakhimova-Borden')],
        ["the article's standfirst", (t) => t.replace(article, article.replace('MEP pressing for', 'MEP pushing hard for'))],
        ['the entry', (t) => t.replace(entry, entry.replace('following Janaozen', 'after Janaozen'))],
        ['lines above, so that everything moves', (t) => `\n\n${t}`],
      ],
      (p) => p.code === 'contents.standfirst-mismatch',
    );
    const seen = checked.map(({ what, text, mine, fresh }) => {
      expect(mine.length, what).toBeGreaterThan(4);
      expect(mine, what).toEqual(fresh);
      // The finding on the entry above: the first.
      expect(mine[0]!.start, what).toBe(text.indexOf('European Union action'));
      return mine.map((p) => JSON.stringify([p.message, p.fixes?.map((f) => f.edits[0]!.newText)]));
    });
    // Each edit to a standfirst or the entry changed what its finding says or offers.
    for (const step of [2, 3, 4]) expect(seen[step]![0], checked[step]!.what).not.toBe(seen[step - 1]![0]);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[5]).toEqual(seen[4]);
  });
});

describe('contents pairing between versions', () => {
  test("after edits to an article's body, standfirst and byline, and to its entry, the contents findings are a fresh check's", () => {
    const standfirst = 'After talks with top official, they say they won’t be bought off.';
    const half = 'After talks, strikers say they will not be bought off by anyone.';
    const entry = 'top official, they say they won’t be bought off.  By Almaz';
    const checked = checkedInTurn(
      [
        ['as it is', (t) => t],
        ['a word typed in the body', (t) => t.replace('The Kazak government has entered', 'The Kazak government has now entered')],
        ['the standfirst rewritten', (t) => t.replace(standfirst, 'Strikers in the west say nothing has changed since December.')],
        ['the standfirst as it was', (t) => t.replace('Strikers in the west say nothing has changed since December.', standfirst)],
        ['the byline changed', (t) => t.replace(`${standfirst}\n\nBy Almaz Rysaliev`, `${standfirst}\n\nBy Dina Tokbaeva`)],
        ['the byline as it was', (t) => t.replace(`${standfirst}\n\nBy Dina Tokbaeva`, `${standfirst}\n\nBy Almaz Rysaliev`)],
        ['the standfirst half rewritten', (t) => t.replace(standfirst, half)],
        ['the entry rewritten', (t) => t.replace(entry, 'power cuts return.  By Almaz')],
        ['the entry as it was', (t) => t.replace('power cuts return.  By Almaz', entry)],
        ['the byline changed again', (t) => t.replace(`${half}\n\nBy Almaz Rysaliev`, `${half}\n\nBy Dina Tokbaeva`)],
      ],
      (p) => p.code.startsWith('contents.'),
    );
    const codes = checked.map(({ what, mine, fresh }) => {
      expect(mine, what).toEqual(fresh);
      return mine.map((p) => p.code).join(' ');
    });
    expect(codes[1]).toBe(codes[0]);
    expect(codes[2]).not.toBe(codes[1]);
    expect(codes[3]).toBe(codes[1]);
    expect(codes[4]).not.toBe(codes[3]);
    // Half its words and the byline still pair the article; the entry rewritten, or the byline, no longer do.
    expect(codes[6]).toBe(codes[5]);
    expect(codes[7]).toContain('contents.orphan-entry');
    expect(codes[8]).toBe(codes[6]);
    expect(codes[9]).toContain('contents.orphan-entry');
  });
});
