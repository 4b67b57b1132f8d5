import { describe, expect, test } from 'vitest';
import { readSettings, sameSettings } from '../../server/src/protocol/settings';
import { DEFAULT_FULL_CHECK_LIMIT } from '../../server/src/workspace/analysis';
import type { WorkspaceFiles } from '../../server/src/workspace/files';
import { Profiles } from '../../server/src/workspace/profiles';

describe('the user settings', () => {
  test('well-formed values are read, the rest left at their defaults', () => {
    expect(
      readSettings({
        checks: { 'style.tab': 'off', 'style.doubled-word': 'error', 'no.such-check': 'off', 'style.line-length': 'loud' },
        format: { reflow: 'all' },
        fullChecks: { maxMegabytes: 2 },
        statusBar: { enabled: false },
      }),
    ).toEqual({ checks: { 'style.tab': 'off', 'style.doubled-word': 'error' }, reflow: 'all', fullCheckLimit: 2_000_000 });
    for (const raw of [undefined, null, 'x', { fullChecks: { maxMegabytes: -1 }, format: { reflow: 'some' }, checks: 3 }])
      expect(readSettings(raw)).toEqual({ checks: {}, reflow: 'overlong', fullCheckLimit: DEFAULT_FULL_CHECK_LIMIT });
  });

  test('the extension’s own settings, or the same values again, are the same settings', () => {
    const raw = { checks: { 'style.tab': 'off', 'style.cut-off': 'hint' }, format: { reflow: 'overlong' } };
    expect(sameSettings(readSettings(raw), readSettings({ ...raw, statusBar: { enabled: false } }))).toBe(true);
    expect(sameSettings(readSettings(undefined), readSettings({ statusBar: { enabled: true } }))).toBe(true);
    const reordered = { checks: { 'style.cut-off': 'hint', 'style.tab': 'off' } };
    expect(sameSettings(readSettings(raw), readSettings(reordered))).toBe(true);
  });

  test('a check’s severity, one check more or less, the reflow or the size limit are other settings', () => {
    const base = readSettings({ checks: { 'style.tab': 'off' } });
    for (const raw of [
      { checks: { 'style.tab': 'hint' } },
      { checks: {} },
      { checks: { 'style.tab': 'off', 'style.cut-off': 'off' } },
      { checks: { 'style.cut-off': 'off' } },
      { checks: { 'style.tab': 'off' }, format: { reflow: 'all' } },
      { checks: { 'style.tab': 'off' }, fullChecks: { maxMegabytes: 1 } },
    ]) {
      expect(sameSettings(base, readSettings(raw))).toBe(false);
      expect(sameSettings(readSettings(raw), base)).toBe(false);
    }
  });
});

describe('the profile in force', () => {
  const files = (texts: Record<string, string>): WorkspaceFiles => ({
    list: () => Promise.resolve([]),
    read: (uri) => Promise.resolve(texts[uri]),
    readText: (uri) => Promise.resolve(texts[uri]),
    readsAhead: 1,
  });

  test('a folder with no bulletin.json keeps the very profile its documents had before it was read', async () => {
    const profiles = new Profiles(files({}));
    const doc = 'file:///ws/a.bulletin';
    const before = profiles.profileFor(doc);
    await profiles.load('file:///ws');
    expect(profiles.profileFor(doc)).toBe(before);
    profiles.setUserSettings({ checks: { 'style.tab': 'off' } });
    const withSettings = profiles.profileFor(doc);
    expect(withSettings).not.toBe(before);
    expect(withSettings.checks).toEqual({ 'style.tab': 'off' });
    await profiles.load('file:///ws');
    expect(profiles.profileFor(doc)).toBe(withSettings);
    expect(profiles.profileFor('file:///elsewhere/b.bulletin')).toBe(withSettings);
  });

  test('a folder’s bulletin.json gives its documents another profile, with the user’s checks on top', async () => {
    const profiles = new Profiles(files({ 'file:///ws/bulletin.json': '{ "emailWidth": 60, "checks": { "style.tab": "hint" } }' }));
    const doc = 'file:///ws/a.bulletin';
    const before = profiles.profileFor(doc);
    await profiles.load('file:///ws');
    expect(profiles.profileFor(doc)).not.toBe(before);
    expect(profiles.profileFor(doc).emailWidth).toBe(60);
    profiles.setUserSettings({ checks: { 'style.cut-off': 'off' } });
    expect(profiles.profileFor(doc).checks).toEqual({ 'style.tab': 'hint', 'style.cut-off': 'off' });
    expect(profiles.profileFor('file:///elsewhere/b.bulletin').emailWidth).toBeUndefined();
  });
});
