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

/** A client that pulls diagnostics as VS Code does, with the long issue open, and its first report. */
async function pullingClient() {
  const client = await TestClient.start({ pull: true });
  clients.push(client);
  client.open(uri, text);
  const pull = (previousResultId?: string) =>
    client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  const opened = await pull();
  if (opened.kind !== 'full') throw new Error('the first report is full');
  return { client, pull, opened };
}

test('pulled: the same, and the next keystroke in that place is answered "unchanged"', async () => {
  const { client, pull, opened } = await pullingClient();
  client.change(uri, [typing]);
  const typed = await pull(opened.resultId);
  if (typed.kind !== 'full') throw new Error('a new finding makes a full report');
  expect(typed.items.slice(0, EDITOR_UNDERLINES).some(doubledHere)).toBe(true);
  // A letter typed in the word after them changes no finding, and no order.
  const inWord = { line, character: 'so so fire'.length };
  client.change(uri, [{ range: { start: inWord, end: inWord }, text: 's' }]);
  expect((await pull(typed.resultId)).kind).toBe('unchanged');
});

/** Our VS Code extension's notification: the editor shows these lines of the document. */
const shown = (client: TestClient, first: number, last: number): Promise<void> =>
  client.connection.sendNotification('bulletin/visibleRange', {
    textDocument: { uri },
    range: { start: { line: first, character: 0 }, end: { line: last, character: 0 } },
  });

const nearLine = (d: Diagnostic): boolean => Math.abs(d.range.start.line - line) <= 30;

test('published: scrolled near the end, unedited, the issue is published again with the lines shown first', async () => {
  const client = await TestClient.start();
  clients.push(client);
  client.open(uri, text);
  const opened = await client.diagnosticsFor(uri, 1);
  expect(opened.slice(0, EDITOR_UNDERLINES).some(nearLine)).toBe(false);
  expect(opened.some(nearLine)).toBe(true);
  await shown(client, line - 30, line + 30);
  const last = () => client.published.get(uri)!.at(-1)!;
  await client.waitFor(() => last().diagnostics.slice(0, EDITOR_UNDERLINES).some(nearLine));
  const again = last();
  expect(again.version).toBe(1);
  const key = (d: Diagnostic): string => JSON.stringify([d.range, d.code, d.message]);
  expect(again.diagnostics.map(key).sort()).toEqual(opened.map(key).sort());
});

test('pulled: lines already underlined ask for nothing; lines beyond them make the editor pull again, then unchanged', async () => {
  const { client, pull, opened } = await pullingClient();
  expect(opened.items.slice(0, EDITOR_UNDERLINES).some(nearLine)).toBe(false);
  const refreshes = (): number => client.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
  await client.indexed();
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const before = refreshes();
  // The top of the issue, whose diagnostics are underlined already: no refresh, before the answer to a request.
  await shown(client, 0, 60);
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  expect(refreshes()).toBe(before);
  // Its end: one refresh.
  await shown(client, line - 30, line + 30);
  await client.waitFor(() => refreshes() > before);
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  expect(refreshes()).toBe(before + 1);
  const scrolled = await pull(opened.resultId);
  if (scrolled.kind !== 'full') throw new Error('a new order makes a full report');
  expect(scrolled.items.slice(0, EDITOR_UNDERLINES).some(nearLine)).toBe(true);
  expect((await pull(scrolled.resultId)).kind).toBe('unchanged');
});

test('a malformed visibleRange is logged and ignored', async () => {
  const client = await TestClient.start();
  clients.push(client);
  client.open(uri, text);
  await client.diagnosticsFor(uri, 1);
  await client.connection.sendNotification('bulletin/visibleRange', { textDocument: { uri }, range: { start: { line: -1 } } });
  await client.connection.sendNotification('bulletin/visibleRange', null);
  await client.waitFor(
    () => client.notifications.filter((n) => JSON.stringify(n.params).includes('bulletin/visibleRange ignored')).length === 2,
  );
  const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
  expect(symbols.length).toBeGreaterThan(10);
});
