// The same server in a second, independent LSP client: Neovim 0.7 from Debian,
// which takes published (not pulled) diagnostics.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { FIXTURES, ROOT } from './support/paths';

interface Seen {
  readonly error?: string;
  readonly diagnostics: string[];
  readonly symbols: string[];
  readonly folds: [number, number][];
  readonly edited_line: number;
  readonly after_edit: string[];
  readonly edit_reported: boolean;
  /** "line title" of each code lens of the earlier issue, as resolved. */
  readonly lenses: string[];
}

test('Neovim: diagnostics arrive, the outline lists the articles, folding and a didChange round trip work, code lenses resolve', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-nvim-'));
  try {
    const file = path.join(dir, 'rca-2011-12-janaozen.bulletin');
    copyFileSync(path.join(FIXTURES, 'rca-2011-12-janaozen.txt'), file);
    // The earlier issue the sample cites, and the one that cites it too: its lenses count references in both.
    for (const name of ['rca-2009-04-574.bulletin', 'rca-2011-12-632.bulletin'])
      copyFileSync(path.join(FIXTURES, 'archive', name), path.join(dir, name));
    const lensed = path.join(dir, 'rca-2009-04-574.bulletin');
    const out = path.join(dir, 'seen.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(__dirname, 'neovim/client.lua')}`], {
      env: {
        ...process.env,
        BULLETIN_SERVER: path.join(ROOT, 'dist/server.js'),
        BULLETIN_FILE: file,
        BULLETIN_OUT: out,
        BULLETIN_LENSES: lensed,
      },
      encoding: 'utf8',
      timeout: 60000,
    });
    const seen = JSON.parse(readFileSync(out, 'utf8')) as Seen;
    expect(seen.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(seen.diagnostics).toHaveLength(63);
    expect(seen.diagnostics.filter((c) => c === 'headline.missing')).toHaveLength(6);
    expect(seen.symbols.filter((s) => s.startsWith('[untitled] '))).toHaveLength(6);
    expect(seen.symbols).toContain('Footer');
    expect(seen.folds.length).toBeGreaterThan(20);
    const sampleLines = readFileSync(file, 'utf8').split('\n');
    // The byline Neovim broke in its buffer (the file on disk is untouched).
    expect(sampleLines[seen.edited_line - 1]).toBe('By Saule Mukhametrakhimova');
    expect(seen.edit_reported).toBe(true);
    expect(seen.after_edit).toContain('byline.malformed');
    const lensLines = readFileSync(lensed, 'utf8').split('\n');
    // Its contents entry, No. 632's reference and the sample's two (the sample's as Neovim holds it, edited byline and all).
    expect(seen.lenses).toEqual([
      `${lensLines.indexOf("KAZAKSTAN'S UNHAPPY OIL WORKERS") + 1} 4 references`,
      `${lensLines.indexOf('REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS') + 1} 3 references`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
