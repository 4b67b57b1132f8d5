// What is generated from the registries (README table, settings, profile schema) matches them: they cannot drift.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { CHECKS } from '../../server/src/checks/registry';
import { checksTable, profileSchema, settingsSchema } from '../../server/src/docs/generated';

const root = path.resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

test('the README lists every check as the registry does (npm run docs regenerates it)', () => {
  const readme = read('README.md');
  const section = readme.slice(
    readme.indexOf('<!-- checks:start -->') + '<!-- checks:start -->'.length,
    readme.indexOf('<!-- checks:end -->'),
  );
  expect(section.trim()).toBe(checksTable(CHECKS));
});

test('the settings in package.json and the schema of bulletin.json are the generated ones', () => {
  const manifest = JSON.parse(read('package.json')) as { contributes: { configuration: unknown; jsonValidation: { url: string }[] } };
  expect(manifest.contributes.configuration).toEqual(settingsSchema());
  expect(JSON.parse(read('schemas/bulletin-profile.schema.json'))).toEqual(profileSchema());
  expect(manifest.contributes.jsonValidation[0]!.url).toBe('./schemas/bulletin-profile.schema.json');
});

test('every check has a unique dotted code and a description', () => {
  const codes = CHECKS.map((c) => c.code);
  expect(new Set(codes).size).toBe(codes.length);
  for (const check of CHECKS) {
    expect(check.code).toMatch(/^[a-z]+\.[a-z-]+$/);
    expect(check.description.length).toBeGreaterThan(10);
  }
});
