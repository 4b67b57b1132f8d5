// WorkspaceFiles on the local disk.
import { promises as fs, readFileSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { isBulletinName, isSniffedName, looksLikeBulletin } from '../workspace/files';
import type { WorkspaceFiles } from '../workspace/files';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Larger files are not bulletins an index should hold; they are still checked when opened. */
export const MAX_INDEXED_BYTES = 8 * 1024 * 1024;
/** Profiles and templates are small; anything bigger is not one. */
const MAX_TEXT_BYTES = 1024 * 1024;

export async function listBulletinFiles(root: string, isCancelled?: () => boolean): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    if (isCancelled?.()) break;
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && (isBulletinName(entry.name) || isSniffedName(entry.name))) {
        found.push(full);
      }
    }
  }
  return found.sort();
}

/** A regular file small enough to index: told by its status, so that a named pipe is never opened (it would block). */
function indexable(file: string): boolean {
  const stat = statSync(file);
  return stat.isFile() && stat.size <= MAX_INDEXED_BYTES;
}

/** True when `readBulletin` would give the file's text; a file named as a bulletin is not read to tell. */
export function isBulletinFile(file: string): boolean {
  if (!isBulletinName(file)) return readBulletin(file) !== undefined;
  try {
    return indexable(file);
  } catch {
    return false;
  }
}

/**
 * The file's text, where it is a bulletin small enough to index. Read synchronously, as tsserver reads a project's
 * files: a 50 KB issue takes a fraction of a millisecond, and each of the five asynchronous calls it took (status,
 * open, status, read, close) cost a trip through libuv's thread pool. On 2026-12-08 reading the bench's 2,000
 * issues took 0.41–0.48 s of CPU that way against 1.0–1.2 s (of which the server's own thread spent 0.7 s in
 * those calls), and the server indexed them in 3.2–3.9 s against 3.8–4.4 (three runs by turns), with 269–282 MB
 * resident against 252–257 (why, not found: perhaps V8 collects less with the thread never idle between reads).
 */
export function readBulletin(file: string): string | undefined {
  try {
    if (!indexable(file)) return undefined;
    const text = readFileSync(file, 'utf8');
    if (!isBulletinName(file) && !looksLikeBulletin(text)) return undefined;
    return text;
  } catch {
    return undefined;
  }
}

export class NodeFiles implements WorkspaceFiles {
  /**
   * One: bulletins are read synchronously (`readBulletin`), so a text read ahead only waits for the parser. (Eight
   * read ahead once cost the index 60–80 MB, from how `readAhead` kept them: see there.)
   */
  readonly readsAhead = 1;

  async list(folderUri: string, isCancelled?: () => boolean): Promise<string[]> {
    const folder = URI.parse(folderUri);
    // A virtual folder (vscode-vfs:, untitled:…) is not on this disk, whatever its path looks like.
    if (folder.scheme !== 'file') return [];
    const files = await listBulletinFiles(folder.fsPath, isCancelled);
    return files.map((f) => URI.file(f).toString());
  }

  read(uri: string): Promise<string | undefined> {
    const parsed = URI.parse(uri);
    return Promise.resolve(parsed.scheme === 'file' ? readBulletin(parsed.fsPath) : undefined);
  }

  async readText(uri: string): Promise<string | undefined> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    try {
      const stat = await fs.stat(parsed.fsPath);
      if (!stat.isFile() || stat.size > MAX_TEXT_BYTES) return undefined;
      return await fs.readFile(parsed.fsPath, 'utf8');
    } catch {
      return undefined;
    }
  }
}
