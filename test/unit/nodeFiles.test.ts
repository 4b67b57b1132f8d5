// The disk behind the workspace interface: only file: URIs reach it.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { URI, Utils } from 'vscode-uri';
import { isBulletinFile, MAX_INDEXED_BYTES, NodeFiles, readBulletin } from '../../server/src/node/nodeFiles';
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

test('isBulletinFile says what readBulletin would read: a named bulletin by its size, any other file by its text', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-files-'));
  const file = (name: string, text: string): string => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const cases = [
    file('issue.bulletin', 'not much of one'),
    file('issue.txt', sample()),
    file('notes.txt', 'Just some notes.\n'),
    file('huge.bulletin', 'a'.repeat(MAX_INDEXED_BYTES + 1)),
    path.join(dir, 'gone.bulletin'),
    dir,
  ];
  const told = cases.map(isBulletinFile);
  expect(told).toEqual([true, true, false, false, false, false]);
  expect(told).toEqual(cases.map((f) => readBulletin(f) !== undefined));
});

test('a named pipe named as a bulletin is not opened: that would hold the server until something wrote to it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-files-'));
  const fifo = path.join(dir, 'pipe.bulletin');
  execFileSync('mkfifo', [fifo]);
  // A writer after half a second, which waits for a reader to open the pipe: a read that opened it would end
  // then, with the text, and let the writer finish.
  const writer = spawn('sh', ['-c', `sleep 0.5; printf 'STORY\\n\\nBy Dina Tokbaeva\\n' > '${fifo}'`], { stdio: 'ignore' });
  const finished = new Promise<string>((resolve) => writer.once('exit', () => resolve('the writer finished')));
  try {
    expect(readBulletin(fifo)).toBeUndefined();
    expect(isBulletinFile(fifo)).toBe(false);
    const waited = new Promise<string>((resolve) => setTimeout(() => resolve('the writer still waits'), 1500));
    expect(await Promise.race([finished, waited])).toBe('the writer still waits');
  } finally {
    writer.kill('SIGKILL');
  }
});
