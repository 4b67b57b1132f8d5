// The disk behind the workspace interface: only file: URIs reach it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { URI, Utils } from 'vscode-uri';
import { NodeFiles } from '../../server/src/node/nodeFiles';
import { sample } from '../support/fixture';

test('a virtual folder is never read from the local disk, even when its path exists here', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-files-'));
  writeFileSync(path.join(dir, 'issue.bulletin'), sample());
  const files = new NodeFiles();
  const local = URI.file(dir);
  expect(await files.list(local.toString())).toEqual([URI.file(path.join(dir, 'issue.bulletin')).toString()]);
  const virtual = local.with({ scheme: 'vscode-vfs', authority: 'github' });
  expect(await files.list(virtual.toString())).toEqual([]);
  expect(await files.read(Utils.joinPath(virtual, 'issue.bulletin').toString())).toBeUndefined();
  expect(await files.readText(Utils.joinPath(virtual, 'issue.bulletin').toString())).toBeUndefined();
});
