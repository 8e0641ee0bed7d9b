// Runs a real VS Code offline: code-server (VS Code 1.100.3 for the browser) on
// loopback, driven by Debian's Chromium through playwright-core. Shared by the
// integration runner, the e2e tests, the benchmarks and the demo script.
import { spawn, execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format, promisify } from 'node:util';

export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_BIN = path.join(REPO, '.cache/code-server/node_modules/.bin/code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Settings for a quiet, offline workbench: no welcome page, no update or telemetry traffic. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'files.hotExit': 'off',
  // VS Code opens an extension's walkthrough when it is installed, at a moment of its own
  // choosing, over whatever editor a test is using; test/e2e/manifest.test.mjs opens it itself.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

export function assertCodeServerInstalled() {
  if (!existsSync(CODE_SERVER_BIN)) {
    throw new Error(`code-server is not installed at ${CODE_SERVER_BIN}; run: bash scripts/setup.sh`);
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Writes QUIET_SETTINGS plus `settings` as the user settings of a user-data folder. */
export function writeUserSettings(userData, settings = {}) {
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
}

/**
 * Sets the display language of the workbenches served from `userData` to `locale`
 * (e.g. `zh-cn`). The web workbench takes its language from the language pack that
 * code-server resolves for `--locale`: with none installed it falls back to English and
 * every extension is shown in English too. No language pack can be fetched here, so this
 * registers an empty one (no translations of VS Code's own strings, which stay English)
 * in `languagepacks.json`, the file code-server reads; that is enough for VS Code to run
 * in `locale`, pick the extension's package.nls.<locale>.json and give its extension
 * host `vscode.env.language === locale` and the l10n bundle of that language.
 */
export function registerEmptyLanguagePack(userData, locale) {
  const translations = path.join(userData, `empty-language-pack-${locale}.i18n.json`);
  writeFileSync(translations, JSON.stringify({ contents: {} }));
  const pack = {
    hash: `empty-${locale}`,
    extensions: [{ extensionIdentifier: { id: `chinese-reader-test.empty-language-pack-${locale}` }, version: '0.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }, null, 2));
}

/**
 * Makes a throw-away folder with `workspace/` (a copy of seeds/ plus `extraFixtures`),
 * `user-data/` holding quiet settings, and an empty `extensions/`. With `locale`, the
 * workbench runs in that display language (see registerEmptyLanguagePack) and
 * startCodeServer passes `--locale`.
 */
export function prepareSandbox(name, { extraFixtures = [], settings = {}, locale } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), `chinese-reader-${name}-`));
  const workspace = path.join(root, 'workspace');
  mkdirSync(workspace, { recursive: true });
  for (const source of [path.join(REPO, 'seeds'), ...extraFixtures]) {
    for (const entry of readdirSync(source)) cpSync(path.join(source, entry), path.join(workspace, entry), { recursive: true });
  }
  const userData = path.join(root, 'user-data');
  writeUserSettings(userData, settings);
  if (locale) registerEmptyLanguagePack(userData, locale);
  const extensions = path.join(root, 'extensions');
  mkdirSync(extensions, { recursive: true });
  return { root, workspace, userData, extensions, locale, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Installs a .vsix into an extensions folder with code-server's own installer. */
export async function installVsix(vsix, extensionsDir) {
  assertCodeServerInstalled();
  await promisify(execFile)(CODE_SERVER_BIN, ['--extensions-dir', extensionsDir, '--install-extension', vsix], {
    env: { ...process.env, XDG_CONFIG_HOME: path.join(path.dirname(extensionsDir), 'config') },
  });
}

async function healthy(url) {
  try {
    const response = await fetch(new URL('/healthz', url));
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts code-server on a free loopback port and resolves once it answers /healthz.
 * The returned `stop()` kills it; `log()` returns what it printed, for error messages.
 */
export async function startCodeServer({ userData, extensions, locale, port, host = '127.0.0.1', timeoutMs = 60_000 }) {
  assertCodeServerInstalled();
  port ??= await freePort();
  const args = [
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    ...(locale ? ['--locale', locale] : []),
  ];
  const output = [];
  const child = spawn(CODE_SERVER_BIN, args, {
    // code-server writes a config file under XDG_CONFIG_HOME; keep it out of the user's home.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(path.dirname(userData), 'config') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (!(await healthy(url))) {
    if (exited) throw new Error(`code-server exited before it was ready:\n${output.join('')}`);
    if (Date.now() > deadline) {
      process.kill(-child.pid, 'SIGKILL');
      throw new Error(`code-server did not answer within ${timeoutMs} ms:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await gone;
    clearTimeout(timer);
  };
  return { url, port, host, stop, log: () => output.join('') };
}

/** Launches headless Debian Chromium with the flags this closed network needs. */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; run: bash scripts/setup.sh`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The workbench URL for `folder`, optionally loading an extension under development and a test module. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath, extensionDevelopmentKind }) {
  const remote = (p) => `vscode-remote://${server.host}:${server.port}${p}`;
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  // 'web' runs the extension under development (its `browser` entry) and the tests in the web worker extension host.
  if (extensionDevelopmentKind) payload.push(['extensionDevelopmentKind', extensionDevelopmentKind]);
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params}`;
}

/**
 * Runs an extension test module (its `run()` export) inside code-server's extension
 * host and resolves with { exitCode, lines }. VS Code's browser host reports the end
 * of the run through window.codeAutomationExit and forwards the extension host's
 * console through window.codeAutomationLog.
 *
 * The module must log a line matching `startMarker` as soon as it starts. When that
 * line has not come within `startTimeoutMs`, the workbench failed to start the run
 * (seen once here in about twenty runs): that attempt is abandoned, said loudly, and
 * tried once more. A run that started is never retried, so a failing test fails.
 */
export async function runExtensionTests({ startMarker, startTimeoutMs = 90_000, onLine = console.log, ...options }) {
  for (let attempt = 1; ; attempt++) {
    const result = await runExtensionTestsOnce({ ...options, startMarker, startTimeoutMs, onLine });
    if (result.started || attempt === 2) return result;
    onLine(`harness: WARNING: the test module did not start within ${startTimeoutMs / 1000} s; retrying (attempt 2 of 2)`);
  }
}

async function runExtensionTestsOnce({ name, testsPath, extraFixtures, settings, locale, extensionDevelopmentKind, startMarker, startTimeoutMs, timeoutMs = 10 * 60_000, onLine }) {
  const sandbox = prepareSandbox(name, { extraFixtures, settings, locale });
  const server = await startCodeServer(sandbox);
  const browser = await launchChromium();
  const lines = [];
  let started = false;
  try {
    const page = await browser.newPage();
    let finish;
    const exited = new Promise((resolve) => {
      finish = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The extension host forwards console calls unformatted ('%s passing', 9).
      const text = format(...(Array.isArray(args) ? args : [args]));
      for (const line of text.split('\n')) {
        if (startMarker.test(line)) started = true;
        lines.push(line);
        onLine(type === 'error' ? `[ext host error] ${line}` : line);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    await page.goto(workbenchUrl(server, { folder: sandbox.workspace, extensionDevelopmentPath: REPO, extensionTestsPath: testsPath, extensionDevelopmentKind }));
    let watchdog;
    let timer;
    const stalled = new Promise((resolve) => {
      watchdog = setTimeout(() => {
        if (!started) resolve('not started');
      }, startTimeoutMs);
    });
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const exitCode = await Promise.race([exited, stalled, timedOut]);
    clearTimeout(watchdog);
    clearTimeout(timer);
    if (exitCode === 'not started') return { exitCode: 1, lines, started: false };
    if (exitCode === 'timeout') {
      onLine(`${name}: timed out after ${timeoutMs / 1000} s; code-server said:\n${server.log()}`);
      return { exitCode: 1, lines, started };
    }
    return { exitCode, lines, started: true };
  } finally {
    await browser.close();
    await server.stop();
    sandbox.cleanup();
  }
}
