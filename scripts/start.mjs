// `npm start`: builds and packages the extension, then opens the sample
// bulletin in a real VS Code in the browser (code-server on 127.0.0.1).
// Ctrl+C stops code-server and everything it started.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { prepareProfile, ROOT, startCodeServer } from './code-server.mjs';

const run = (command, args) => execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });

run('bash', ['scripts/e2e-setup.sh']);
run('npm', ['run', '--silent', 'package']);
prepareProfile();

// The try-out workspace: the sample issue, a clean one and the two earlier issues it cites. Kept between runs.
const folder = path.join(ROOT, '.e2e', 'tryout');
mkdirSync(folder, { recursive: true });
const fixtures = path.join(ROOT, 'test', 'fixtures');
const files = [
  ['rca-2011-12-janaozen.txt', 'rca-2011-12-janaozen.bulletin'],
  ['clean.bulletin', 'clean.bulletin'],
  ['archive/rca-2009-04-574.bulletin', 'rca-2009-04-574.bulletin'],
  ['archive/rca-2011-12-632.bulletin', 'rca-2011-12-632.bulletin'],
];
for (const [from, to] of files) if (!existsSync(path.join(folder, to))) copyFileSync(path.join(fixtures, from), path.join(folder, to));

const port = process.env.PORT ? Number(process.env.PORT) : undefined;
const server = await startCodeServer(folder, port ? { port } : {});
const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
console.log(
  `\nVS Code with the Bulletin extension is running:\n\n  ${url}\n\nOpen rca-2011-12-janaozen.bulletin from the Explorer. Ctrl+C stops it.\n`,
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping code-server…');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await server.exited;
if (!stopping) {
  console.error(`code-server stopped on its own:\n${server.log().slice(-2000)}`);
  process.exit(1);
}
