// The order diagnostics are sent in: VS Code underlines only the first 500 of a file, so those nearest to where
// the user last typed go first. And the edit log, which tells where that was.
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createCheckContext } from '../../server/src/checks/context';
import { runChecks } from '../../server/src/checks/run';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { EDITOR_UNDERLINES, nearestFirst } from '../../server/src/features/diagnosticsOrder';
import { LineIndex } from '../../server/src/model/lineIndex';
import { parseBulletin } from '../../server/src/model/parse';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { syncedDocuments } from '../../server/src/protocol/documents';
import { EditLog } from '../../server/src/workspace/editLog';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { longIssue } from '../support/fixture';

/** One diagnostic per line given, in order. */
function atLines(lines: number[]): Diagnostic[] {
  return lines.map((line) => ({ range: { start: { line, character: 0 }, end: { line, character: 1 } }, message: `line ${line}` }));
}

const lineOf = (d: Diagnostic): number => d.range.start.line;

describe('nearestFirst', () => {
  test('no more than the limit, or no line to be near: the very same array, in document order', () => {
    const few = atLines([1, 5, 9]);
    expect(nearestFirst(few, 5, 3)).toBe(few);
    const many = atLines([1, 5, 9, 12]);
    expect(nearestFirst(many, undefined, 3)).toBe(many);
  });

  test('the nearest first, as a run in document order, then the rest in document order', () => {
    const diagnostics = atLines([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(nearestFirst(diagnostics, 52, 3).map(lineOf)).toEqual([40, 50, 60, 0, 10, 20, 30, 70, 80, 90]);
    // Past the end: the last ones; before the first: the document's order already.
    expect(nearestFirst(diagnostics, 500, 3).map(lineOf)).toEqual([70, 80, 90, 0, 10, 20, 30, 40, 50, 60]);
    expect(nearestFirst(diagnostics, 0, 3)).toBe(diagnostics);
  });

  test('several on one line stay together, and every diagnostic is sent once', () => {
    const diagnostics = atLines([0, 3, 7, 7, 7, 8, 20, 21]);
    const ordered = nearestFirst(diagnostics, 7, 4);
    expect(ordered.slice(0, 4).map(lineOf)).toEqual([7, 7, 7, 8]);
    expect(new Set(ordered)).toEqual(new Set(diagnostics));
    expect(ordered).toHaveLength(diagnostics.length);
  });

  test('a long issue: the doubled word typed near its end is among the diagnostics VS Code underlines', () => {
    const text = longIssue();
    const last = text.lastIndexOf('The conflagration can spread.');
    expect(last).toBeGreaterThan(0);
    const typed = `${text.slice(0, last)}so so ${text.slice(last)}`;
    const positions = new LineIndex(typed);
    const doc = parseBulletin(typed);
    const problems = runChecks(createCheckContext(doc, 'file:///long.bulletin', new WorkspaceIndex(), DEFAULT_PROFILE));
    const diagnostics = toDiagnostics(problems, positions, 'file:///long.bulletin');
    expect(diagnostics.length).toBeGreaterThan(EDITOR_UNDERLINES + 100);
    const line = positions.positionAt(last).line;
    const doubled = (d: Diagnostic): boolean => d.code === 'style.doubled-word' && lineOf(d) === line;
    // In document order it comes long after the first 500.
    expect(diagnostics.findIndex(doubled)).toBeGreaterThan(EDITOR_UNDERLINES);
    const underlined = nearestFirst(diagnostics, line).slice(0, EDITOR_UNDERLINES);
    expect(underlined.some(doubled)).toBe(true);
  });
});

describe('EditLog.lastEditAt', () => {
  test('where the last edit ended, in the text it left; nothing for a document not edited, or replaced whole', () => {
    const edits = new EditLog();
    const sync = syncedDocuments(edits);
    let doc = sync.create('file:///a.bulletin', 'bulletin', 1, 'one\ntwo\nthree\n');
    expect(edits.lastEditAt(doc.uri)).toBeUndefined();
    doc = sync.update(doc, [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: 's' }], 2);
    expect(edits.lastEditAt(doc.uri)).toBe(doc.offsetAt({ line: 1, character: 4 }));
    // Two changes in one notification: the second one's end.
    doc = sync.update(
      doc,
      [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' },
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } }, text: 'THREE!' },
      ],
      3,
    );
    expect(doc.getText()).toBe('xone\ntwos\nTHREE!\n');
    expect(edits.lastEditAt(doc.uri)).toBe(doc.offsetAt({ line: 2, character: 6 }));
    doc = sync.update(doc, [{ text: 'all new\n' }], 4);
    expect(edits.lastEditAt(doc.uri)).toBeUndefined();
    doc = sync.update(doc, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, text: '' }], 5);
    expect(edits.lastEditAt(doc.uri)).toBe(3);
    edits.forget(doc.uri);
    expect(edits.lastEditAt(doc.uri)).toBeUndefined();
  });
});
