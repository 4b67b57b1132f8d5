// Reusing work between edits gives exactly what a fresh parse gives.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import { createCheckContext } from '../../server/src/checks/context';
import { checkInSteps, runChecks } from '../../server/src/checks/run';
import { CHECKS } from '../../server/src/checks/registry';
import { documentLinks } from '../../server/src/features/documentLinks';
import { FoldingMemo, foldingRanges } from '../../server/src/features/folding';
import { OutlineMemo, documentSymbols } from '../../server/src/features/symbols';
import { ArticleResults } from '../../server/src/checks/articleResults';
import { ParseCache } from '../../server/src/model/incremental';
import { parsedParagraph } from '../../server/src/model/paragraphs';
import { DEFAULT_PARSE_OPTIONS, parseBulletin } from '../../server/src/model/parse';
import { detached } from '../../server/src/model/detach';
import { detachedArticle } from '../../server/src/model/detachArticle';
import { movedArticleInPlace, movedBlockInPlace, movedContentsEntryInPlace, shifted } from '../../server/src/model/shift';
import type { Article, BulletinDocument, ContentsEntry } from '../../server/src/model/types';
import { scanBlocks } from '../../server/src/model/blocks';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { syncedDocuments } from '../../server/src/protocol/documents';
import { Analyses } from '../../server/src/workspace/analysis';
import { EditLog } from '../../server/src/workspace/editLog';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { summarize } from '../../server/src/workspace/summary';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ReferenceResolution } from '../../server/src/workspace/resolve';
import { allProblems, analyse, clean, FIXTURES, sample } from '../support/fixture';

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** Edits editors make: characters, words, line breaks, blank lines, bylines, dividers, pasted paragraphs. */
const insertion = fc.oneof(
  fc.constantFrom(
    'x',
    ' ',
    '\t',
    '\n',
    '\n\n',
    '\n\n\n',
    'By ',
    'by Dina Tokbaeva\n',
    '(See ',
    '.)',
    '**** NEW\n',
    '****\n',
    'IWPR: ',
    '“',
    '\r\n',
    '\r',
    '\uFEFF',
    'KAZAKSTAN: NEW HEADLINE\n\n',
  ),
  fc.string({ maxLength: 12 }),
);

const edit = (length: number): fc.Arbitrary<Edit> =>
  fc.record({ at: fc.nat({ max: length }), remove: fc.nat({ max: 40 }), insert: insertion });

function apply(text: string, e: Edit): string {
  const at = Math.min(e.at, text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental parsing', () => {
  for (const [name, source] of [
    ['the sample', sample()],
    ['the clean bulletin', clean()],
    ['the clean bulletin with CRLF line breaks', clean().replace(/\n/g, '\r\n')],
    ['the sample with CR line breaks', sample().replace(/\n/g, '\r')],
  ] as const) {
    test(`after random edits to ${name}, the reused parse equals a fresh one`, () => {
      fc.assert(
        fc.property(fc.array(edit(source.length), { minLength: 1, maxLength: 8 }), (edits) => {
          const cache = new ParseCache();
          let text = source;
          parseBulletin(text, undefined, cache);
          for (const e of edits) {
            text = apply(text, e);
            const incremental = parseBulletin(text, undefined, cache);
            expect(JSON.stringify(incremental)).toBe(JSON.stringify(parseBulletin(text)));
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  test('a CRLF typed between two CRs is one line break, not two', () => {
    const source = 'HEADLINE ONE\r\rStandfirst.\r\rBy Dina Tokbaeva\r\rBody text.\r';
    const at = source.indexOf('Body') - 1;
    const cache = new ParseCache();
    parseBulletin(source, undefined, cache);
    const text = `${source.slice(0, at)}\r\n${source.slice(at)}`;
    expect(JSON.stringify(parseBulletin(text, undefined, cache))).toBe(JSON.stringify(parseBulletin(text)));
    expect(JSON.stringify(parseBulletin(text, undefined, cache))).toBe(JSON.stringify(parseBulletin(text)));
  });

  test('a keystroke in the middle of an issue reuses the other articles and most blocks', () => {
    const cache = new ParseCache();
    const text = sample();
    parseBulletin(text, undefined, cache);
    const at = text.indexOf('Officials say 14 people');
    parseBulletin(`${text.slice(0, at)}x${text.slice(at)}`, undefined, cache);
    expect(cache.reused.articles).toBe(5);
    expect(cache.reused.blocks).toBeGreaterThan(195);
  });

  test('articles moved by one edit are reused, not parsed again', () => {
    const cache = new ParseCache();
    const text = sample();
    const before = parseBulletin(text, undefined, cache);
    const [first, second, third] = before.articles;
    // The second article, with the blank lines before it, goes after the third.
    const moved =
      text.slice(0, first!.end) + text.slice(second!.end, third!.end) + text.slice(first!.end, second!.end) + text.slice(third!.end);
    // Read before the next parse, which moves the nodes it keeps to where they stand in the new text.
    const expected = [first, third, second, ...before.articles.slice(3)].map((a) => text.slice(a!.start, a!.end));
    const after = parseBulletin(moved, undefined, cache);
    expect(after.articles.map((a) => moved.slice(a.start, a.end))).toEqual(expected);
    expect(cache.reused.articles).toBe(before.articles.length);
    expect(JSON.stringify(after)).toBe(JSON.stringify(parseBulletin(moved)));
  });

  test('an article pasted again after itself is two articles, each where it stands, through later edits', () => {
    const source = clean();
    const cache = new ParseCache();
    const [before, article] = parseBulletin(source, undefined, cache).articles;
    // The second article with the blank lines before it, again after it: the old article lies in both the
    // unchanged start and the unchanged end, and is found in each.
    const copy = source.slice(before!.end, article!.end);
    const pasted = `${source.slice(0, article!.end)}${copy}${source.slice(article!.end)}`;
    for (const text of [pasted, `x${pasted}`, `xy${pasted}`]) {
      const reused = parseBulletin(text, undefined, cache);
      expect(JSON.stringify(reused)).toBe(JSON.stringify(parseBulletin(text)));
      expect(cache.reused.articles).toBe(4);
    }
  });

  test('after an edit above the contents, its entries are moved where they now stand, not read again', () => {
    const source = clean();
    const cache = new ParseCache();
    const before = parseBulletin(source, undefined, cache).contents!.entries;
    expect(before.length).toBe(3);
    for (const text of [`WELCOME x${source.slice(8)}`, `WELCOME xyz${source.slice(8)}`, source]) {
      const after = parseBulletin(text, undefined, cache).contents!;
      expect(JSON.stringify(after)).toBe(JSON.stringify(parseBulletin(text).contents));
      // The entry right after the edit stands on a block made anew (its blank lines are counted again).
      after.entries.slice(1).forEach((entry, i) => expect(entry).toBe(before[i + 1]));
    }
  });

  test('after an edit above them, the contents entries and the long lines outside the articles are where they now stand', () => {
    // A long line in the second entry: the block right after an edit is a new one, those after it are kept.
    const long = 'Strikers say promises made in spring have not been kept by the regional government.';
    const source = clean().replace('Strikers say promises made\nin spring have not been kept.', long);
    const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
    const checked = (text: string, version: number) => {
      const analysis = analyses.get(TextDocument.create('file:///issue.bulletin', 'bulletin', version, text));
      return { contents: JSON.stringify(analysis.doc.contents), problems: JSON.stringify(analyses.problems(analysis)) };
    };
    const fresh = (text: string) => {
      const { doc, context } = analyse(text, { uri: 'file:///issue.bulletin' });
      return { contents: JSON.stringify(doc.contents), problems: JSON.stringify(runChecks(context)) };
    };
    checked(source, 1);
    expect(checked(source, 1).problems).toContain('style.line-length');
    // Typed in the masthead, above the contents.
    for (const [version, text] of [`WELCOME x${source.slice(8)}`, `WELCOME xy${source.slice(8)}`].entries()) {
      expect(checked(text, version + 2)).toEqual(fresh(text));
    }
  });

  test('after random edits, no node the parse keeps is reached twice, so moving them in place moves each once', () => {
    const source = sample();
    fc.assert(
      fc.property(fc.array(edit(source.length), { minLength: 1, maxLength: 6 }), (edits) => {
        const cache = new ParseCache();
        let text = source;
        parseBulletin(text, undefined, cache);
        for (const e of edits) {
          text = apply(text, e);
          parseBulletin(text, undefined, cache);
          const seen = new Set<object>();
          const walk = (value: unknown): void => {
            if (typeof value !== 'object' || value === null) return;
            expect(seen.has(value)).toBe(false);
            seen.add(value);
            for (const v of Object.values(value)) walk(v);
          };
          walk(cache.blocks);
          walk(cache.articles.map((k) => k.article));
        }
      }),
      { numRuns: 40 },
    );
  });

  test("what the index keeps of a version stays as it was when the next version's parse moves the nodes after an edit", () => {
    const source = sample();
    const index = new WorkspaceIndex();
    const analyses = new Analyses(index, () => DEFAULT_PROFILE);
    const summary = analyses.get(TextDocument.create('file:///issue.bulletin', 'bulletin', 1, source)).summary;
    const kept = JSON.stringify(summary);
    expect(summary.references.some((r) => r.reference.conjunctions.length > 0)).toBe(true);
    analyses.get(TextDocument.create('file:///issue.bulletin', 'bulletin', 2, `x${source}`));
    expect(JSON.stringify(summary)).toBe(kept);
  });

  test('a parse that fails after moving nodes leaves no half-moved cache: the next parse equals a fresh one', () => {
    const source = sample();
    let fail = false;
    // The masthead is read after the blocks past the edit have moved to the new text.
    const pattern = new (class extends RegExp {
      override exec(input: string): RegExpExecArray | null {
        if (fail) throw new Error('a bug in the parse');
        return super.exec(input);
      }
    })('^(?<publication>[A-Z]+)');
    const options = { ...DEFAULT_PARSE_OPTIONS, mastheadPattern: pattern };
    const failing = fc.record({ edit: edit(source.length), fails: fc.boolean() });
    fc.assert(
      fc.property(fc.array(failing, { minLength: 1, maxLength: 6 }), (steps) => {
        const cache = new ParseCache();
        let text = source;
        parseBulletin(text, options, cache);
        for (const step of steps) {
          text = apply(text, step.edit);
          if (!step.fails) {
            expect(JSON.stringify(parseBulletin(text, options, cache))).toBe(JSON.stringify(parseBulletin(text, options)));
            continue;
          }
          // Where the edit leaves a masthead to read, the parse fails.
          fail = true;
          try {
            parseBulletin(text, options, cache);
          } catch (error) {
            if (!(error instanceof Error && error.message === 'a bug in the parse')) throw error;
          } finally {
            fail = false;
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test('after random edits, the checks of reused articles find what checking the fresh text finds', () => {
    const source = sample();
    fc.assert(
      fc.property(fc.array(edit(source.length), { minLength: 1, maxLength: 6 }), (edits) => {
        const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
        let doc = TextDocument.create('file:///issue.bulletin', 'bulletin', 1, source);
        analyses.problems(analyses.get(doc));
        for (const e of edits) {
          doc = TextDocument.create(doc.uri, 'bulletin', doc.version + 1, apply(doc.getText(), e));
          const reused = analyses.problems(analyses.get(doc));
          expect(JSON.stringify(reused)).toBe(JSON.stringify(allProblems(doc.getText(), { uri: doc.uri })));
        }
      }),
      { numRuns: 60 },
    );
  });

  test('after random edits whose checks are given up midway, as a newer edit makes them, the checks find what checking the fresh text finds', () => {
    const source = sample();
    const step = fc.record({ edit: edit(source.length), givenUpAfter: fc.option(fc.nat(CHECKS.length), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
        let doc = TextDocument.create('file:///issue.bulletin', 'bulletin', 1, source);
        analyses.problems(analyses.get(doc));
        for (const { edit, givenUpAfter } of steps) {
          doc = TextDocument.create(doc.uri, 'bulletin', doc.version + 1, apply(doc.getText(), edit));
          const analysis = analyses.get(doc);
          if (givenUpAfter === undefined) {
            const reused = analyses.problems(analysis);
            expect(JSON.stringify(reused)).toBe(JSON.stringify(allProblems(doc.getText(), { uri: doc.uri })));
            continue;
          }
          let asked = 0;
          const checks = checkInSteps(analyses.context(analysis), { isCancelled: () => asked++ >= givenUpAfter });
          while (!checks.next().done);
        }
        const last = TextDocument.create(doc.uri, 'bulletin', doc.version + 1, doc.getText());
        expect(JSON.stringify(analyses.problems(analyses.get(last)))).toBe(JSON.stringify(allProblems(doc.getText(), { uri: doc.uri })));
      }),
      { numRuns: 60 },
    );
  });

  test("a round given up midway drops none of the last round's results; an ended round drops those it did not ask for", () => {
    const cache = new ParseCache();
    const doc = parseBulletin(sample(), undefined, cache);
    const results = new ArticleResults();
    let computed = 0;
    const ask = (articles: readonly Article[]): void => {
      for (const article of articles)
        results.get('first word', article, () => (computed++, { start: article.start, end: article.start + 1 }));
      for (const article of articles) results.remembered('title', article.headline?.text ?? '', () => (computed++, 'remembered'));
    };
    results.nextRound('width 72', doc.articles);
    ask(doc.articles);
    results.endRound();
    const all = computed;
    expect(all).toBeGreaterThan(doc.articles.length);
    // Two rounds given up before asking for anything, then one that asks for all: nothing is computed again.
    computed = 0;
    results.nextRound('width 72', doc.articles);
    results.nextRound('width 72', doc.articles);
    ask(doc.articles.slice(0, 2));
    results.nextRound('width 72', doc.articles);
    ask(doc.articles);
    expect(computed).toBe(0);
    results.endRound();
    // A round that ends having asked for the first two articles only: the others' results are dropped.
    results.nextRound('width 72', doc.articles);
    ask(doc.articles.slice(0, 2));
    results.endRound();
    results.nextRound('width 72', doc.articles);
    ask(doc.articles);
    expect(computed).toBeGreaterThan(0);
    expect(computed).toBeLessThan(all);
  });

  test("typing without pause, each round given up after a few checks: what is held stays bounded and still has every article's results", () => {
    const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
    const source = sample();
    let doc = TextDocument.create('file:///issue.bulletin', 'bulletin', 1, source);
    analyses.problems(analyses.get(doc));
    const results = analyses.keptFor(analyses.get(doc), 'checks', () => new ArticleResults());
    const articles = analyses.get(doc).doc.articles.length;
    // In the body of an article in the middle: each letter makes the article (and a paragraph of it) new.
    const body = analyses.get(doc).doc.articles[articles >> 1]!.body[0]!;
    let at = body.start + 1;
    for (let i = 0; i < 400; i++) {
      const text = doc.getText();
      doc = TextDocument.create(doc.uri, 'bulletin', doc.version + 1, text.slice(0, at) + 'x' + text.slice(at));
      at++;
      let asked = 0;
      // Every check but the last: the round is given up, as a newer keystroke makes it.
      const checks = checkInSteps(analyses.context(analyses.get(doc)), { isCancelled: () => asked++ >= CHECKS.length - 1 });
      while (!checks.next().done);
    }
    // The version's own articles, and at most 32 others (one for each keystroke otherwise).
    expect(results.heldArticles).toBeGreaterThanOrEqual(articles);
    expect(results.heldArticles).toBeLessThanOrEqual(articles + 32);
    const full = analyses.get(doc);
    expect(JSON.stringify(analyses.problems(full))).toBe(JSON.stringify(allProblems(doc.getText(), { uri: doc.uri })));
  });

  test('after random edits, the cross-references kept for unchanged articles resolve as a fresh resolution does', () => {
    const source = sample();
    const archiveUri = 'file:///archive/rca-2009-04-574.bulletin';
    const archiveText = readFileSync(path.join(FIXTURES, 'archive', 'rca-2009-04-574.bulletin'), 'utf8');
    const archived = (index: WorkspaceIndex): WorkspaceIndex => {
      const parsed = parseBulletin(archiveText);
      index.set(summarize(parsed, archiveUri, TextDocument.create(archiveUri, 'bulletin', 1, archiveText)));
      return index;
    };
    const seen = (resolutions: readonly ReferenceResolution[]) =>
      resolutions.map((r) => [
        r.reference.start,
        r.titles.map((t) => [t.start, t.end, t.text, t.problem, t.citedIssue?.uri, t.targets.map((x) => [x.uri, x.start, x.range])]),
      ]);
    fc.assert(
      fc.property(fc.array(edit(source.length), { minLength: 1, maxLength: 6 }), (edits) => {
        const analyses = new Analyses(archived(new WorkspaceIndex()), () => DEFAULT_PROFILE);
        let doc = TextDocument.create('file:///issue.bulletin', 'bulletin', 1, source);
        analyses.context(analyses.get(doc)).resolutions();
        for (const e of edits) {
          doc = TextDocument.create(doc.uri, 'bulletin', doc.version + 1, apply(doc.getText(), e));
          const reused = analyses.context(analyses.get(doc)).resolutions();
          const parsed = parseBulletin(doc.getText());
          const index = archived(new WorkspaceIndex());
          index.set(summarize(parsed, doc.uri, doc));
          const fresh = createCheckContext(parsed, doc.uri, index, DEFAULT_PROFILE).resolutions();
          expect(seen(reused)).toEqual(seen(fresh));
        }
      }),
      { numRuns: 80 },
    );
  });

  test('when a headline another issue holds is renamed, the references to it are resolved again', () => {
    const archiveUri = 'file:///archive/rca-2009-04-574.bulletin';
    const archiveText = readFileSync(path.join(FIXTURES, 'archive', 'rca-2009-04-574.bulletin'), 'utf8');
    const setArchive = (index: WorkspaceIndex, text: string): void =>
      index.set(summarize(parseBulletin(text), archiveUri, TextDocument.create(archiveUri, 'bulletin', 1, text)));
    const index = new WorkspaceIndex();
    setArchive(index, archiveText);
    const analyses = new Analyses(index, () => DEFAULT_PROFILE);
    const doc = TextDocument.create('file:///issue.bulletin', 'bulletin', 1, sample());
    const targetsOf = (resolutions: readonly ReferenceResolution[]) =>
      resolutions.flatMap((r) => r.titles.filter((t) => /unhappy oil/i.test(t.text)).map((t) => [t.problem, t.targets.map((x) => x.uri)]));
    expect(targetsOf(analyses.context(analyses.get(doc)).resolutions())).toContainEqual([undefined, [archiveUri]]);
    setArchive(index, archiveText.replace(/^KAZAKSTAN'S UNHAPPY OIL WORKERS$/m, "KAZAKSTAN'S OIL WORKERS"));
    const after = targetsOf(analyses.context(analyses.get(doc)).resolutions());
    expect(after.length).toBeGreaterThan(0);
    expect(after.every(([, targets]) => targets!.length === 0)).toBe(true);
  });

  test('a keystroke in an article with no cross-reference looks up no headline to resolve the others again', () => {
    const index = new WorkspaceIndex();
    const analyses = new Analyses(index, () => DEFAULT_PROFILE);
    const text = sample();
    let doc = TextDocument.create('file:///issue.bulletin', 'bulletin', 1, text);
    const first = analyses.context(analyses.get(doc)).resolutions();
    expect(first.length).toBeGreaterThan(3);
    const article = analyses.get(doc).doc.articles.find((a) => a.crossReferences.length === 0)!;
    const at = text.indexOf('\n\n', article.body[0]!.start) - 1;
    doc = TextDocument.create(doc.uri, 'bulletin', 2, `${text.slice(0, at)}x${text.slice(at)}`);
    const analysis = analyses.get(doc);
    const find = index.find.bind(index);
    let lookups = 0;
    index.find = (key) => (lookups++, find(key));
    const again = analyses.context(analysis).resolutions();
    expect(lookups).toBe(0);
    expect(again.map((r) => r.titles.map((t) => t.targets.map((x) => x.start)))).toEqual(
      first.map((r) => r.titles.map((t) => t.targets.map((x) => x.start + (x.start > at ? 1 : 0)))),
    );
  });

  test('after random edits, the summary of the reused parse equals a fresh one, lines moved by same-length edits included', () => {
    const source = sample();
    // A character replaced by a line break moves no offset after it, but every line.
    const replace = fc.record({ at: fc.nat({ max: source.length }), remove: fc.constant(1), insert: fc.constantFrom('\n', 'x', '\n\n') });
    fc.assert(
      fc.property(fc.array(fc.oneof(edit(source.length), replace), { minLength: 1, maxLength: 6 }), (edits) => {
        const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
        let doc = TextDocument.create('file:///issue.bulletin', 'bulletin', 1, source);
        analyses.get(doc);
        for (const e of edits) {
          doc = TextDocument.create(doc.uri, 'bulletin', doc.version + 1, apply(doc.getText(), e));
          const reused = analyses.get(doc).summary;
          expect(JSON.stringify(reused)).toBe(JSON.stringify(summarize(parseBulletin(doc.getText()), doc.uri, doc)));
        }
      }),
      { numRuns: 100 },
    );
  });

  test('after an article is pasted before others, the summary numbers each kept article by its new place', () => {
    const source = clean();
    const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
    const [first, second] = analyses.get(TextDocument.create('file:///issue.bulletin', 'bulletin', 1, source)).doc.articles;
    const pasted = `${source.slice(0, first!.end)}${source.slice(first!.end, second!.end)}${source.slice(first!.end)}`;
    const document = TextDocument.create('file:///issue.bulletin', 'bulletin', 2, pasted);
    const summary = analyses.get(document).summary;
    expect(summary.headlines.map((h) => h.article)).toEqual([0, 1, 2, 3]);
    expect(JSON.stringify(summary)).toBe(JSON.stringify(summarize(parseBulletin(pasted), document.uri, document)));
  });

  test('after random edits, the outline made with its memo equals a fresh one, lines moved by same-length edits included', () => {
    const source = sample();
    const replace = fc.record({ at: fc.nat({ max: source.length }), remove: fc.constant(1), insert: fc.constantFrom('\n', 'x', '\n\n') });
    fc.assert(
      fc.property(fc.array(fc.oneof(edit(source.length), replace), { minLength: 1, maxLength: 6 }), (edits) => {
        const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
        const outline = (doc: TextDocument) => {
          const analysis = analyses.get(doc);
          return documentSymbols(
            analysis.doc,
            doc,
            analyses.keptFor(analysis, 'outline', () => new OutlineMemo()),
          );
        };
        let doc = TextDocument.create('file:///issue.bulletin', 'bulletin', 1, source);
        outline(doc);
        for (const e of edits) {
          doc = TextDocument.create(doc.uri, 'bulletin', doc.version + 1, apply(doc.getText(), e));
          expect(JSON.stringify(outline(doc))).toBe(JSON.stringify(documentSymbols(parseBulletin(doc.getText()), doc)));
        }
      }),
      { numRuns: 100 },
    );
  });

  test("the outline memo reuses an unchanged article's entry, and moves it when lines above it are added", () => {
    const source = sample();
    const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
    const outline = (text: string, version: number) => {
      const doc = TextDocument.create('file:///issue.bulletin', 'bulletin', version, text);
      const analysis = analyses.get(doc);
      return documentSymbols(
        analysis.doc,
        doc,
        analyses.keptFor(analysis, 'outline', () => new OutlineMemo()),
      );
    };
    const last = (symbols: readonly DocumentSymbol[]) => symbols.filter((s) => s.kind === SymbolKind.Class).at(-1)!;
    const before = last(outline(source, 1));
    const at = source.indexOf('\n\n', source.length >> 2);
    const typed = last(outline(`${source.slice(0, at)}x${source.slice(at)}`, 2));
    expect(typed).toBe(before);
    const broken = last(outline(`${source.slice(0, at)}\n${source.slice(at)}`, 3));
    expect(broken).not.toBe(before);
    expect(broken.range.start.line).toBe(before.range.start.line + 1);
  });

  test("the outline memo reuses an unchanged contents entry's symbol, and moves it when lines above it are added", () => {
    const source = sample();
    const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
    const firstEntry = (text: string, version: number) => {
      const doc = TextDocument.create('file:///issue.bulletin', 'bulletin', version, text);
      const analysis = analyses.get(doc);
      const symbols = documentSymbols(
        analysis.doc,
        doc,
        analyses.keptFor(analysis, 'outline', () => new OutlineMemo()),
      );
      return symbols.find((s) => s.name === 'Contents')!.children![0]!;
    };
    const before = firstEntry(source, 1);
    // Typed in an article: the contents are as they were.
    const at = source.indexOf('\n\n', source.length >> 1);
    expect(firstEntry(`${source.slice(0, at)}x${source.slice(at)}`, 2)).toBe(before);
    // A line break typed at the start of the issue, above the contents.
    const moved = firstEntry(`\n${source}`, 3);
    expect(moved).not.toBe(before);
    expect(moved).toEqual({
      ...before,
      range: {
        start: { ...before.range.start, line: before.range.start.line + 1 },
        end: { ...before.range.end, line: before.range.end.line + 1 },
      },
      selectionRange: {
        start: { ...before.selectionRange.start, line: before.selectionRange.start.line + 1 },
        end: { ...before.selectionRange.end, line: before.selectionRange.end.line + 1 },
      },
    });
  });

  test('after random edits, the links found article by article are the URLs a search of the whole text finds, URLs typed into articles included', () => {
    const source = sample();
    // The definition: every URL of the text, searched whole, without the sentence's punctuation after it.
    const everyUrl = (text: string) =>
      [...text.matchAll(/\b(?:https?:\/\/|mailto:)[^\s<>()"“”‘’]+/g)].map((m) => {
        const target = m[0].replace(/[.,;:!?'’]+$/, '');
        return { start: m.index, end: m.index + target.length, target };
      });
    const url = fc.record({
      at: fc.nat({ max: source.length }),
      remove: fc.nat({ max: 3 }),
      insert: fc.constantFrom(' http://iwpr.net/x ', 'mailto:editor@iwpr.net.', '\nhttps://iwpr.net/a,b\n'),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(edit(source.length), url), { minLength: 1, maxLength: 6 }), (edits) => {
        const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
        let doc = TextDocument.create('file:///issue.bulletin', 'bulletin', 1, source);
        const urls = (d: TextDocument) =>
          documentLinks(analyses.context(analyses.get(d)), d)
            .filter((l) => !l.target!.startsWith('file:'))
            .map((l) => ({ start: d.offsetAt(l.range.start), end: d.offsetAt(l.range.end), target: l.target }));
        expect(urls(doc)).toHaveLength(13);
        for (const e of edits) {
          doc = TextDocument.create(doc.uri, 'bulletin', doc.version + 1, apply(doc.getText(), e));
          expect(urls(doc)).toEqual(everyUrl(doc.getText()));
        }
      }),
      { numRuns: 100 },
    );
  });

  test('after random edits, the folding made with its memo equals a fresh one, lines moved by same-length edits included', () => {
    const source = sample();
    const replace = fc.record({ at: fc.nat({ max: source.length }), remove: fc.constant(1), insert: fc.constantFrom('\n', 'x', '\n\n') });
    fc.assert(
      fc.property(fc.array(fc.oneof(edit(source.length), replace), { minLength: 1, maxLength: 6 }), (edits) => {
        const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
        const folding = (doc: TextDocument) => {
          const analysis = analyses.get(doc);
          return foldingRanges(
            analysis.doc,
            doc,
            analyses.keptFor(analysis, 'folding', () => new FoldingMemo()),
          );
        };
        let doc = TextDocument.create('file:///issue.bulletin', 'bulletin', 1, source);
        folding(doc);
        for (const e of edits) {
          doc = TextDocument.create(doc.uri, 'bulletin', doc.version + 1, apply(doc.getText(), e));
          expect(folding(doc)).toEqual(foldingRanges(parseBulletin(doc.getText()), doc));
        }
      }),
      { numRuns: 100 },
    );
  });

  test("the folding memo reuses an unchanged article's ranges, and moves them when lines above it are added", () => {
    const source = sample();
    const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
    const folding = (text: string, version: number) => {
      const doc = TextDocument.create('file:///issue.bulletin', 'bulletin', version, text);
      const analysis = analyses.get(doc);
      return foldingRanges(
        analysis.doc,
        doc,
        analyses.keptFor(analysis, 'folding', () => new FoldingMemo()),
      );
    };
    // The last article's: it folds as a region, and so do its interview turns of several paragraphs.
    const lastArticle = (ranges: readonly FoldingRange[]) => {
      const regions = ranges.filter((r) => r.kind === FoldingRangeKind.Region);
      const article = regions[regions.length - 2]!;
      return ranges.filter((r) => r.startLine >= article.startLine && r.endLine <= article.endLine);
    };
    const before = lastArticle(folding(source, 1));
    expect(before.length).toBeGreaterThan(1);
    const at = source.indexOf('\n\n', source.length >> 2);
    const typed = lastArticle(folding(`${source.slice(0, at)}x${source.slice(at)}`, 2));
    typed.forEach((range, i) => expect(range).toBe(before[i]));
    const broken = lastArticle(folding(`${source.slice(0, at)}\n${source.slice(at)}`, 3));
    expect(broken).toEqual(before.map((r) => ({ ...r, startLine: r.startLine + 1, endLine: r.endLine + 1 })));
    expect(broken[0]).not.toBe(before[0]);
  });

  test('a suggestion points to where its headline stands after an edit above it', () => {
    const article = (headline: string, body: string) => `${headline}\n\nStandfirst here.\n\nBy Dina Tokbaeva\n\n${body}\n`;
    const text = [article('POWER CUTS RETURN', 'Body (See Oil Worker Strikes.)'), article('OIL WORKERS STRIKE', 'Body.')].join('\n\n');
    const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
    const related = (source: string, version: number) =>
      analyses
        .problems(analyses.get(TextDocument.create('file:///a.bulletin', 'bulletin', version, source)))!
        .find((p) => p.code === 'xref.unresolved')?.related;
    const headline = (source: string) => ({ start: source.indexOf('OIL WORKERS STRIKE'), end: source.indexOf('OIL WORKERS STRIKE') + 18 });
    expect(related(text, 1)).toEqual([{ ...headline(text), message: 'Closest headline' }]);
    // Two characters typed before it, on a line of their own: no headline changes line.
    const edited = text.replace('Body (', 'Bodyxx (');
    expect(related(edited, 2)).toEqual([{ ...headline(edited), message: 'Closest headline' }]);
  });

  test('a line break typed above headlines resolves no cross-reference again, and the suggestion follows its headline', () => {
    const article = (headline: string, body: string) => `${headline}\n\nStandfirst here.\n\nBy Dina Tokbaeva\n\n${body}\n`;
    const text = [
      article('POWER CUTS RETURN', 'Body (See Oil Worker Strikes.) and (See Power Cuts Return.)'),
      article('GAS PRICES RISE', 'A body with no reference at all.'),
      article('OIL WORKERS STRIKE', 'Body.'),
    ].join('\n\n');
    const index = new WorkspaceIndex();
    const analyses = new Analyses(index, () => DEFAULT_PROFILE);
    const unresolved = (source: string, version: number) =>
      analyses
        .problems(analyses.get(TextDocument.create('file:///a.bulletin', 'bulletin', version, source)))!
        .filter((p) => p.code === 'xref.unresolved');
    expect(unresolved(text, 1).map((p) => p.related)).toEqual([
      [{ start: text.indexOf('OIL WORKERS STRIKE'), end: text.indexOf('OIL WORKERS STRIKE') + 18, message: 'Closest headline' }],
    ]);
    // The second article's line broken in two: the third headline is a line further down, its words the same.
    const edited = text.replace('with no reference', 'with no\nreference');
    let lookups = 0;
    const find = index.find.bind(index);
    index.find = (key) => (lookups++, find(key));
    const again = unresolved(edited, 2);
    expect(lookups).toBe(0);
    const at = edited.indexOf('OIL WORKERS STRIKE');
    expect(again.map((p) => p.related)).toEqual([[{ start: at, end: at + 18, message: 'Closest headline' }]]);
    expect(analyses.context(analyses.get(TextDocument.create('file:///a.bulletin', 'bulletin', 2, edited))).resolutions()).toHaveLength(2);
  });
});

describe('moving nodes in place', () => {
  // Every field an article or a block may have, once at least: a label, a headline with its country, a byline
  // with a place, a byline in the body, speaker turns, a sign-off, cross-references with a citation and a
  // conjunction; a notice header and both kinds of divider.
  const text = `**** NEW
Notice: http://example.org

********


SPECIAL REPORT:

KAZAKSTAN: OIL TOWN WAITS

Strikers wait for the promises made in spring.

By Almaz Rysaliev in Zhanaozen

IWPR: What do the strikers want?

Kasymov: Their jobs back.

By Dina Tokbaeva

More body (See Power Cuts Return, RCA No. 574, 24-Apr-09.) and (See Oil and Gas and Water.)

Almaz Rysaliev is an IWPR contributor.

**** www.iwpr.net ****
`;
  const doc = parseBulletin(text);
  const [article] = doc.articles;

  test('an article detached field by field equals one detached by walking every property, and shares no node with it', () => {
    const archive = ['rca-2009-04-574.bulletin', 'rca-2011-12-632.bulletin'].map((f) =>
      readFileSync(path.join(FIXTURES, 'archive', f), 'utf8'),
    );
    const articles = [article!, ...[sample(), clean(), ...archive].flatMap((t) => parseBulletin(t).articles)];
    for (const original of articles) {
      const copy = detachedArticle(original);
      expect(JSON.stringify(copy)).toBe(JSON.stringify(detached(original)));
      const nodes = new Set<unknown>();
      const walk = (value: unknown, into: (node: object) => void): void => {
        if (typeof value !== 'object' || value === null) return;
        into(value);
        for (const v of Object.values(value)) walk(v, into);
      };
      walk(original, (node) => nodes.add(node));
      walk(copy, (node) => expect(nodes.has(node)).toBe(false));
    }
  });

  test('the bulletin written for it has every field', () => {
    expect(article).toBeDefined();
    const a = article!;
    expect([
      a.label,
      a.headline?.country,
      a.standfirst,
      a.byline?.authors[0]?.place,
      a.signOff,
      a.strayBylines[0],
      a.turns[0],
    ]).not.toContain(undefined);
    expect(a.crossReferences.map((r) => [r.citation?.text, r.conjunctions.length])).toEqual([
      ['RCA No. 574, 24-Apr-09', 0],
      [undefined, 2],
    ]);
    expect(new Set(scanBlocks(text).map((b) => (b.type === 'divider' ? b.divider.kind : b.type)))).toEqual(
      new Set(['notice-header', 'paragraph', 'asterisks', 'url']),
    );
  });

  for (const delta of [7, -3]) {
    test(`an article moved ${delta} in place has every offset a copy shifted field by field has`, () => {
      for (const original of [article!, ...parseBulletin(sample()).articles, ...parseBulletin(clean()).articles]) {
        const expected = JSON.stringify(shifted(original, delta));
        const moved = detached(original);
        expect(movedArticleInPlace(moved, delta)).toBe(moved);
        expect(JSON.stringify(moved)).toBe(expected);
      }
    });

    test(`a contents entry moved ${delta} in place has every offset a copy shifted field by field has, but its paragraph's`, () => {
      const entries = [...parseBulletin(sample()).contents!.entries, ...parseBulletin(clean()).contents!.entries];
      expect(entries.filter((e) => e.headline && e.standfirst && e.byline).length).toBeGreaterThanOrEqual(3);
      for (const original of entries) {
        const withoutParagraph = (entry: ContentsEntry): string => JSON.stringify(Object.assign({}, entry, { paragraph: undefined }));
        const expected = withoutParagraph(shifted(original, delta));
        const moved = detached(original);
        const paragraph = JSON.stringify(moved.paragraph);
        expect(movedContentsEntryInPlace(moved, delta)).toBe(moved);
        expect(withoutParagraph(moved)).toBe(expected);
        expect(JSON.stringify(moved.paragraph)).toBe(paragraph);
      }
    });

    test(`a block moved ${delta} in place has every offset a copy shifted field by field has`, () => {
      for (const original of scanBlocks(text)) {
        const expected = JSON.stringify(shifted(original, delta));
        const moved = detached(original);
        expect(movedBlockInPlace(moved, delta)).toBe(moved);
        expect(JSON.stringify(moved)).toBe(expected);
      }
    });
  }
});

describe("what is read from an edited article's paragraphs", () => {
  /** The sample, and a place in the body of an article in its middle, with the paragraphs before and after it there. */
  const setting = () => {
    const text = sample();
    const doc = parseBulletin(text);
    const article = doc.articles[Math.floor(doc.articles.length / 2)]!;
    const middle = article.body[Math.floor(article.body.length / 2)]!;
    return { text, at: middle.start + 5, article: doc.articles.indexOf(article) };
  };

  test('the parse keeps the paragraphs of the edited article that the edit left alone, each the same object, moved', () => {
    const { text, at, article } = setting();
    const cache = new ParseCache();
    const before = parseBulletin(text, undefined, cache);
    const spans = before.paragraphs.map((p) => [p.start, p.end]);
    const objects = [...before.paragraphs];
    const after = parseBulletin(`${text.slice(0, at)}xy${text.slice(at)}`, undefined, cache);
    const edited = after.articles[article]!;
    const own = after.paragraphs.filter((p) => p.start >= edited.start && p.end <= edited.end);
    const kept = own.filter((p) => objects.includes(p));
    // All but the edited paragraph; those after the edit moved by the two characters typed.
    expect(kept.length).toBe(own.length - 1);
    for (const p of kept) {
      const [start, end] = spans[objects.indexOf(p)]!;
      expect([p.start, p.end]).toEqual(p.start > at ? [start! + 2, end! + 2] : [start, end]);
    }
    // The article parsed again holds copies; each is found as the document's own paragraph.
    for (const copy of edited.body) {
      const parsed = parsedParagraph(after, copy);
      expect(parsed && after.paragraphs.includes(parsed)).toBe(true);
      expect([parsed!.start, parsed!.end]).toEqual([copy.start, copy.end]);
    }
    expect(parsedParagraph(after, { ...edited.body[0]!, end: edited.body[0]!.end - 1 })).toBeUndefined();
  });

  test('a result is read again only for the edited paragraph, and for every paragraph once the assumptions change', () => {
    const { text, at, article } = setting();
    const cache = new ParseCache();
    const results = new ArticleResults();
    let reads = 0;
    const readAll = (doc: BulletinDocument, assumptions: string): void => {
      results.nextRound(assumptions, doc.articles);
      const edited = doc.articles[article]!;
      for (const paragraph of doc.paragraphs)
        if (paragraph.start >= edited.start && paragraph.end <= edited.end)
          expect(results.ofParagraph('length', paragraph, () => (reads++, paragraph.end - paragraph.start))).toBe(
            paragraph.end - paragraph.start,
          );
    };
    const first = parseBulletin(text, undefined, cache);
    readAll(first, 'width 72');
    const paragraphs = reads;
    expect(paragraphs).toBeGreaterThan(3);
    reads = 0;
    readAll(parseBulletin(`${text.slice(0, at)}x${text.slice(at)}`, undefined, cache), 'width 72');
    expect(reads).toBe(1);
    reads = 0;
    readAll(parseBulletin(`${text.slice(0, at)}xz${text.slice(at)}`, undefined, cache), 'width 73');
    expect(reads).toBe(paragraphs);
  });
});

describe('edits logged by the document sync', () => {
  const uri = 'file:///issue.bulletin';
  const commonPrefix = (a: string, b: string): number => {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  const commonSuffix = (a: string, b: string): number => {
    let n = 0;
    while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
    return n;
  };
  /** One notification's changes: ranges as a client sends them (start or end first), or now and then the whole text. */
  const notification = fc.array(fc.oneof({ weight: 9, arbitrary: edit(4000) }, { weight: 1, arbitrary: fc.constant(undefined) }), {
    minLength: 1,
    maxLength: 3,
  });
  const changesOf = (document: TextDocument, edits: readonly (Edit | undefined)[], backwards: boolean) => {
    // Each change applies to the text the ones before it leave.
    let text = document.getText();
    return edits.map((e) => {
      const before = TextDocument.create(uri, 'bulletin', 0, text);
      text = e ? apply(text, e) : text.slice(0, text.length >> 1);
      if (!e) return { text };
      const start = before.positionAt(Math.min(e.at, before.getText().length));
      const end = before.positionAt(Math.min(before.getText().length, e.at + e.remove));
      return { range: backwards ? { start: end, end: start } : { start, end }, text: e.insert };
    });
  };

  test('what the log says is unchanged at either end never exceeds what is', () => {
    const source = sample();
    fc.assert(
      fc.property(fc.array(fc.tuple(notification, fc.boolean()), { minLength: 1, maxLength: 5 }), (notifications) => {
        const log = new EditLog();
        const sync = syncedDocuments(log);
        let document = sync.create(uri, 'bulletin', 1, source);
        for (const [edits, backwards] of notifications) {
          document = sync.update(document, changesOf(document, edits, backwards), document.version + 1);
          const text = document.getText();
          const known = log.since(uri, 1, document.version, text.length);
          expect(known).toBeDefined();
          expect(known!.prefix).toBeLessThanOrEqual(commonPrefix(source, text));
          expect(known!.suffix).toBeLessThanOrEqual(commonSuffix(source, text));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('a single edit is located exactly', () => {
    const log = new EditLog();
    const sync = syncedDocuments(log);
    const document = sync.create(uri, 'bulletin', 1, 'one two\nthree four\n');
    sync.update(document, [{ range: { start: { line: 1, character: 6 }, end: { line: 1, character: 10 } }, text: 'five six' }], 2);
    expect(document.getText()).toBe('one two\nthree five six\n');
    expect(log.since(uri, 1, 2, document.getText().length)).toEqual({ prefix: 14, suffix: 1 });
    // Asked about other versions, or a text of another length, it knows nothing.
    expect(log.since(uri, 1, 3, document.getText().length)).toBeUndefined();
    expect(log.since(uri, 0, 2, document.getText().length)).toBeUndefined();
    expect(log.since(uri, 1, 2, 3)).toBeUndefined();
  });

  test('after edits through the sync, the analysis that uses the log finds what a fresh parse and check find', () => {
    const source = sample();
    fc.assert(
      fc.property(fc.array(fc.tuple(notification, fc.boolean()), { minLength: 1, maxLength: 4 }), (notifications) => {
        const log = new EditLog();
        const sync = syncedDocuments(log);
        const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE, undefined, log);
        let document = sync.create(uri, 'bulletin', 1, source);
        analyses.problems(analyses.get(document));
        for (const [edits, backwards] of notifications) {
          document = sync.update(document, changesOf(document, edits, backwards), document.version + 1);
          const analysis = analyses.get(document);
          const fresh = analyse(document.getText(), { uri });
          expect(JSON.stringify(analysis.doc)).toBe(JSON.stringify(fresh.doc));
          expect(JSON.stringify(analyses.problems(analysis))).toBe(JSON.stringify(runChecks(fresh.context)));
        }
      }),
      { numRuns: 60 },
    );
  });
});
