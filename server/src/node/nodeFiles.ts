// WorkspaceFiles on the local disk.
import { promises as fs } from 'node:fs';
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

/** A regular file small enough to index. */
async function indexable(file: string): Promise<boolean> {
  const stat = await fs.stat(file);
  return stat.isFile() && stat.size <= MAX_INDEXED_BYTES;
}

/** True when `readBulletin` would give the file's text; a file named as a bulletin is not read to tell. */
export async function isBulletinFile(file: string): Promise<boolean> {
  if (!isBulletinName(file)) return (await readBulletin(file)) !== undefined;
  return indexable(file).catch(() => false);
}

export async function readBulletin(file: string): Promise<string | undefined> {
  try {
    if (!(await indexable(file))) return undefined;
    const text = await fs.readFile(file, 'utf8');
    if (!isBulletinName(file) && !looksLikeBulletin(text)) return undefined;
    return text;
  } catch {
    return undefined;
  }
}

export class NodeFiles implements WorkspaceFiles {
  async list(folderUri: string, isCancelled?: () => boolean): Promise<string[]> {
    const folder = URI.parse(folderUri);
    // A virtual folder (vscode-vfs:, untitled:…) is not on this disk, whatever its path looks like.
    if (folder.scheme !== 'file') return [];
    const files = await listBulletinFiles(folder.fsPath, isCancelled);
    return files.map((f) => URI.file(f).toString());
  }

  async read(uri: string): Promise<string | undefined> {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? readBulletin(parsed.fsPath) : undefined;
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
