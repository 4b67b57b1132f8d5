// Reads the files to check and the archive around them, and runs the checks:
// the same code the language server runs, fed from the disk.
import { closeSync, fstatSync, openSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { createCheckContext } from '../checks/context';
import { runChecks } from '../checks/run';
import { LineIndex } from '../model/lineIndex';
import { parseBulletin } from '../model/parse';
import type { BulletinDocument } from '../model/types';
import { isBulletinFile, listBulletinFiles, readBulletin } from '../node/nodeFiles';
import { parseOptionsFor } from '../profile/parseOptions';
import { nextTurn } from '../protocol/turns';
import type { Profile } from '../profile/profile';
import { WorkspaceIndex } from '../workspace/index';
import { summarize } from '../workspace/summary';
import { sendReport } from '../features/sendReport';
import { loadProfile, PROFILE_NAMES } from '../profile/load';
import { DEFAULT_PROFILE } from '../profile/profile';
import { fileReport } from './report';
import type { FileReport } from './report';

export class UsageError extends Error {}

export interface Loaded {
  readonly path: string;
  readonly uri: string;
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
      for (const file of await listBulletinFiles(p)) if (isBulletinFile(file)) files.push(file);
    } else {
      files.push(p);
    }
  }
  return [...new Set(files.map((f) => path.resolve(f)))];
}

/**
 * A file to check: its text, whatever its name, and whether it is a regular file (not a pipe, `<(…)`). Read
 * synchronously, as the siblings indexed with it are (`readBulletin`), and one file at a time, as nothing is
 * gained by reading ahead of the parser what is read synchronously. With eight read ahead (these asynchronously,
 * through `readAhead` when it kept its reads in a Map), checking one issue of the bench's archive took 261–285 MB
 * resident against 187–199, and no less time (2.7–3.8 s either way, six runs by turns on 2026-12-08).
 */
function readGiven(file: string): { text: string; regular: boolean } {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const regular = fstatSync(fd).isFile();
    return { text: readFileSync(fd, 'utf8'), regular };
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function parsed(file: string, text: string, profile: Profile): Loaded {
  return { path: file, uri: URI.file(file).toString(), doc: parseBulletin(text, parseOptionsFor(profile)), positions: new LineIndex(text) };
}

export function load(file: string, profile: Profile): Loaded {
  return parsed(file, readGiven(file).text, profile);
}

/** Relative to the working folder when inside it, else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Checks the files against an index of them and of the other bulletins in their folders, and gives each file's
 * report to `reported`, in order. In two passes, each reading its files from the disk: the first indexes the
 * headlines and references of every bulletin, the second checks the files given. Only the index and one issue's
 * model are held at once: a folder of 2,000 issues, checked with all their models held, took over a gigabyte.
 */
export async function checkFiles(files: readonly string[], profile: Profile, reported: (report: FileReport) => void): Promise<void> {
  const index = new WorkspaceIndex();
  const given = new Set(files);
  const siblings: string[] = [];
  for (const folder of new Set(files.map((f) => path.dirname(f)))) {
    for (const sibling of await listBulletinFiles(folder))
      if (!given.has(sibling) && path.dirname(sibling) === folder) siblings.push(sibling);
  }
  const indexed = [...siblings, ...files];
  // What cannot be read twice (a pipe) is kept from the first pass: read again, it would be empty.
  const kept = new Map<string, string>();
  const readFirst = (file: string): string | undefined => {
    // A sibling that is no bulletin reads as undefined.
    if (!given.has(file)) return readBulletin(file);
    const { text, regular } = readGiven(file);
    if (!regular) kept.set(file, text);
    return text;
  };
  for (const file of indexed) {
    const text = readFirst(file);
    if (text === undefined) continue;
    const l = parsed(file, text, profile);
    index.set(summarize(l.doc, l.uri, l.positions, profile.initials));
  }
  for (let i = 0; i < files.length; i++) {
    const l = parsed(files[i]!, kept.get(files[i]!) ?? readGiven(files[i]!).text, profile);
    // Indexed anew as read now, should it have changed since the first pass.
    index.set(summarize(l.doc, l.uri, l.positions, profile.initials));
    const context = createCheckContext(l.doc, l.uri, index, profile);
    const problems = runChecks(context);
    reported(fileReport(displayPath(l.path), problems, l.positions, sendReport(context, problems)));
    // The files are read synchronously: without a turn of the event loop here, what a pipe cannot take at once
    // (its reader slower than the checks) would be held until the last file, and a reader gone away heard only then.
    await nextTurn();
  }
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
