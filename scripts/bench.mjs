// `npm run bench`: bundles bench/run.ts and runs it (after the production build
// and the .vsix, whose sizes it reports). Writes bench/results.json.
// `node scripts/bench.mjs profile [bytes]` and `node scripts/bench.mjs keystroke [bytes]`
// instead print where the time of one full check (check by check), or of one keystroke (stage by stage and check
// by check), goes; `node scripts/bench.mjs ab REV [bytes]` times this checkout's code against revision REV's by
// turns in one process.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const [tool = 'run', ...rest] = process.argv.slice(2);
if (!['run', 'profile', 'keystroke', 'ab'].includes(tool)) throw new Error(`unknown bench tool: ${tool}`);
await esbuild.build({
  entryPoints: [`bench/${tool}.ts`],
  outfile: `bench/work/${tool}.js`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  plugins: tool === 'ab' ? [otherRevision(rest[0] ?? 'HEAD')] : [],
});
// The figures from a real VS Code, in a process of their own that run.ts starts: ESM, since the code-server script
// finds the project from its own path (import.meta.url), and so is left out of the bundle and imported from where it is.
if (tool === 'run')
  await esbuild.build({
    entryPoints: ['bench/editor.ts'],
    outfile: 'bench/work/editor.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    plugins: [
      {
        name: 'code-server-in-place',
        setup(build) {
          build.onResolve({ filter: /code-server\.mjs$/ }, (args) => ({
            path: pathToFileURL(path.resolve(args.resolveDir, args.path)).href,
            external: true,
          }));
        },
      },
    ],
  });
execFileSync(process.execPath, ['--max-old-space-size=4096', `bench/work/${tool}.js`, process.cwd(), ...rest], { stdio: 'inherit' });

/**
 * Bundles bench/abBase.ts as bench/inProcess.ts with its imports resolved in a worktree of revision `rev`
 * (bench/work/ab-base, made the first time, then moved to `rev`): bench/ab.ts then runs both revisions' code.
 */
function otherRevision(rev) {
  const tree = path.resolve('bench/work/ab-base');
  // Named here, in this checkout: in the worktree, HEAD would be the worktree's own.
  const commit = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], { encoding: 'utf8' }).trim();
  if (existsSync(tree)) execFileSync('git', ['-C', tree, 'checkout', '--quiet', '--detach', commit], { stdio: 'inherit' });
  else {
    // A worktree deleted with bench/work is still registered until pruned, and could not be added again.
    execFileSync('git', ['worktree', 'prune'], { stdio: 'inherit' });
    execFileSync('git', ['worktree', 'add', '--quiet', '--detach', tree, commit], { stdio: 'inherit' });
  }
  return {
    name: 'ab-base',
    setup(build) {
      build.onResolve({ filter: /^\.\/abBase$/ }, () => ({ path: path.join(tree, 'bench/inProcess.ts'), namespace: 'ab-base' }));
      build.onLoad({ filter: /.*/, namespace: 'ab-base' }, () => ({
        contents: readFileSync('bench/inProcess.ts', 'utf8'),
        loader: 'ts',
        resolveDir: path.join(tree, 'bench'),
      }));
    },
  };
}
