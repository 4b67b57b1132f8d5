// Reads the files to check and the archive around them, and runs the checks:
// the same code the language server runs, fed from the disk.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { createCheckContext } from '../checks/context';
import { runChecks } from '../checks/run';
import { LineIndex } from '../model/lineIndex';
import { parseBulletin } from '../model/parse';
import type { BulletinDocument } from '../model/types';
import { listBulletinFiles, readBulletin } from '../node/nodeFiles';
import { parseOptionsFor } from '../profile/parseOptions';
import type { Profile } from '../profile/profile';
import { WorkspaceIndex } from '../workspace/index';
import { summarize } from '../workspace/summary';
import type { FileReport } from './report';

export class UsageError extends Error {}

export interface Loaded {
  readonly path: string;
  readonly uri: string;
  readonly text: string;
  readonly doc: BulletinDocument;
  readonly positions: LineIndex;
}

/** The files named on the command line: files as given, folders searched for bulletins. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch {
      throw new UsageError(`cannot read ${p}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      for (const file of await listBulletinFiles(p)) if ((await readBulletin(file)) !== undefined) files.push(file);
    } else {
      files.push(p);
    }
  }
  return [...new Set(files.map((f) => path.resolve(f)))];
}

export async function load(file: string, profile: Profile): Promise<Loaded> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const uri = URI.file(file).toString();
  return { path: file, uri, text, doc: parseBulletin(text, parseOptionsFor(profile)), positions: new LineIndex(text) };
}

/** Relative to the working folder when inside it, else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** Checks the files against an index of them and of the other bulletins in their folders. */
export async function checkFiles(files: readonly string[], profile: Profile): Promise<FileReport[]> {
  const loaded = await Promise.all(files.map((f) => load(f, profile)));
  const index = new WorkspaceIndex();
  const given = new Set(files);
  for (const folder of new Set(files.map((f) => path.dirname(f)))) {
    for (const sibling of await listBulletinFiles(folder)) {
      if (given.has(sibling) || path.dirname(sibling) !== folder) continue;
      const text = await readBulletin(sibling);
      if (text === undefined) continue;
      index.set(summarize(parseBulletin(text, parseOptionsFor(profile)), URI.file(sibling).toString(), new LineIndex(text)));
    }
  }
  for (const l of loaded) index.set(summarize(l.doc, l.uri, l.positions));
  return loaded.map((l) => ({
    path: displayPath(l.path),
    problems: runChecks(createCheckContext(l.doc, l.uri, index, profile)),
    positions: l.positions,
  }));
}
