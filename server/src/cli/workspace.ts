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
import { sendReport } from '../features/sendReport';
import { loadProfile, PROFILE_NAMES } from '../profile/load';
import { DEFAULT_PROFILE } from '../profile/profile';
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
  for (const l of loaded) index.set(summarize(l.doc, l.uri, l.positions, profile.initials));
  return loaded.map((l) => {
    const context = createCheckContext(l.doc, l.uri, index, profile);
    const problems = runChecks(context);
    return { path: displayPath(l.path), problems, positions: l.positions, summary: sendReport(context, problems) };
  });
}

/** The nearest bulletin.json (or .bulletin.json) in the folder or above it. */
export async function findProfile(folder: string): Promise<string | undefined> {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    for (const name of PROFILE_NAMES) {
      const candidate = path.join(dir, name);
      if (
        await fs.stat(candidate).then(
          (s) => s.isFile(),
          () => false,
        )
      )
        return candidate;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export interface ProfileLoad {
  readonly profile: typeof DEFAULT_PROFILE;
  /** `file:line:col: severity message` for each problem of the profile. */
  readonly problems: readonly { readonly line: string; readonly error: boolean }[];
}

export async function readProfile(file: string | undefined): Promise<ProfileLoad> {
  if (!file) return { profile: DEFAULT_PROFILE, problems: [] };
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the profile ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const read = (uri: string): Promise<string | undefined> =>
    fs.readFile(URI.parse(uri).fsPath, 'utf8').then(
      (t) => t,
      () => undefined,
    );
  const loaded = await loadProfile(URI.file(path.resolve(file)).toString(), text, read);
  const positions = new LineIndex(text);
  return {
    profile: loaded.profile,
    problems: loaded.problems.map((p) => {
      const at = positions.positionAt(p.start);
      return {
        line: `${displayPath(path.resolve(file))}:${at.line + 1}:${at.character + 1}: ${p.severity} profile.invalid: ${p.message}`,
        error: p.severity === 'error',
      };
    }),
  };
}
