// The bench's figures from a real VS Code (code-server in headless Chromium, as the end-to-end tests run it), the
// sample opened as soon as the workbench shows, as a user opens an issue: how long the extension's activate()
// takes until its language server is ready, as it logs it, and how long from VS Code starting to activate the
// extension (as its extension host logs it) to the sample's first squiggles. Then, typing in the sample and in a
// 1 MB issue: from a key's keydown in the page to the letter drawn, and to the squiggle it adds or removes drawn.
// Run by bench/run.ts in a process of its own; prints its figures as JSON, or which tools are missing.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { lastReadyMilliseconds } from '../client/src/activationLog';
import { extensionLog, missingTools, prepareProfile, sessionLog, startCodeServer } from '../scripts/code-server.mjs';
import { goTo, launchBrowser, openFile, openWorkbench } from '../test/e2e/support/browser';
import { makeWorkspace, SAMPLE } from '../test/e2e/support/workspace';
import { generate } from './generate';

/** Each round starts code-server anew, so that the extension is activated anew. */
const ROUNDS = 3;

/** Keystrokes timed in each document, after as many untimed. */
const KEYSTROKES = 20;
const WARM_UP = 4;

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

/** The 1-based line of a body paragraph's first line, past the middle of the text. */
function paragraphStartLine(text: string): number {
  const lines = text.split('\n');
  for (let i = lines.length >> 1; i < lines.length; i++)
    if (lines[i - 1] === '' && /^[A-Z][a-z]+ [a-z]/.test(lines[i]!) && (lines[i + 1] ?? '') !== '') return i + 1;
  throw new Error('no paragraph past the middle');
}

/** What the code run in the page uses of its globals. */
interface InPage {
  readonly document: {
    querySelectorAll(selector: string): { length: number };
    querySelector(selector: string): { textContent: string | null } | null;
  };
  addEventListener(type: string, listener: () => void, options: { capture: boolean; once: boolean }): void;
  readonly MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { subtree: boolean; childList: boolean; attributes: boolean }): void;
    disconnect(): void;
  };
  drawn?: Promise<Drawn | undefined>;
}

/** Milliseconds from a key's keydown to the text it typed drawn, and to the squiggle it made or mended drawn. */
interface Drawn {
  readonly text: number;
  readonly squiggle: number;
}

/**
 * At the start of the line, "so s " typed; then, in turn, "o" (a doubled word, "so so") and Backspace (none):
 * each time, from the key's keydown in the page to the lines shown changing (the letter drawn) and to the editor's
 * count of warning squiggles changing. Milliseconds of the timed keystrokes.
 */
async function keystrokesToSquiggles(page: Page, line: number): Promise<{ text: number[]; squiggle: number[] }> {
  await goTo(page, line, 1);
  await page.keyboard.type('so s ');
  await page.keyboard.press('ArrowLeft');
  await page.waitForTimeout(1500);
  const text: number[] = [];
  const squiggle: number[] = [];
  for (let i = 0; i < WARM_UP + KEYSTROKES; i++) {
    await page.evaluate(() => {
      // The page's globals, typed here: the bench is compiled without the DOM's types.
      const inPage = globalThis as unknown as InPage;
      const count = (): number => inPage.document.querySelectorAll('.monaco-editor .squiggly-warning').length;
      const shown = (): string | null | undefined => inPage.document.querySelector('.monaco-editor .view-lines')?.textContent;
      const squigglesBefore = count();
      const textBefore = shown();
      inPage.drawn = new Promise((resolve) => {
        let keydown = 0;
        let typed = 0;
        inPage.addEventListener('keydown', () => (keydown = performance.now()), { capture: true, once: true });
        const observer = new inPage.MutationObserver(() => {
          if (keydown === 0) return;
          if (typed === 0 && shown() !== textBefore) typed = performance.now() - keydown;
          if (count() !== squigglesBefore) {
            observer.disconnect();
            resolve({ text: typed, squiggle: performance.now() - keydown });
          }
        });
        observer.observe(inPage.document.querySelector('.monaco-editor'), { subtree: true, childList: true, attributes: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(undefined);
        }, 10000);
      });
    });
    await page.keyboard.press(i % 2 === 0 ? 'o' : 'Backspace');
    const drawn = await page.evaluate(() => (globalThis as unknown as InPage).drawn!);
    if (!drawn) throw new Error(`no squiggle changed within 10 s of keystroke ${i} at line ${line}`);
    if (i >= WARM_UP) {
      text.push(Math.round(drawn.text * 10) / 10);
      squiggle.push(Math.round(drawn.squiggle * 10) / 10);
    }
    await page.waitForTimeout(100);
  }
  return { text, squiggle };
}

async function main(): Promise<void> {
  const missing = missingTools();
  if (missing.length > 0) return console.log(JSON.stringify({ missing }));
  prepareProfile();
  const folder = makeWorkspace();
  const browser = await launchBrowser();
  const activateToReadyMs: number[] = [];
  const activationToSquigglesMs: number[] = [];
  let typing: { sample: { text: number[]; squiggle: number[] }; oneMegabyte: { text: number[]; squiggle: number[] } } | undefined;
  /** code-server started on the folder, and a page with its workbench, for `use`. */
  const session = async (use: (page: Page) => Promise<void>): Promise<void> => {
    const server = await startCodeServer(folder);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await openWorkbench(page, server.url, folder);
      await use(page);
    } finally {
      await page.close();
      await server.stop();
    }
  };
  try {
    for (let round = 0; round < ROUNDS; round++)
      await session(async (page) => {
        await openFile(page, SAMPLE);
        await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60000 });
        const squiggles = Date.now();
        activationToSquigglesMs.push(squiggles - (await logged('the activation', activationStart)));
        activateToReadyMs.push(await logged('the language server ready', () => lastReadyMilliseconds(extensionLog())));
      });
    // Typing, in a session of its own: the 1 MB issue, in the folder from its start, is not in the starts above.
    const sample = readFileSync(path.join(folder, SAMPLE), 'utf8');
    const oneMegabyte = generate(sample, 1_000_000).bulletin;
    writeFileSync(path.join(folder, 'one-megabyte.bulletin'), oneMegabyte);
    await session(async (page) => {
      await openFile(page, SAMPLE);
      await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60000 });
      const inSample = await keystrokesToSquiggles(page, paragraphStartLine(sample));
      await openFile(page, 'one-megabyte.bulletin');
      await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60000 });
      typing = { sample: inSample, oneMegabyte: await keystrokesToSquiggles(page, paragraphStartLine(oneMegabyte)) };
    });
  } finally {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ activateToReadyMs, activationToSquigglesMs, typing }));
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
