// Features that read the whole archive, once the archive is indexed in the
// background: the client is asked again for what it showed before.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { FIXTURES } from '../support/fixture';
import { TestClient } from '../support/lspClient';

const NO574 = 'rca-2009-04-574.bulletin';
const NO632 = 'rca-2011-12-632.bulletin';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

test('once the archive is indexed, code lenses are asked for again and count the references of the whole archive', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-lenses-'));
  for (const name of [NO574, NO632]) copyFileSync(path.join(FIXTURES, 'archive', name), path.join(dir, name));
  const client = await TestClient.start({
    folder: dir,
    capabilities: { workspace: { workspaceFolders: true, codeLens: { refreshSupport: true } }, window: { workDoneProgress: true } },
  });
  cleanup.push(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const uri = URI.file(path.join(dir, NO574)).toString();
  const text = readFileSync(path.join(dir, NO574), 'utf8');
  client.open(uri, text);
  await client.waitFor(() => client.requests.some((r) => r.method === 'workspace/codeLens/refresh'));
  const listed = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  // Listed without their counts, which the editor asks for as it shows each lens.
  expect(listed.every((l) => l.command === undefined)).toBe(true);
  const lenses = await Promise.all(listed.map((l) => client.request<CodeLens>('codeLens/resolve', l)));
  const lines = text.split('\n');
  expect(lenses.map((l) => [l.range.start.line, l.command?.title])).toEqual([
    // Its contents entry, and the reference in No. 632 on disk.
    [lines.indexOf("KAZAKSTAN'S UNHAPPY OIL WORKERS"), '2 references'],
    [lines.indexOf('REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS'), '1 reference'],
  ]);
});
