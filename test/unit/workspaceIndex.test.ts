import { describe, expect, test } from 'vitest';
import { LineIndex } from '../../server/src/model/lineIndex';
import { parseBulletin } from '../../server/src/model/parse';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { summarize } from '../../server/src/workspace/summary';

const article = (headline: string, body = 'Body.') => `${headline}\n\nStandfirst.\n\nBy Dina Tokbaeva\n\n${body}\n`;
const summary = (uri: string, text: string) => summarize(parseBulletin(text), uri, new LineIndex(text));

describe('WorkspaceIndex', () => {
  test('finds headlines by key, with and without the country prefix', () => {
    const index = new WorkspaceIndex();
    index.set(summary('file:///a', article('KAZAKSTAN: POWER CUTS RETURN')));
    expect(index.find('kazakstan: power cuts return').map((h) => h.uri)).toEqual(['file:///a']);
    expect(index.find('power cuts return').map((h) => h.text)).toEqual(['KAZAKSTAN: POWER CUTS RETURN']);
  });

  test('what resolves changes only when headlines change: a new file, a new headline, a removal', () => {
    const index = new WorkspaceIndex();
    const v0 = index.headlinesVersion;
    index.set(summary('file:///a', article('POWER CUTS RETURN')));
    const v1 = index.headlinesVersion;
    expect(v1).toBeGreaterThan(v0);
    index.set(summary('file:///a', article('POWER CUTS RETURN', 'Body, edited.')));
    expect(index.headlinesVersion).toBe(v1);
    index.set(summary('file:///a', article('POWER CUTS END')));
    expect(index.headlinesVersion).toBeGreaterThan(v1);
    expect(index.find('power cuts return')).toEqual([]);
    const v2 = index.headlinesVersion;
    index.remove('file:///a');
    expect(index.headlinesVersion).toBeGreaterThan(v2);
    expect(index.find('power cuts end')).toEqual([]);
    expect(index.size).toBe(0);
  });

  test('suggests the closest headline, and nothing when nothing is close', () => {
    const index = new WorkspaceIndex();
    index.set(
      summary(
        'file:///a',
        `${article("KAZAKSTAN'S UNHAPPY OIL WORKERS")}\n\n${article('REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS')}`,
      ),
    );
    expect(index.closest('Kazakstans Unhappy Oil Worker')?.text).toBe("KAZAKSTAN'S UNHAPPY OIL WORKERS");
    expect(index.closest('Reprisals Anger Kazak Oil Workers')?.text).toBe('REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS');
    expect(index.closest('Elections in Kyrgyzstan')).toBeUndefined();
  });

  test('after an edit that moves headlines but keeps their words, it answers as an index built afresh', () => {
    const before = [
      article('KAZAKSTAN: POWER CUTS RETURN'),
      article("KAZAKSTAN'S UNHAPPY OIL WORKERS"),
      article('REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS'),
    ].join('\n\n');
    const other = article('OIL WORKERS STRIKE AGAIN');
    // A paragraph added to the first article: the second and third headlines move down, their words stay.
    const after = before.replace('Body.', 'Body.\n\nA new paragraph.');
    const edited = new WorkspaceIndex();
    const fresh = new WorkspaceIndex();
    for (const index of [edited, fresh]) index.set(summary('file:///other', other));
    edited.set(summary('file:///a', before));
    const version = edited.headlinesVersion;
    edited.set(summary('file:///a', after));
    fresh.set(summary('file:///a', after));
    // Headlines on other lines: what resolves to them has changed.
    expect(edited.headlinesVersion).toBeGreaterThan(version);
    const where = (entries: readonly { uri: string; range: { start: { line: number } } }[]) =>
      entries.map((e) => [e.uri, e.range.start.line]);
    for (const key of [
      'kazakstan: power cuts return',
      'power cuts return',
      "kazakstan's unhappy oil workers",
      'oil workers strike again',
    ]) {
      expect(where(edited.find(key))).toEqual(where(fresh.find(key)));
    }
    expect(where(edited.find("kazakstan's unhappy oil workers"))).toEqual([['file:///a', 11]]);
    for (const title of ['Kazakstans Unhappy Oil Worker', 'Reprisals Anger Kazak Oil Workers', 'Power Cut Returns', 'Oil Workers Strike']) {
      const [a, b] = [edited.closest(title), fresh.closest(title)];
      expect(a && [a.uri, a.range.start.line, a.text]).toEqual(b && [b.uri, b.range.start.line, b.text]);
    }
    expect(edited.closest('Kazakstans Unhappy Oil Worker')?.range.start.line).toBe(11);
  });
});
