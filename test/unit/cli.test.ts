import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../server/src/cli/main';
import { CLEAN_PATH, SAMPLE_PATH, clean } from '../support/fixture';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('bulletin check', () => {
  test('the sample: one line per problem, a total, exit 1 for errors', async () => {
    const { code, out } = await cli('check', SAMPLE_PATH);
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(64);
    expect(lines).toContain(
      `${path.relative(process.cwd(), SAMPLE_PATH)}:922:29: warning footer.copyright-year: Copyright year 2009 is not the issue's year, 2011 (from the file name).`,
    );
    expect(lines[lines.length - 1]).toBe('7 errors, 48 warnings, 8 hints in 1 file.');
  });

  test('a clean bulletin exits 0', async () => {
    expect(await cli('check', CLEAN_PATH)).toMatchObject({ code: 0, out: '0 errors, 0 warnings in 1 file.\n' });
  });

  test('JSON for scripts, with 1-based lines and columns', async () => {
    const { code, out } = await cli('check', '--format', 'json', SAMPLE_PATH);
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      files: { problems: { code: string; line: number; column: number; endColumn: number }[] }[];
      totals: Record<string, number>;
    };
    expect(report.totals).toEqual({ error: 7, warning: 48, information: 0, hint: 8 });
    expect(report.files[0]!.problems.find((p) => p.code === 'xref.malformed')).toMatchObject({ line: 307, column: 10, endColumn: 60 });
  });

  test('a folder: its bulletins, with cross-references resolved between them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-cli-'));
    const article = (headline: string, body: string) => `${headline}\n\nStandfirst.\n\nBy Dina Tokbaeva\n\n${body}\n`;
    writeFileSync(path.join(dir, 'a.bulletin'), article('POWER CUTS RETURN', 'Body.'));
    writeFileSync(path.join(dir, 'b.bulletin'), article('SECOND STORY', 'See it (See Power Cuts Return.) and (See Nowhere Story.)'));
    writeFileSync(path.join(dir, 'notes.txt'), 'Just some notes, not a bulletin.\n');
    const { out } = await cli('check', dir);
    expect(out).toContain('b.bulletin:7:42: warning xref.unresolved: Unresolved cross-reference: no article headlined “Nowhere Story”');
    expect(out).not.toContain('Power Cuts Return”');
    expect(out).not.toContain('notes.txt');
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/in 2 files\.$/);
  });

  test('bad usage and unreadable files exit 2 with a clear message', async () => {
    const cases: [string[], string][] = [
      [['check'], 'check needs at least one file or folder'],
      [['check', '--format', 'xml', SAMPLE_PATH], 'unknown format “xml”'],
      [['check', '/no/such/file.bulletin'], 'cannot read /no/such/file.bulletin'],
      [['frobnicate'], 'unknown command “frobnicate”'],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toContain(message);
    }
  });
});

describe('bulletin outline', () => {
  test('prints the outline with line numbers', async () => {
    const { code, out } = await cli('outline', CLEAN_PATH);
    expect(code).toBe(0);
    expect(out).toContain(
      'SPECIAL REPORT — Section  (line 63)\n  TAJIKISTAN: A WINTER WITHOUT POWER — Saule Mukhametrakhimova  (line 65)\n',
    );
    expect(clean().split('\n')[64]).toBe('TAJIKISTAN: A WINTER WITHOUT POWER');
  });
});

describe('the built CLI', () => {
  test('runs as a program with the documented exit codes', () => {
    const cliPath = path.resolve(__dirname, '../../dist/cli.js');
    expect(spawnSync(process.execPath, [cliPath, 'check', CLEAN_PATH]).status).toBe(0);
    expect(spawnSync(process.execPath, [cliPath, 'check', SAMPLE_PATH]).status).toBe(1);
    const bad = spawnSync(process.execPath, [cliPath, 'check', '/nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bulletin: cannot read /nope');
  });
});
