// A document edited version after version, as the server receives it: for the tests that what is kept from one
// version to the next finds what a fresh check finds.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Problem } from '../../server/src/checks/check';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { syncedDocuments } from '../../server/src/protocol/documents';
import { Analyses } from '../../server/src/workspace/analysis';
import { EditLog } from '../../server/src/workspace/editLog';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { allProblems, sample } from './fixture';

/** What a step does, and the edit: every step but the first must change the text. */
export type Step = readonly [what: string, edit: (text: string) => string];

export interface Checked {
  readonly what: string;
  readonly text: string;
  /** What the analysis kept from version to version found. */
  readonly mine: Problem[];
  /** What a fresh check of the same text finds. */
  readonly fresh: Problem[];
}

/**
 * The source edited step after step, each version checked as the server checks a document being edited (each
 * change through the document sync, the analysis reusing what the last version found) and checked afresh; `keep`
 * picks the problems given. The fresh checks run first: a fact remembered for the last document alone would find
 * nothing to reuse had another document been checked in between.
 */
export function checkedInTurn(steps: readonly Step[], keep: (problem: Problem) => boolean, source = sample()): Checked[] {
  const texts: string[] = [];
  for (const [what, edit] of steps) {
    const before = texts[texts.length - 1] ?? source;
    const after = edit(before);
    if (texts.length > 0 && after === before) throw new Error(`the step "${what}" changed nothing`);
    texts.push(after);
  }
  const uri = 'file:///issue.bulletin';
  const fresh = texts.map((text) => allProblems(text, { uri }).filter(keep));
  const log = new EditLog();
  const sync = syncedDocuments(log);
  const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE, undefined, log);
  let document = sync.create(uri, 'bulletin', 1, texts[0]!);
  return texts.map((text, i) => {
    if (i > 0) document = sync.update(document, [changeTo(document.getText(), text, document)], i + 1);
    return { what: steps[i]![0], text, mine: (analyses.problems(analyses.get(document)) ?? []).filter(keep), fresh: fresh[i]! };
  });
}

/** The one change that makes `before` into `after`: what lies between their common start and end. */
export function changeTo(before: string, after: string, positions: TextDocument): { range: Range; text: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  return {
    range: { start: positions.positionAt(start), end: positions.positionAt(before.length - end) },
    text: after.slice(start, after.length - end),
  };
}
