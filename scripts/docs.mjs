// Writes what is generated from the code's own registries, through the built
// CLI: the README's table of checks, the settings in package.json and the JSON
// schema of bulletin.json. `npm run docs`; test/unit/docs.test.ts compares.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const cli = (...args) => execFileSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });

const table = cli('checks', '--format', 'markdown').trimEnd();
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- checks:start -->';
const end = '<!-- checks:end -->';
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < from) throw new Error('README.md lacks the checks markers');
writeFileSync('README.md', `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`);

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
manifest.contributes.configuration = JSON.parse(cli('schema', 'settings'));
writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);

mkdirSync('schemas', { recursive: true });
writeFileSync('schemas/bulletin-profile.schema.json', cli('schema', 'profile'));
