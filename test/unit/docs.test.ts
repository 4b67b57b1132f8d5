// The README's table of checks is the registry's, so the two cannot drift.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { CHECKS } from '../../server/src/checks/registry';
import { checksTable } from '../../server/src/checks/table';

test('the README lists every check as the registry does (npm run docs regenerates it)', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('<!-- checks:start -->') + '<!-- checks:start -->'.length,
    readme.indexOf('<!-- checks:end -->'),
  );
  expect(section.trim()).toBe(checksTable(CHECKS));
});

test('every check has a unique dotted code and a description', () => {
  const codes = CHECKS.map((c) => c.code);
  expect(new Set(codes).size).toBe(codes.length);
  for (const check of CHECKS) {
    expect(check.code).toMatch(/^[a-z]+\.[a-z-]+$/);
    expect(check.description.length).toBeGreaterThan(10);
  }
});
