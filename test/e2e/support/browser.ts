// Debian's Chromium driven by playwright-core, and the moves a user makes in
// VS Code: open a file, read the status bar, the outline, the problems.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, CHROMIUM } from './paths';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
}

/** Waits until the quick input (Quick Open, the palette, Go to Line) has the keyboard. */
async function quickInputFocused(page: Page): Promise<void> {
  await page.waitForSelector('.quick-input-widget input:focus');
}

/**
 * Quick Open (Ctrl+P), the file name, Enter; waits for its tab to be active. A file written while the workbench
 * runs may be missing from Quick Open's first search: it is opened again, up to `attempts` times.
 */
export async function openFile(page: Page, name: string, attempts = 1): Promise<void> {
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`).first();
  for (let attempt = 1; ; attempt++) {
    // A suggestion or hover left open from typing would take the keys.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await quickInputFocused(page);
    await page.keyboard.type(name);
    if (attempt === attempts) break;
    try {
      await row.waitFor({ timeout: 3000 });
      break;
    } catch {
      // Not found yet: Quick Open searches again when opened again.
    }
  }
  // Click the row: Enter would take whichever row had the focus before the list was filtered.
  await row.click();
  await page.waitForSelector(`.tab.active[aria-label*="${name}"]`);
  await page.locator('.monaco-editor .view-lines').first().click();
}

/** Runs a command from the palette by its label. */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await quickInputFocused(page);
  await page.keyboard.type(label);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${label}"]`);
  await page.keyboard.press('Enter');
}

/** Moves the cursor to a 1-based line and column with Go to Line. */
export async function goTo(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Control+G');
  await quickInputFocused(page);
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(150);
}

export async function statusBarText(page: Page, id: string): Promise<string> {
  return (await page.locator(`[id="${id}"]`).first().innerText()).trim();
}

export async function quickInputRows(page: Page): Promise<string[]> {
  await page.waitForSelector('.quick-input-list .monaco-list-row');
  return page.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
}
