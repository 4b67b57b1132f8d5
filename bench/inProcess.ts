// The work the bench times in process, ours: a cold check and a keystroke. Written once for `npm run bench` and
// for `node scripts/bench.mjs ab`, which bundles it a second time with its imports resolved in another
// revision's worktree (bench/abBase.ts): only what both revisions export is used, and what a revision lacks
// (forgetting what is remembered) is skipped.
import type { Check } from '../server/src/checks/check';
import { createCheckContext } from '../server/src/checks/context';
import { runChecks } from '../server/src/checks/run';
import { toDiagnostics } from '../server/src/features/diagnostics';
import { FoldingMemo, foldingRanges } from '../server/src/features/folding';
import { OutlineMemo, documentSymbols } from '../server/src/features/symbols';
import * as detach from '../server/src/model/detach';
import { LineIndex } from '../server/src/model/lineIndex';
import { parseBulletin } from '../server/src/model/parse';
import { parseOptionsFor } from '../server/src/profile/parseOptions';
import { DEFAULT_PROFILE } from '../server/src/profile/profile';
import { syncedDocuments } from '../server/src/protocol/documents';
import { Analyses } from '../server/src/workspace/analysis';
import { EditLog } from '../server/src/workspace/editLog';
import { WorkspaceIndex } from '../server/src/workspace/index';
import { summarize } from '../server/src/workspace/summary';

const remembered = detach as { forgetRememberedStrings?: () => void };

/** Forgets what the server remembers by string for the next keystroke, as a document's first check has none of it. */
export function forget(): void {
  remembered.forgetRememberedStrings?.();
}

/** Ours: parse, every check (or only `checks`), diagnostics, symbols and folding, from scratch. */
export function cold(text: string, uri: string, checks?: readonly Check[]): void {
  const doc = parseBulletin(text, parseOptionsFor(DEFAULT_PROFILE));
  const positions = new LineIndex(text);
  const index = new WorkspaceIndex();
  index.set(summarize(doc, uri, positions));
  const problems = runChecks(createCheckContext(doc, uri, index, DEFAULT_PROFILE), { checks });
  toDiagnostics(problems, positions, uri);
  documentSymbols(doc, positions);
  foldingRanges(doc, positions);
}

/**
 * Ours after a keystroke, as the server does it, in a document kept open: `typed` (a letter) typed at `at` on
 * even `i`, deleted again on odd (through the server's document sync, which logs where), then diagnostics,
 * symbols and folding of the new version.
 */
export function typist(text: string, uri: string, typed = 'x'): (at: number, i: number) => void {
  const edits = new EditLog();
  const sync = syncedDocuments(edits);
  // Every size checked in full, as the cold figures are: no bulletin.fullChecks.maxMegabytes here.
  const analyses = new Analyses(
    new WorkspaceIndex(),
    () => DEFAULT_PROFILE,
    () => Infinity,
    edits,
  );
  let doc = sync.create(uri, 'bulletin', 1, text);
  analyses.problems(analyses.get(doc));
  return (offset, i) => {
    const at = doc.positionAt(offset);
    const range = i % 2 === 0 ? { start: at, end: at } : { start: at, end: doc.positionAt(offset + typed.length) };
    doc = sync.update(doc, [{ range, text: i % 2 === 0 ? typed : '' }], doc.version + 1);
    const analysis = analyses.get(doc);
    toDiagnostics(analyses.problems(analysis) ?? [], doc, uri);
    documentSymbols(
      analysis.doc,
      doc,
      analyses.keptFor(analysis, 'outline', () => new OutlineMemo()),
    );
    foldingRanges(
      analysis.doc,
      doc,
      analyses.keptFor(analysis, 'folding', () => new FoldingMemo()),
    );
  };
}
