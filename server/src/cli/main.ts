// `bulletin check [--format text|json] PATH...` and `bulletin outline PATH`.
import { CHECKS } from '../checks/registry';
import { checksTable } from '../checks/table';
import { documentSymbols } from '../features/symbols';
import { DEFAULT_PROFILE } from '../profile/profile';
import { version } from '../../../package.json';
import { formatOutline } from './outline';
import { formatJson, formatText, totals } from './report';
import { checkFiles, expandPaths, load, UsageError } from './workspace';

const USAGE = `Usage:
  bulletin check [--format text|json] PATH...   check bulletins (files or folders)
  bulletin outline PATH                         print a bulletin's outline
  bulletin checks [--format markdown|json]      list every check
  bulletin --version | --help

Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable file.
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
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--format' || arg.startsWith('--format=')) {
      format = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[++i] ?? '');
      if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format “${format}” (text or json)`);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option “${arg}”`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError('check needs at least one file or folder');
  const files = await expandPaths(paths);
  if (files.length === 0) throw new UsageError(`no bulletins found in ${paths.join(', ')}`);
  const reports = await checkFiles(files, DEFAULT_PROFILE);
  io.out(format === 'json' ? formatJson(reports) : formatText(reports));
  return totals(reports).error > 0 ? 1 : 0;
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
  const loaded = await load(args[0]!, DEFAULT_PROFILE);
  io.out(formatOutline(documentSymbols(loaded.doc, loaded.positions)));
  return 0;
}

if (require.main === module) {
  run(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bulletin: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
