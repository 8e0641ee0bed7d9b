// What every end-to-end test does the same way: install the packaged .vsix into a fresh
// code-server, open the workbench in headless Chromium, and drive it as a user would.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO, installVsix, launchChromium, prepareSandbox, startCodeServer, workbenchUrl } from './codeServer.mjs';

export const SEED = 'digital-government-2.0.txt';
export const SCREENSHOTS = path.join(REPO, 'test/e2e/screenshots');
const VSIX = path.join(REPO, 'dist/chinese-reader.vsix');

/**
 * Makes a sandbox named `name` with user `settings` (and the display language `locale`,
 * e.g. 'zh-cn'; English when absent), lets `prepare(sandbox)` add files to its
 * workspace, installs the .vsix, starts code-server and Chromium. Resolves to
 * `{ sandbox, server, openWindow, close }`: each `openWindow()` is a fresh browser context
 * (no storage shared with earlier windows) loading a fresh workbench, with its own extension
 * host. On failure whatever was started is stopped again.
 */
export async function startWorkbenchServer(name, { settings, prepare, locale } = {}) {
  const sandbox = prepareSandbox(name, { ...(settings ? { settings } : {}), ...(locale ? { locale } : {}) });
  let server;
  let browser;
  // Same order as the start, reversed: the browser, then code-server, then the files.
  const close = async () => {
    await browser?.close();
    await server?.stop();
    sandbox.cleanup();
  };
  try {
    await prepare?.(sandbox);
    await installVsix(VSIX, sandbox.extensions);
    server = await startCodeServer(sandbox);
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  } catch (error) {
    await close();
    throw error;
  }
  const openWindow = async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(workbenchUrl(server, { folder: sandbox.workspace }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return { page, close: () => context.close() };
  };
  return { sandbox, server, openWindow, close };
}

/**
 * One workbench window on a fresh code-server (see startWorkbenchServer).
 * Resolves to `{ sandbox, page, close }`.
 */
export async function openWorkbench(name, options = {}) {
  const workbench = await startWorkbenchServer(name, options);
  try {
    const { page } = await workbench.openWindow();
    return { sandbox: workbench.sandbox, page, close: workbench.close };
  } catch (error) {
    await workbench.close();
    throw error;
  }
}

/** Saves a screenshot of the page as test/e2e/screenshots/`name`.png. */
export const screenshot = (page, name) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

/** The status bar item showing `text` (a string or a RegExp). */
export const statusItem = (page, text) => page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: text });

/** Clicks the Explorer row of `fileName` once it is listed. */
export async function openFromExplorer(page, fileName) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName });
  await row.waitFor({ timeout: 30_000 });
  await row.click();
}

/**
 * Opens a workspace file with Quick Open (Ctrl+P), as a keyboard user does, and waits until
 * its tab is the active one: a click on an Explorer row can land while the list re-renders.
 */
export async function openWithQuickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  await chooseInQuickInput(page, fileName, fileName);
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: 30_000 });
}

/**
 * Types `query` into the open quick input (Quick Open, the Command Palette, a picker) and
 * presses Enter once the focused row shows `row`. Enter runs the focused row, and right after
 * the fill the list can still be the unfiltered one (recently opened files, recently used
 * commands, the current theme) with another row focused.
 */
export async function chooseInQuickInput(page, query, row) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(query);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: row }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/**
 * Puts the cursor in the editor by clicking the rendered line that shows `text`, once it is
 * shown. Not the `.view-lines` block: it is as tall as the whole document, so where a click
 * on it lands depends on what the editor has laid out at that moment.
 */
export async function clickEditorLine(page, text) {
  const line = page.locator('.monaco-editor .view-line', { hasText: text }).first();
  try {
    await line.waitFor({ timeout: 30_000 });
  } catch (error) {
    // Say what the window showed instead, so that a failure on a CI machine explains itself.
    const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
    const active = await page.locator('.tabs-container .tab.active').allInnerTexts();
    const shown = await page.locator('.monaco-editor .view-lines').evaluateAll((blocks) => blocks.map((b) => b.textContent.slice(0, 80)));
    error.message += `\n(no editor line shows ${JSON.stringify(text)}; tabs ${JSON.stringify(tabs)}, active ${JSON.stringify(active)}; editors begin ${JSON.stringify(shown)})`;
    throw error;
  }
  await line.click();
}

/** Opens the seed from the Explorer and waits until the editor shows its first line. */
export async function openSeed(page) {
  await openFromExplorer(page, SEED);
  await page.locator('.monaco-editor .view-lines', { hasText: '新基建時代' }).waitFor({ timeout: 30_000 });
}

/**
 * Runs a command from the Command Palette: types `>${prefix}${title}` and presses Enter
 * once the focused row shows `title`.
 */
export async function runCommand(page, title, prefix = '') {
  await page.keyboard.press('F1');
  await chooseInQuickInput(page, `>${prefix}${title}`, title);
}

/** Polls the async `probe` every 100 ms until it returns a truthy value, which it resolves to; a condition, not a sleep. */
export async function until(probe, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
