#!/usr/bin/env node
// Runs the browser build's suite (test/web/suite) in code-server's web worker extension
// host, where VS Code loads the extension from package.json's `browser` entry
// (dist/web/extension.js), and the suite with it. Build first (npm run test:web does).
//
// What puts it there: the user setting remote.extensionKind = ["web"] for this extension.
// The payload's extensionDevelopmentKind "web" is not enough in VS Code 1.100 for the web:
// the extension service reads `extensionDevelopmentKind` from the environment service,
// which in the browser names it `extensionDevelopmentLocationKind`, so the kind falls back
// to the manifest's ("workspace": the remote Node host). The suite's first test fails when
// it does not run in a worker.
import path from 'node:path';
import { REPO, runExtensionTests } from '../harness/codeServer.mjs';

const started = Date.now();
const { exitCode, lines } = await runExtensionTests({
  name: 'web',
  testsPath: path.join(REPO, 'out/test/web/index.js'),
  extensionDevelopmentKind: 'web',
  settings: { 'remote.extensionKind': { 'chinese-reader.chinese-reader': ['web'] } },
  startMarker: /^web: starting/,
  extraFixtures: [path.join(REPO, 'test/fixtures')],
});
const summary = lines.filter((l) => /^web: \d+ passed, \d+ failed$/.test(l)).pop();
console.log(`web: finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${exitCode}`);
if (!summary) {
  console.log('web: the suite reported no result line');
  process.exit(1);
}
console.log(summary);
process.exit(exitCode === 0 && /, 0 failed$/.test(summary) ? 0 : 1);
