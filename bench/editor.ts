// The bench's figures from a real VS Code (code-server in headless Chromium, as the end-to-end tests run it), the
// sample opened as soon as the workbench shows, as a user opens an issue: how long the extension's activate()
// takes until its language server is ready, as it logs it, and how long from VS Code starting to activate the
// extension (as its extension host logs it) to the sample's first squiggles. Run by bench/run.ts in a process
// of its own; prints its figures as JSON, or which tools are missing.
import { rmSync } from 'node:fs';
import { lastReadyMilliseconds } from '../client/src/activationLog';
import { extensionLog, missingTools, prepareProfile, sessionLog, startCodeServer } from '../scripts/code-server.mjs';
import { launchBrowser, openFile, openWorkbench } from '../test/e2e/support/browser';
import { makeWorkspace, SAMPLE } from '../test/e2e/support/workspace';

/** Each round starts code-server anew, so that the extension is activated anew. */
const ROUNDS = 3;

/** Polls `read` until it gives a value. */
async function logged<T>(what: string, read: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 20000;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not logged within 20 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** When the extension host began activating the extension (its log's local time), in ms since the epoch. */
function activationStart(): number | undefined {
  const line =
    /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3}) \[info\] ExtensionService#_doActivateExtension bulletin-tools\.bulletin,/m.exec(
      sessionLog('remoteexthost.log'),
    );
  return line ? new Date(`${line[1]}T${line[2]}`).getTime() : undefined;
}

async function main(): Promise<void> {
  const missing = missingTools();
  if (missing.length > 0) return console.log(JSON.stringify({ missing }));
  prepareProfile();
  const folder = makeWorkspace();
  const browser = await launchBrowser();
  const activateToReadyMs: number[] = [];
  const activationToSquigglesMs: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startCodeServer(folder);
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      try {
        await openWorkbench(page, server.url, folder);
        await openFile(page, SAMPLE);
        await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60000 });
        const squiggles = Date.now();
        activationToSquigglesMs.push(squiggles - (await logged('the activation', activationStart)));
        activateToReadyMs.push(await logged('the language server ready', () => lastReadyMilliseconds(extensionLog())));
      } finally {
        await page.close();
        await server.stop();
      }
    }
  } finally {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ activateToReadyMs, activationToSquigglesMs }));
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
