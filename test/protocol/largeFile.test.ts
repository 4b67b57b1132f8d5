// A 50 MB document over the real protocol: a notice and the quick checks, and the server keeps answering.
import { afterEach, expect, test } from 'vitest';
import type { Diagnostic, DocumentSymbol, ShowMessageParams } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';
import { sample } from '../support/fixture';

const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});

test('a 50 MB bulletin gets a notice and the quick checks, not a frozen server', async () => {
  const client = await TestClient.start();
  clients.push(client);
  const uri = 'file:///archive/huge.bulletin';
  const issue = sample();
  const text = `${issue.repeat(Math.ceil(50e6 / issue.length))}\tlast line \n`;
  client.open(uri, text);
  const diagnostics: Diagnostic[] = await client.diagnosticsFor(uri, 1);
  const notice = diagnostics.find((d) => d.code === 'document.too-large');
  expect(notice?.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: issue.indexOf('\n') } });
  expect(notice?.message).toMatch(/^This document is 5\d\.\d MB/);
  expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['document.too-large', 'style.tab', 'style.trailing-whitespace']));
  const tab = text.lastIndexOf('\t');
  const line = text.slice(0, tab).split('\n').length - 1;
  expect(diagnostics.find((d) => d.code === 'style.tab')?.range.start).toEqual({ line, character: tab - text.lastIndexOf('\n', tab) - 1 });

  const shown = (): ShowMessageParams[] =>
    client.requests.filter((r) => r.method === 'window/showMessageRequest').map((r) => r.params as ShowMessageParams);
  const warnings = shown();
  expect(warnings).toHaveLength(1);
  expect(warnings[0]!.type).toBe(2);
  expect(warnings[0]!.message).toContain('huge.bulletin is 5');

  // Typing in it is answered; the notice is not repeated.
  const version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
  await client.diagnosticsFor(uri, version);
  expect(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
  expect(shown()).toHaveLength(1);

  // An ordinary bulletin next to it is checked in full.
  client.open('file:///archive/small.bulletin', issue);
  const small = await client.diagnosticsFor('file:///archive/small.bulletin', 1);
  expect(small.map((d) => d.code)).toContain('xref.unresolved');
}, 60000);
