import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { baseName, describeIssue } from '../../server/src/model/issue';
import { titleKey } from '../../server/src/model/text';
import type { HeadlineLookup } from '../../server/src/workspace/index';
import type { HeadlineEntry, IssueSummary } from '../../server/src/workspace/summary';

/** Issues as workspace symbols read them: each with its number and its headlines' texts. */
function lookupOf(issues: readonly { readonly number?: number; readonly headlines: readonly string[] }[]): HeadlineLookup {
  const summaries = issues.map(({ number, headlines }, i) => {
    const uri = `file:///issues/rca-${i}.bulletin`;
    return {
      uri,
      issue: number === undefined ? {} : { initials: 'RCA', number },
      headlines: headlines.map((text, line) => ({
        uri,
        text,
        key: titleKey(text),
        range: { start: { line, character: 0 }, end: { line, character: text.length } },
      })),
    } as unknown as IssueSummary;
  });
  return { all: () => summaries } as unknown as HeadlineLookup;
}

/** Every match scored, all of them sorted, the first 256: what the feature gives, found the plain way. */
function sortedAll(lookup: HeadlineLookup, query: string) {
  const q = titleKey(query).replace(/\s+/g, '');
  const subsequence = (key: string): boolean => {
    let i = 0;
    for (const c of key) if (i < q.length && c === q[i]) i++;
    return i === q.length;
  };
  const matches: { headline: HeadlineEntry; summary: IssueSummary; score: number }[] = [];
  for (const summary of lookup.all())
    for (const headline of summary.headlines) {
      const compact = headline.key.replace(/\s+/g, '');
      if (subsequence(compact)) matches.push({ headline, summary, score: compact.includes(q) ? 0 : 1 });
    }
  return matches
    .sort((a, b) => a.score - b.score || a.headline.text.localeCompare(b.headline.text))
    .slice(0, 256)
    .map(({ headline, summary }) => [
      headline.text,
      headline.uri,
      headline.range.start.line,
      describeIssue(summary.issue) || baseName(summary.uri),
    ]);
}

describe('workspace symbols', () => {
  test('headlines holding the query come first, then those holding its letters in order, each by name', () => {
    const lookup = lookupOf([
      { number: 574, headlines: ['KAZAKSTAN: OIL WORKERS STRIKE', 'POWER CUTS RETURN'] },
      { headlines: ['OIL AND LABOUR WORKS', 'THE OIL WORKERS'] },
    ]);
    const found = workspaceSymbols(lookup, 'oil work');
    expect(found.map((s) => [s.name, s.containerName])).toEqual([
      ['KAZAKSTAN: OIL WORKERS STRIKE', 'RCA No. 574'],
      ['THE OIL WORKERS', 'rca-1.bulletin'],
      ['OIL AND LABOUR WORKS', 'rca-1.bulletin'],
    ]);
    expect(found[1]!.location).toEqual({
      uri: 'file:///issues/rca-1.bulletin',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 15 } },
    });
    expect(workspaceSymbols(lookup, 'zzz')).toEqual([]);
  });

  test('of an archive with more matches than are given, the first 256 as sorting all of them would give, equal names in the order found', () => {
    const word = fc.constantFrom('OIL', 'OILS', 'WORKERS', 'TOWN', 'KAZAK', 'ÉLAN', 'TALKS', '77');
    const headline = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
    const issue = fc.record({
      number: fc.option(fc.nat({ max: 900 }), { nil: undefined }),
      headlines: fc.array(headline, { minLength: 3, maxLength: 10 }),
    });
    const query = fc.oneof(fc.constantFrom('', 'oil', 'oil town', 'o w', 'kazak 77', 'élan', 'zzz', 'ILS'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(issue, { minLength: 40, maxLength: 80 }), fc.array(query, { minLength: 1, maxLength: 5 }), (issues, queries) => {
        const lookup = lookupOf(issues);
        for (const q of queries)
          expect(workspaceSymbols(lookup, q).map((s) => [s.name, s.location.uri, s.location.range.start.line, s.containerName])).toEqual(
            sortedAll(lookup, q),
          );
      }),
      { numRuns: 100 },
    );
  });
});
