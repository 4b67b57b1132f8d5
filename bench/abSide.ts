// One side of `node scripts/bench.mjs ab`: the work the bench's in-process rows time, written once and bundled
// twice, against this checkout's server and against another revision's (whose imports resolve in its worktree).
// Only what both revisions export is used; what a revision lacks (forgetting what is remembered) is skipped.
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

/** A cold check as the bench times it: parse, every check, diagnostics, symbols and folding, nothing remembered. */
export function cold(text: string): void {
  remembered.forgetRememberedStrings?.();
  const uri = 'file:///bench/ab.bulletin';
  const doc = parseBulletin(text, parseOptionsFor(DEFAULT_PROFILE));
  const positions = new LineIndex(text);
  const index = new WorkspaceIndex();
  index.set(summarize(doc, uri, positions));
  toDiagnostics(runChecks(createCheckContext(doc, uri, index, DEFAULT_PROFILE)), positions, uri);
  documentSymbols(doc, positions);
  foldingRanges(doc, positions);
}

/** A letter typed (even `i`) or deleted (odd) at `offset` of a document kept open, then everything again. */
export function typist(text: string, offset: number): (i: number) => void {
  const uri = 'file:///bench/ab-typed.bulletin';
  const edits = new EditLog();
  const sync = syncedDocuments(edits);
  const analyses = new Analyses(
    new WorkspaceIndex(),
    () => DEFAULT_PROFILE,
    () => Infinity,
    edits,
  );
  let doc = sync.create(uri, 'bulletin', 1, text);
  analyses.problems(analyses.get(doc));
  return (i) => {
    const at = doc.positionAt(offset);
    const range = i % 2 === 0 ? { start: at, end: at } : { start: at, end: doc.positionAt(offset + 1) };
    doc = sync.update(doc, [{ range, text: i % 2 === 0 ? 'x' : '' }], doc.version + 1);
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
