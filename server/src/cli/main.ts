// `bulletin check [--format text|json] PATH...` and `bulletin outline PATH`.
import { CHECKS } from '../checks/registry';
import { checksTable, profileSchema, settingsSchema } from '../docs/generated';
import { documentSymbols } from '../features/symbols';
import { version } from '../../../package.json';
import { formatOutline } from './outline';
import * as path from 'node:path';
import { count, JsonReport, noProblems, SarifReport, TextReport } from './report';
import type { Report } from './report';
import { checkFiles, expandPaths, findProfile, load, readProfile, UsageError } from './workspace';

const USAGE = `Usage:
  bulletin check [options] PATH...              check bulletins (files or folders)
      --format text|json|sarif                    output (text by default)
      --max-warnings N                            also fail when there are more than N warnings
      --profile FILE                              the publication profile (default: the nearest
                                                  bulletin.json above the files)
  bulletin outline PATH                         print a bulletin's outline
  bulletin checks [--format markdown|json]      list every check
  bulletin schema profile|settings              JSON schema of bulletin.json / the VS Code settings
  bulletin --version | --help

Exit status: 0 no errors (and no more warnings than --max-warnings), 1 errors found
(or too many warnings), 2 bad usage, an unreadable file or a broken profile.
`;

interface Output {
  out(text: string): void;
  err(text: string): void;
}

export async function run(argv: readonly string[], io: Output): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${version}\n`);
      return 0;
    }
    if (command === 'check') return await check(rest, io);
    if (command === 'outline') return await outline(rest, io);
    if (command === 'checks') return listChecks(rest, io);
    if (command === 'schema') return schema(rest, io);
    throw new UsageError(command ? `unknown command “${command}”` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`bulletin: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

async function check(args: readonly string[], io: Output): Promise<number> {
  let format = 'text';
  let maxWarnings = Infinity;
  let profileFile: string | undefined;
  const paths: string[] = [];
  const value = (i: number, name: string): string => {
    const v = args[i];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--format') {
      format = inline ?? value(++i, '--format');
      if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format “${format}” (text, json or sarif)`);
    } else if (name === '--max-warnings') {
      const raw = inline ?? value(++i, '--max-warnings');
      maxWarnings = Number(raw);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, not “${raw}”`);
    } else if (name === '--profile') {
      profileFile = inline ?? value(++i, '--profile');
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option “${arg}”`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError('check needs at least one file or folder');
  const files = await expandPaths(paths);
  if (files.length === 0) throw new UsageError(`no bulletins found in ${paths.join(', ')}`);
  const { profile, problems } = await readProfile(profileFile ?? (await findProfile(path.dirname(files[0]!))));
  for (const p of problems) io.err(`${p.line}\n`);
  if (problems.some((p) => p.error)) throw new UsageError('the publication profile has errors (see above)');
  const write = (chunk: string): void => io.out(chunk);
  const report: Report =
    format === 'json' ? new JsonReport(write) : format === 'sarif' ? new SarifReport(write, version) : new TextReport(write);
  const t = noProblems();
  await checkFiles(files, profile, (file) => {
    count(t, file);
    report.add(file);
  });
  report.end(t);
  return t.error > 0 || t.warning > maxWarnings ? 1 : 0;
}

function schema(args: readonly string[], io: Output): number {
  if (args[0] === 'profile') io.out(`${JSON.stringify(profileSchema(), null, 2)}\n`);
  else if (args[0] === 'settings') io.out(`${JSON.stringify(settingsSchema(), null, 2)}\n`);
  else throw new UsageError('schema needs "profile" or "settings"');
  return 0;
}

function listChecks(args: readonly string[], io: Output): number {
  const format = args[0] === '--format' ? args[1] : args[0]?.replace(/^--format=/, '');
  if (format === 'json') {
    io.out(
      `${JSON.stringify(
        CHECKS.map(({ code, severity, description, heuristic }) => ({ code, severity, description, heuristic })),
        null,
        2,
      )}\n`,
    );
  } else if (format === undefined || format === 'markdown') {
    io.out(`${checksTable(CHECKS)}\n`);
  } else {
    throw new UsageError(`unknown format “${format}” (markdown or json)`);
  }
  return 0;
}

async function outline(args: readonly string[], io: Output): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) throw new UsageError('outline needs exactly one file');
  const { profile } = await readProfile(await findProfile(path.dirname(path.resolve(args[0]!))));
  const loaded = load(args[0]!, profile);
  io.out(formatOutline(documentSymbols(loaded.doc, loaded.positions)));
  return 0;
}

if (require.main === module) {
  // A reader that stops early (`bulletin check … | head`) closes the pipe: the rest of the report has nowhere to
  // go, which is no error of ours. It is no longer written, but the files are still checked, so that the exit
  // code is the report's (a folder's report is written as its files are checked).
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  const out = (text: string): void => {
    if (!closed && !process.stdout.destroyed) process.stdout.write(text);
  };
  run(process.argv.slice(2), { out, err: (t) => process.stderr.write(t) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bulletin: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
