// What the client does when the server dies: restart, say so once, give up when it keeps dying.
import { expect, test } from 'vitest';
import { CrashPolicy } from '../../client/src/crashPolicy';

test('the first crash restarts the server and tells the user; later ones restart it silently', () => {
  let now = 0;
  const policy = new CrashPolicy(() => now);
  const first = policy.closed();
  expect(first).toMatchObject({ restart: true, severity: 'warning' });
  expect(first.message).toContain('stopped unexpectedly and was restarted');
  now += 60_000;
  expect(policy.closed()).toEqual({ restart: true });
});

test('a server that keeps crashing is left stopped, with the way to restart it by hand', () => {
  let now = 0;
  const policy = new CrashPolicy(() => now, 4, 180_000);
  for (let i = 0; i < 4; i++) {
    expect(policy.closed().restart).toBe(true);
    now += 10_000;
  }
  const fifth = policy.closed();
  expect(fifth).toMatchObject({ restart: false, severity: 'error' });
  expect(fifth.message).toContain('Bulletin: Restart Language Server');
  // Restarted by hand, it gets its restarts back, without a second "was restarted" notice.
  policy.reset();
  expect(policy.closed()).toEqual({ restart: true });
});

test('crashes far apart never exhaust the restarts', () => {
  let now = 0;
  const policy = new CrashPolicy(() => now, 4, 180_000);
  for (let i = 0; i < 20; i++) {
    expect(policy.closed().restart).toBe(true);
    now += 100_000;
  }
});
