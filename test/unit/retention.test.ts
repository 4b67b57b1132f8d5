// What the server keeps between versions of a document holds none of the old
// texts: V8 substrings are views into their whole text, so a headline kept from
// an early version would keep that version alive.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OutlineMemo, documentSymbols } from '../../server/src/features/symbols';
import { parseBulletin } from '../../server/src/model/parse';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { Analyses } from '../../server/src/workspace/analysis';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { sample } from '../support/fixture';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const heapAfterGc = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

test('editing every article of a long issue once keeps no old version of its text, checked and outlined', () => {
  const source = sample();
  const { articles } = parseBulletin(source);
  const region = source.slice(articles[0]!.start, articles[articles.length - 1]!.end);
  const text = `${source.slice(0, articles[0]!.start)}${Array(16).fill(region).join('\n\n\n')}${source.slice(articles[articles.length - 1]!.end)}`;
  const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
  let doc = TextDocument.create('file:///long.bulletin', 'bulletin', 1, text);
  const first = analyses.get(doc);
  analyses.problems(first);
  documentSymbols(
    first.doc,
    doc,
    analyses.keptFor(first, 'outline', () => new OutlineMemo()),
  );
  const before = heapAfterGc();
  const edited = first.doc.articles.map((a, i) => (a.body[0] ?? a).start + i);
  expect(edited.length).toBeGreaterThan(80);
  for (const at of edited) {
    const position = doc.positionAt(at);
    doc = TextDocument.update(doc, [{ range: { start: position, end: position }, text: 'x' }], doc.version + 1);
    const analysis = analyses.get(doc);
    analyses.problems(analysis);
    documentSymbols(
      analysis.doc,
      doc,
      analyses.keptFor(analysis, 'outline', () => new OutlineMemo()),
    );
  }
  const grown = heapAfterGc() - before;
  // One version of the text is 2 bytes a character; keeping one per article would be ninety times that.
  expect(grown).toBeLessThan(text.length * 2 * 10);
});

test('what is kept by paragraph and by contents entry for the next version holds none of the text it was read from', () => {
  // The wording of each mismatching entry is kept while the standfirsts stay as they are, and what the edited
  // article's paragraphs were found to hold while they do, for as many versions as the editor makes. A paragraph
  // of 4.8 million characters makes a version kept alive show.
  const source = sample();
  const at = source.indexOf('\n\n', source.indexOf('oil workers')) + 2;
  const version = (word: string): string => `${source.slice(0, at)}${`alpha beta gamma ${word}.\n`.repeat(200_000)}\n${source.slice(at)}`;
  const mismatches = (analyses: Analyses, text: string, v: number): number =>
    (analyses.problems(analyses.get(TextDocument.create('file:///large.bulletin', 'bulletin', v, text))) ?? []).filter(
      (p) => p.code === 'contents.standfirst-mismatch',
    ).length;
  const last = version('deltz');
  // The heap while a document edited twice is kept, then while the same text opened afresh is.
  const afterEdits = ((): number => {
    const edited = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
    expect(mismatches(edited, version('delta'), 1)).toBeGreaterThan(4);
    expect(mismatches(edited, version('delts'), 2)).toBeGreaterThan(4);
    expect(mismatches(edited, last, 3)).toBeGreaterThan(4);
    return heapAfterGc();
  })();
  const fresh = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
  expect(mismatches(fresh, last, 1)).toBeGreaterThan(4);
  // One version is 9.6 MB, 2 bytes a character: the edited document holds no more than the fresh one.
  expect(afterEdits - heapAfterGc()).toBeLessThan(last.length);
});
