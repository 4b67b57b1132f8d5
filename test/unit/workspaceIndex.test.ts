import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LineIndex } from '../../server/src/model/lineIndex';
import { parseBulletin } from '../../server/src/model/parse';
import { HeadlineWords } from '../../server/src/workspace/headlineWords';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { ReferenceGraph } from '../../server/src/workspace/references';
import { summarize } from '../../server/src/workspace/summary';
import type { HeadlineEntry } from '../../server/src/workspace/summary';

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
    const t1 = index.titlesVersion;
    index.set(summary('file:///a', article('POWER CUTS RETURN', 'Body, edited.')));
    expect(index.headlinesVersion).toBe(v1);
    expect(index.titlesVersion).toBe(t1);
    index.set(summary('file:///a', article('POWER CUTS END')));
    expect(index.headlinesVersion).toBeGreaterThan(v1);
    expect(index.titlesVersion).toBeGreaterThan(t1);
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

  test('of headlines as close as each other, it suggests the first by file and place, whatever order the index met them in', () => {
    // Thirty headlines each one letter from the title, in thirty files: more than the candidates measured.
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ1234';
    const files = Array.from(
      { length: 30 },
      (_, i) => [`file:///${String(i).padStart(2, '0')}`, article(`POWER PLANT ${letters[i]}`)] as const,
    );
    const title = 'Power Plant 9';
    const forward = new WorkspaceIndex();
    for (const [uri, text] of files) forward.set(summary(uri, text));
    const backward = new WorkspaceIndex();
    for (const [uri, text] of [...files].reverse()) backward.set(summary(uri, text));
    expect(forward.closest(title)?.uri).toBe('file:///00');
    expect(backward.closest(title)?.uri).toBe('file:///00');
    // Entries the index took out and put in again, after an edit that moved them.
    const edited = new WorkspaceIndex();
    for (const [uri, text] of files) edited.set(summary(uri, text));
    edited.set(summary('file:///00', `\n\n${files[0]![1]}`));
    expect(edited.closest(title)?.uri).toBe('file:///00');
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
    const titles = edited.titlesVersion;
    // Suggestions asked for before the edit are remembered, and must follow the headlines.
    const asked = ['Kazakstans Unhappy Oil Worker', 'Reprisals Anger Kazak Oil Workers', 'Power Cut Returns', 'Oil Workers Strike'];
    for (const title of asked) edited.closest(title);
    edited.set(summary('file:///a', after));
    fresh.set(summary('file:///a', after));
    // Headlines on other lines: what other files show of them has changed; what resolves to them has not.
    expect(edited.headlinesVersion).toBeGreaterThan(version);
    expect(edited.titlesVersion).toBe(titles);
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
    for (const title of asked) {
      const [a, b] = [edited.closest(title), fresh.closest(title)];
      expect(a && [a.uri, a.range.start.line, a.text]).toEqual(b && [b.uri, b.range.start.line, b.text]);
    }
    expect(edited.closest('Kazakstans Unhappy Oil Worker')?.range.start.line).toBe(11);
  });
  test('after random changes to the headlines of an archive, its suggestions are those of an index built afresh', () => {
    const words = ['power', 'cuts', 'return', 'oil', 'workers', 'strike', 'miners', 'protest', 'talks'];
    const headline = fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 4 }).map((w) => w.join(' ').toUpperCase());
    const issue = fc.record({ headlines: fc.uniqueArray(headline, { minLength: 1, maxLength: 3 }), padding: fc.nat({ max: 2 }) });
    const text = ({ headlines, padding }: { headlines: string[]; padding: number }): string =>
      '\n'.repeat(padding) + headlines.map((h) => article(h)).join('\n\n');
    const uris = ['file:///a', 'file:///b', 'file:///c'];
    const title = fc.array(fc.constantFrom(...words, 'powers', 'worker'), { minLength: 2, maxLength: 4 }).map((w) => w.join(' '));
    const change = fc.record({
      uri: fc.constantFrom(...uris),
      issue: fc.option(issue, { freq: 5 }),
      asked: fc.array(title, { maxLength: 4 }),
    });
    const answer = (index: WorkspaceIndex, t: string) => {
      const found = index.closest(t);
      return found && [found.uri, found.text, found.range.start.line];
    };
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
        const index = new WorkspaceIndex();
        const texts = new Map<string, string>();
        for (const { uri, issue: spec, asked } of changes) {
          if (spec) texts.set(uri, text(spec));
          else texts.delete(uri);
          if (spec) index.set(summary(uri, texts.get(uri)!));
          else index.remove(uri);
          const fresh = new WorkspaceIndex();
          for (const [u, t] of texts) fresh.set(summary(u, t));
          for (const t of asked) expect(answer(index, t)).toEqual(answer(fresh, t));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('counts the words a title shares with headlines, added, removed and moved, and gives the most sharing as sorting them all would', () => {
    const words = ['oil', 'gas', 'power', 'talks', 'strike'];
    const op = fc.record({
      kind: fc.constantFrom('add', 'add', 'remove', 'replace'),
      entry: fc.nat({ max: 40 }),
      words: fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
    });
    const title = fc.array(fc.constantFrom(...words, 'coal'), { maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 60 }),
        fc.array(title, { minLength: 1, maxLength: 4 }),
        fc.nat({ max: 30 }),
        (ops, titles, limit) => {
          const index = new HeadlineWords();
          // What the index holds, as a plain list: each entry with its words.
          const held = new Map<number, { entry: HeadlineEntry; words: string[] }>();
          const made = (n: number, start: number) => ({ uri: `file:///${'abc'[n % 3]}`, start }) as unknown as HeadlineEntry;
          let moves = 0;
          for (const { kind, entry: n, words: w } of ops) {
            const now = held.get(n);
            if (kind === 'add' && !now) {
              const entry = made(n, n * 100);
              index.add(entry, w);
              held.set(n, { entry, words: w });
            } else if (kind === 'remove' && now) {
              index.remove(now.entry, now.words);
              held.delete(n);
            } else if (kind === 'replace' && now) {
              const entry = made(n, n * 100 + (++moves % 50));
              index.replace(now.entry, entry);
              held.set(n, { entry, words: now.words });
            }
          }
          for (const t of titles) {
            const counted = [...held.values()]
              .map(({ entry, words: w }) => [entry, t.filter((word) => w.includes(word)).length] as const)
              .filter(([, count]) => count > 0);
            const sorted = counted.sort(
              (a, b) => b[1] - a[1] || (a[0].uri < b[0].uri ? -1 : a[0].uri > b[0].uri ? 1 : a[0].start - b[0].start),
            );
            expect(index.mostShared(t, limit)).toEqual(sorted.slice(0, limit));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('tells which files changed since a version, until the changes go too far back', () => {
    const index = new WorkspaceIndex();
    index.set(summary('file:///a', article('POWER CUTS RETURN')));
    index.set(summary('file:///b', article('MINERS PROTEST')));
    const version = index.version;
    expect(index.filesChangedSince(version)).toEqual(new Set());
    index.set(summary('file:///a', article('POWER CUTS RETURN', 'Body, edited.')));
    index.remove('file:///b');
    index.set(summary('file:///c', article('TALKS RESUME')));
    expect(index.filesChangedSince(version)).toEqual(new Set(['file:///a', 'file:///b', 'file:///c']));
    expect(index.filesChangedSince(version + 2)).toEqual(new Set(['file:///c']));
    for (let i = 0; i < 600; i++) index.set(summary('file:///a', article('POWER CUTS RETURN', `Body, edited ${i} times.`)));
    expect(index.filesChangedSince(version)).toBeUndefined();
    expect(index.filesChangedSince(index.version - 1)).toEqual(new Set(['file:///a']));
  });
});

describe('ReferenceGraph', () => {
  const files = {
    'file:///a': `${article('POWER CUTS RETURN', 'Power is off again. (See Oil Workers Strike.)')}\n\n${article('OIL WORKERS STRIKE')}`,
    'file:///b': article('MINERS PROTEST', 'Miners joined them. (See Power Cuts Return.)'),
    'file:///c': article('TALKS RESUME', 'Talks went on. (See Power Cuts Return.) And on. (See Oil Workers Strike.)'),
  };
  const indexOf = (texts: Record<string, string>): WorkspaceIndex => {
    const index = new WorkspaceIndex();
    for (const [uri, text] of Object.entries(texts)) index.set(summary(uri, text));
    return index;
  };
  /** Every headline's incoming references, as places. */
  const incoming = (index: WorkspaceIndex, graph: ReferenceGraph) =>
    [...index.all()].flatMap((s) =>
      s.headlines.map((h) => [h.text, graph.to(h).map((r) => [r.uri, r.range.start.line, r.range.start.character, r.range.end.character])]),
    );

  test('after edits, it answers as a graph built afresh, resolving again only the files that changed', () => {
    const texts = { ...files };
    const index = indexOf(texts);
    const graph = new ReferenceGraph(index);
    expect(incoming(index, graph)).toEqual(incoming(index, new ReferenceGraph(index)));
    expect(graph.resolved).toBe(3);
    const edit = (uri: keyof typeof files, from: string, to: string): void => {
      const version = index.headlinesVersion;
      texts[uri] = texts[uri].replace(from, to);
      index.set(summary(uri, texts[uri]));
      expect(index.headlinesVersion).toBe(version);
    };

    // A reference moved along its line.
    edit('file:///b', 'Miners joined them.', 'Miners from the pits joined them.');
    const afterB = incoming(index, graph);
    expect(afterB).toEqual(incoming(index, new ReferenceGraph(index)));
    expect(graph.resolved).toBe(1);
    expect(afterB).toContainEqual([
      'POWER CUTS RETURN',
      [
        ['file:///b', 6, 39, 56],
        ['file:///c', 6, 20, 37],
      ],
    ]);

    // The headlines that references point at moved along the text, on the same lines.
    edit('file:///a', 'Power is off again.', 'Power is off again, for days.');
    expect(incoming(index, graph)).toEqual(incoming(index, new ReferenceGraph(index)));
    expect(graph.resolved).toBe(1);
    expect(incoming(index, graph)).toContainEqual([
      'OIL WORKERS STRIKE',
      [
        ['file:///a', 6, 35, 53],
        ['file:///c', 6, 53, 71],
      ],
    ]);

    // A headline renamed: every file is resolved again.
    texts['file:///a'] = texts['file:///a'].replace('OIL WORKERS STRIKE', 'OIL WORKERS STRIKE AGAIN');
    index.set(summary('file:///a', texts['file:///a']));
    expect(incoming(index, graph)).toEqual(incoming(index, new ReferenceGraph(index)));
    expect(graph.resolved).toBe(3);
    expect(incoming(index, graph)).toContainEqual(['OIL WORKERS STRIKE AGAIN', []]);
  });

  test('of two issues of one date with the same headline, references go to the first by name, wherever the headlines stand', () => {
    const texts: Record<string, string> = {
      'file:///d1': `${article('FIRST STORY', 'A long body of text for the first story.')}\n\n${article('SAME TITLE')}`,
      'file:///d2': `${article('OTHER STORY', 'A body of middling length.')}\n\n${article('SAME TITLE')}`,
      'file:///r': article('REFERRING', 'It went on. (See Same Title.)'),
    };
    const index = indexOf(texts);
    const graph = new ReferenceGraph(index);
    const expected = [
      ['FIRST STORY', []],
      ['SAME TITLE', [['file:///r', 6, 17, 27]]],
      ['OTHER STORY', []],
      ['SAME TITLE', []],
      ['REFERRING', []],
    ];
    expect(incoming(index, graph)).toEqual(expected);
    // d1's headline now stands before d2's in its file, where it stood after: the same lines, the same answer.
    const version = index.headlinesVersion;
    texts['file:///d1'] = texts['file:///d1']!.replace('A long body of text for the first story.', 'Short.');
    index.set(summary('file:///d1', texts['file:///d1']));
    expect(index.headlinesVersion).toBe(version);
    expect(incoming(index, graph)).toEqual(expected);
    expect(incoming(index, new ReferenceGraph(index))).toEqual(expected);
  });

  test('prepared in the background, a file at a time, it has nothing left to resolve when asked; cancelled, the rest is resolved when asked', async () => {
    const index = indexOf(files);
    const prepared = new ReferenceGraph(index);
    let pauses = 0;
    await prepared.prepare(
      () => (pauses++, Promise.resolve()),
      () => false,
    );
    expect(pauses).toBe(3);
    expect(incoming(index, prepared)).toEqual(incoming(index, new ReferenceGraph(index)));
    expect(prepared.resolved).toBe(0);

    const cancelled = new ReferenceGraph(index);
    let asked = 0;
    await cancelled.prepare(
      () => undefined,
      () => asked++ >= 1,
    );
    expect(incoming(index, cancelled)).toEqual(incoming(index, new ReferenceGraph(index)));
    expect(cancelled.resolved).toBe(2);
  });

  test('a file edited after the graph was built, and prepared in the background since, is taken out and put in again when asked', async () => {
    const texts: Record<string, string> = { ...files };
    const index = indexOf(texts);
    const graph = new ReferenceGraph(index);
    incoming(index, graph);
    texts['file:///c'] = texts['file:///c']!.replace('(See Power Cuts Return.) ', '');
    index.set(summary('file:///c', texts['file:///c']));
    index.remove('file:///b');
    await graph.prepare(
      () => undefined,
      () => false,
    );
    const after = incoming(index, graph);
    expect(graph.resolved).toBe(0);
    expect(after).toEqual(incoming(index, new ReferenceGraph(index)));
    expect(after).toContainEqual(['POWER CUTS RETURN', []]);
    expect(after).toContainEqual([
      'OIL WORKERS STRIKE',
      [
        ['file:///a', 6, 25, 43],
        ['file:///c', 6, 28, 46],
      ],
    ]);
  });

  test('after more edits than the index remembers, it answers as a graph built afresh', () => {
    const texts: Record<string, string> = { ...files };
    const index = indexOf(texts);
    const graph = new ReferenceGraph(index);
    incoming(index, graph);
    for (let i = 0; i < 600; i++)
      index.set(summary('file:///b', article('MINERS PROTEST', `${'Miners. '.repeat(i % 7)}(See Power Cuts Return.)`)));
    index.set(summary('file:///c', article('TALKS RESUME', 'Talks went on.')));
    expect(index.filesChangedSince(0)).toBeUndefined();
    expect(incoming(index, graph)).toEqual(incoming(index, new ReferenceGraph(index)));
    expect(graph.resolved).toBe(2);
  });

  test('after random changes to the issues of an archive, headlines renamed, moved, added and removed, it answers as a graph built afresh', () => {
    const titles = ['POWER CUTS RETURN', 'POWER CUTS RETURNS', 'OIL WORKERS STRIKE', 'MINERS PROTEST', 'TALKS RESUME', 'TALKS'];
    const titleCased = (t: string): string => t.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
    const issue = fc.record({
      headlines: fc.uniqueArray(fc.constantFrom(...titles), { minLength: 1, maxLength: 3 }),
      references: fc.array(fc.record({ title: fc.constantFrom(...titles), running: fc.boolean() }), { maxLength: 3 }),
      padding: fc.nat({ max: 2 }),
    });
    const text = ({
      headlines,
      references,
      padding,
    }: {
      headlines: string[];
      references: { title: string; running: boolean }[];
      padding: number;
    }): string =>
      '\n'.repeat(padding) +
      headlines
        .map((h, i) =>
          article(
            h,
            i === 0 && references.length > 0
              ? references
                  .map((r) => (r.running ? `As we said, see ${titleCased(r.title)}.` : `Text. (See ${titleCased(r.title)}.)`))
                  .join(' ')
              : 'Body.',
          ),
        )
        .join('\n\n');
    const uris = ['file:///a', 'file:///b', 'file:///c', 'file:///d'];
    const change = fc.record({ uri: fc.constantFrom(...uris), issue: fc.option(issue, { freq: 5 }) });
    fc.assert(
      fc.property(fc.array(issue, { minLength: 4, maxLength: 4 }), fc.array(change, { minLength: 1, maxLength: 10 }), (start, changes) => {
        const index = new WorkspaceIndex();
        start.forEach((spec, i) => index.set(summary(uris[i]!, text(spec))));
        const graph = new ReferenceGraph(index);
        expect(incoming(index, graph)).toEqual(incoming(index, new ReferenceGraph(index)));
        for (const { uri, issue: spec } of changes) {
          if (spec) index.set(summary(uri, text(spec)));
          else index.remove(uri);
          expect(incoming(index, graph)).toEqual(incoming(index, new ReferenceGraph(index)));
        }
      }),
      { numRuns: 150 },
    );
  });

  test('a headline typed in one issue resolves again only the references that asked about its headlines', () => {
    const texts: Record<string, string> = {
      'file:///a': `${article('POWER CUTS RETURN')}\n\n${article('OIL WORKERS STRIKE')}`,
      'file:///b': article('MINERS PROTEST', 'Miners joined them. (See Power Cuts Return.)'),
      'file:///c': article('TALKS RESUME', 'Talks went on. (See Miners Protest.)'),
      'file:///d': article('WATER RUNS OUT', 'No reference here.'),
    };
    const index = indexOf(texts);
    const graph = new ReferenceGraph(index);
    incoming(index, graph);
    const version = index.headlinesVersion;
    index.set(summary('file:///a', texts['file:///a']!.replace('OIL WORKERS STRIKE', 'OIL WORKERS STRIKE AGAIN')));
    expect(index.headlinesVersion).toBeGreaterThan(version);
    expect(incoming(index, graph)).toEqual(incoming(index, new ReferenceGraph(index)));
    // The edited issue, and b, whose reference asked about a headline of it; not c or d.
    expect(graph.resolved).toBe(2);
  });

  test('an untitled article moved past a headline, the headline on its line still, keeps the references to it', () => {
    const untitled = 'An untitled standfirst for it.\n\nBy Dina Tokbaeva\n\nSome body of it.\n';
    const before = `${article('POWER CUTS RETURN')}\n\n${untitled}\n\n${article('OIL WORKERS STRIKE')}`;
    // The untitled article's lines left blank, and the article put after the last one: the same headlines on the
    // same lines, but the second headline's article is now the second, not the third.
    const after = `${article('POWER CUTS RETURN')}\n\n${untitled.replace(/[^\n]/g, '')}\n\n${article('OIL WORKERS STRIKE')}\n\n${untitled}`;
    const index = indexOf({ 'file:///a': before, 'file:///b': article('MINERS PROTEST', 'Miners joined them. (See Oil Workers Strike.)') });
    const graph = new ReferenceGraph(index);
    const strike = () => index.summary('file:///a')!.headlines[1]!;
    expect(graph.to(strike()).map((r) => r.uri)).toEqual(['file:///b']);
    const version = index.headlinesVersion;
    index.set(summary('file:///a', after));
    expect(index.headlinesVersion).toBe(version);
    expect(strike().article).toBe(1);
    expect(graph.to(strike()).map((r) => r.uri)).toEqual(['file:///b']);
  });
});
