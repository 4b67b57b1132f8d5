// `npm run bench`: bundles bench/run.ts and runs it (after the production build
// and the .vsix, whose sizes it reports). Writes bench/results.json.
// `node scripts/bench.mjs profile [bytes]` and `node scripts/bench.mjs keystroke [bytes]`
// instead print where the time of one full check (check by check), or of one keystroke (stage by stage and check
// by check), goes.
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';

const [tool = 'run', ...rest] = process.argv.slice(2);
if (!['run', 'profile', 'keystroke'].includes(tool)) throw new Error(`unknown bench tool: ${tool}`);
await esbuild.build({
  entryPoints: [`bench/${tool}.ts`],
  outfile: `bench/work/${tool}.js`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
execFileSync(process.execPath, ['--max-old-space-size=4096', `bench/work/${tool}.js`, process.cwd(), ...rest], { stdio: 'inherit' });
