#!/usr/bin/env node
// Opens Chinese Reader on seeds/ in a real VS Code: the desktop `code` when it is on
// PATH (as an extension under development), otherwise code-server in the browser with
// the packaged .vsix installed, printing the URL to open. Run through scripts/demo.sh,
// which sets everything up first.
//   CHINESE_READER_DEMO_BROWSER=1  use code-server even when `code` is installed
//   PORT=8080 HOST=127.0.0.1       where code-server listens
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO, freePort, installVsix, startCodeServer, writeUserSettings } from '../test/harness/codeServer.mjs';

const seeds = path.join(REPO, 'seeds');
const hasDesktopCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;

if (hasDesktopCode && !process.env.CHINESE_READER_DEMO_BROWSER) {
  spawn('code', ['--new-window', `--extensionDevelopmentPath=${REPO}`, seeds, path.join(seeds, 'digital-government-2.0.txt')], {
    stdio: 'ignore',
    detached: true,
  }).unref();
  console.log('Opened VS Code on seeds/ with Chinese Reader loaded from this folder.');
  console.log('The status bar shows 繁 for the seed article; hover it for the counts.');
  process.exit(0);
}

const demo = path.join(REPO, '.cache/demo');
const userData = path.join(demo, 'user-data');
const extensions = path.join(demo, 'extensions');
rmSync(extensions, { recursive: true, force: true });
mkdirSync(extensions, { recursive: true });
writeUserSettings(userData);

console.log('Packaging the extension...');
execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
await installVsix(path.join(REPO, 'dist/chinese-reader.vsix'), extensions);

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0) || (await freePort());
const server = await startCodeServer({ userData, extensions, host, port });
const url = `${server.url}/?folder=${encodeURIComponent(seeds)}`;
console.log(`\nChinese Reader is running in VS Code 1.100.3 (code-server). Open:\n\n  ${url}\n`);
console.log('Then open digital-government-2.0.txt from the Explorer: the status bar shows 繁 and the');
console.log('language mode Chinese Text. Press Ctrl+C to stop.');

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
