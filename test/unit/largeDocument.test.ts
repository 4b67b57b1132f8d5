// Documents beyond the full-check limit get the quick checks and a notice, not a frozen editor; no check floods the editor.
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCheckContext } from '../../server/src/checks/context';
import { runChecks } from '../../server/src/checks/run';
import { MAX_DIAGNOSTICS_PER_CHECK, toDiagnostics } from '../../server/src/features/diagnostics';
import { documentSymbols } from '../../server/src/features/symbols';
import { parseBulletin } from '../../server/src/model/parse';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { Analyses } from '../../server/src/workspace/analysis';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { sample } from '../support/fixture';

const codes = (problems: readonly { code: string }[]): string[] => [...new Set(problems.map((p) => p.code))].sort();

describe('a document larger than the full-check limit', () => {
  const text = `${sample()}\tA tabbed line \n`;
  let limit = text.length - 1;
  const analyses = new Analyses(
    new WorkspaceIndex(),
    () => DEFAULT_PROFILE,
    () => limit,
  );

  test('gets only the quick checks, a notice on its first line and no outline', () => {
    const doc = TextDocument.create('file:///big.bulletin', 'bulletin', 1, text);
    const analysis = analyses.get(doc);
    expect(analysis.limited).toEqual({ size: text.length, limit });
    expect(analysis.doc.text).toBe(text);
    expect(analysis.doc.articles).toHaveLength(0);
    expect(documentSymbols(analysis.doc, doc)).toEqual([]);
    const problems = analyses.problems(analysis)!;
    expect(codes(problems)).toEqual(['document.too-large', 'style.tab', 'style.trailing-whitespace']);
    const notice = problems.find((p) => p.code === 'document.too-large')!;
    expect(notice).toMatchObject({ start: 0, end: text.indexOf('\n'), severity: 'information' });
    expect(notice.message).toContain('bulletin.fullChecks.maxMegabytes');
  });

  test('is checked in full again once the limit is raised', () => {
    limit = text.length;
    const doc = TextDocument.create('file:///big.bulletin', 'bulletin', 1, text);
    const analysis = analyses.get(doc);
    expect(analysis.limited).toBeUndefined();
    expect(analysis.doc.articles).toHaveLength(6);
    const found = codes(analyses.problems(analysis)!);
    expect(found).not.toContain('document.too-large');
    expect(found).toContain('xref.unresolved');
  });
});

test('an editor is shown at most a thousand diagnostics of one check; the checks themselves find them all', () => {
  const body = 'The the report was read. '.repeat(1500);
  const text = `KAZAKSTAN: OIL TOWN WAITS\n\nStrikers wait.\n\nBy Dina Tokbaeva\n\n${body}\n`;
  const doubled = (found: readonly { code?: unknown }[]): number => found.filter((p) => p.code === 'style.doubled-word').length;
  const all = runChecks(createCheckContext(parseBulletin(text), 'file:///many.bulletin', new WorkspaceIndex(), DEFAULT_PROFILE));
  expect(doubled(all)).toBe(1500);
  const analyses = new Analyses(new WorkspaceIndex(), () => DEFAULT_PROFILE);
  const document = TextDocument.create('file:///many.bulletin', 'bulletin', 1, text);
  const problems = analyses.problems(analyses.get(document))!;
  expect(doubled(problems)).toBe(1500);
  const diagnostics = toDiagnostics(problems, document, document.uri);
  expect(doubled(diagnostics)).toBe(MAX_DIAGNOSTICS_PER_CHECK);
  // The first ones, in document order; other checks keep all theirs.
  expect(diagnostics.filter((d) => d.code === 'style.doubled-word')[0]!.range.start).toEqual(document.positionAt(text.indexOf('The the')));
  expect(diagnostics.length).toBe(problems.length - 500);
});
