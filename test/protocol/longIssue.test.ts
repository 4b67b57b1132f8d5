// A long issue in an editor that underlines only a file's first 500 diagnostics (VS Code): what the user types
// near its end is among them, published or pulled, and typing on in that place leaves a pulled report unchanged.
import { afterEach, expect, test } from 'vitest';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { EDITOR_UNDERLINES } from '../../server/src/features/diagnosticsOrder';
import { longIssue } from '../support/fixture';
import { TestClient } from '../support/lspClient';

const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.stop();
});

const text = longIssue();
const at = text.lastIndexOf('The conflagration can spread.');
const line = text.slice(0, at).split('\n').length - 1;
// "The conflagration" made "so so fire": a doubled word, on a line no longer than it was.
const typing = { range: { start: { line, character: 0 }, end: { line, character: 'The conflagration'.length } }, text: 'so so fire' };
const uri = 'file:///long.bulletin';

const doubledHere = (d: Diagnostic): boolean => d.code === 'style.doubled-word' && d.range.start.line === line;

test('published: a doubled word typed near the end of a long issue is among the first 500 diagnostics', async () => {
  const client = await TestClient.start();
  clients.push(client);
  client.open(uri, text);
  const opened = await client.diagnosticsFor(uri, 1);
  expect(opened.length).toBeGreaterThan(EDITOR_UNDERLINES + 100);
  const version = client.change(uri, [typing]);
  const typed = await client.diagnosticsFor(uri, version);
  expect(typed).toHaveLength(opened.length + 1);
  expect(opened.some(doubledHere)).toBe(false);
  expect(typed.slice(0, EDITOR_UNDERLINES).some(doubledHere)).toBe(true);
});

test('pulled: the same, and the next keystroke in that place is answered "unchanged"', async () => {
  const client = await TestClient.start({ pull: true });
  clients.push(client);
  client.open(uri, text);
  const pull = (previousResultId?: string) =>
    client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  const opened = await pull();
  if (opened.kind !== 'full') throw new Error('the first report is full');
  client.change(uri, [typing]);
  const typed = await pull(opened.resultId);
  if (typed.kind !== 'full') throw new Error('a new finding makes a full report');
  expect(typed.items.slice(0, EDITOR_UNDERLINES).some(doubledHere)).toBe(true);
  // A letter typed in the word after them changes no finding, and no order.
  const inWord = { line, character: 'so so fire'.length };
  client.change(uri, [{ range: { start: inWord, end: inWord }, text: 's' }]);
  expect((await pull(typed.resultId)).kind).toBe('unchanged');
});
