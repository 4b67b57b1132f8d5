// An issue opened and typed in while a freshly started server indexes the archive: its outline and diagnostics do
// not wait for the index, and the index, which gives way to its checks, still completes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { sample } from '../support/fixture';
import { TestClient } from '../support/lspClient';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

/** The kind of a `$/progress` notification: begin, report or end. */
const progressKind = (n: { method: string; params: unknown }): string | undefined =>
  n.method === '$/progress' ? (n.params as { value?: { kind?: string } }).value?.kind : undefined;

test('an issue opened and typed in while the archive is indexed is checked at once, and the index still completes', async () => {
  // 600 copies of the sample: indexing them takes far longer than checking one.
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-indexing-'));
  const text = sample();
  for (let i = 0; i < 600; i++) writeFileSync(path.join(dir, `rca-${1000 + i}.bulletin`), text);
  const client = await TestClient.start({ folder: dir });
  cleanup.push(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const indexed = (): boolean => client.notifications.some((n) => progressKind(n) === 'end');
  await client.waitFor(() => client.notifications.some((n) => progressKind(n) === 'report'));
  const uri = URI.file(path.join(dir, 'new.bulletin')).toString();
  client.open(uri, text);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  expect(symbols.length).toBeGreaterThan(5);
  expect((await client.diagnosticsFor(uri, 1)).some((d) => d.code === 'xref.malformed')).toBe(true);
  expect(indexed()).toBe(false);
  // The broken cross-reference mended, then broken again: each version is checked while the index goes on.
  const broken = text.indexOf('Janaozen Violence,)');
  const at = { line: text.slice(0, broken).split('\n').length - 1, character: broken - text.lastIndexOf('\n', broken) - 1 };
  const comma = { start: { ...at, character: at.character + 17 }, end: { ...at, character: at.character + 18 } };
  let version = client.change(uri, [{ range: comma, text: '.' }]);
  expect((await client.diagnosticsFor(uri, version)).some((d) => d.code === 'xref.malformed')).toBe(false);
  version = client.change(uri, [{ range: comma, text: ',' }]);
  expect((await client.diagnosticsFor(uri, version)).some((d) => d.code === 'xref.malformed')).toBe(true);
  await client.waitFor(indexed, 25000);
});
