// Writes the generated parts of the README (the table of checks) from the
// built CLI, which reads the checks' own registry. `npm run docs`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const table = execFileSync(process.execPath, ['dist/cli.js', 'checks', '--format', 'markdown'], { encoding: 'utf8' }).trimEnd();
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- checks:start -->';
const end = '<!-- checks:end -->';
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < from) throw new Error('README.md lacks the checks markers');
writeFileSync('README.md', `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`);
