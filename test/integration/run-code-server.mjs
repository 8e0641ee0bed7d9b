#!/usr/bin/env node
// Runs the integration suite inside a real VS Code: code-server's extension host,
// driven by headless Chromium. Build first (npm run test:integration does).
// Set CHINESE_READER_TEST_GREP to run only the tests whose names match.
import path from 'node:path';
import { REPO, runExtensionTests } from '../harness/codeServer.mjs';

const started = Date.now();
const { exitCode, lines } = await runExtensionTests({
  name: 'integration',
  testsPath: path.join(REPO, 'out/test/integration/index.js'),
  startMarker: /^integration: starting/,
  extraFixtures: [path.join(REPO, 'test/fixtures')],
});
const summary = lines.filter((l) => /^integration: \d+ passed, \d+ failed$/.test(l)).pop();
console.log(`integration: finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${exitCode}`);
if (!summary) {
  console.log('integration: the suite reported no result line');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(summary);
process.exit(exitCode === 0 ? 0 : 1);
