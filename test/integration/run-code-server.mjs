#!/usr/bin/env node
// Runs the integration suite inside a real VS Code: code-server's extension host,
// driven by headless Chromium. Build first (npm run test:integration does).
// Set CHINESE_READER_TEST_GREP to run only the tests whose names match.
//
// Three runs: the whole suite in English (VS Code's default display language), then the
// localisation tests (suite/l10n.test.ts, "l10n:") again with VS Code in zh-cn and in
// zh-tw. The last line sums them.
import path from 'node:path';
import { REPO, runExtensionTests } from '../harness/codeServer.mjs';

const RUNS = [
  { name: 'integration', locale: undefined, grep: process.env.CHINESE_READER_TEST_GREP },
  { name: 'integration-zh-cn', locale: 'zh-cn', grep: '^l10n:' },
  { name: 'integration-zh-tw', locale: 'zh-tw', grep: '^l10n:' },
];

const started = Date.now();
let passed = 0;
let failed = 0;
let ok = true;
for (const run of RUNS) {
  if (run.locale && process.env.CHINESE_READER_TEST_GREP && !/l10n/.test(process.env.CHINESE_READER_TEST_GREP)) continue;
  // The extension host inherits code-server's environment, where the suite reads the grep.
  if (run.grep) process.env.CHINESE_READER_TEST_GREP = run.grep;
  else delete process.env.CHINESE_READER_TEST_GREP;
  console.log(`${run.name}: display language ${run.locale ?? 'en (default)'}`);
  const { exitCode, lines } = await runExtensionTests({
    name: run.name,
    testsPath: path.join(REPO, 'out/test/integration/index.js'),
    startMarker: /^integration: starting/,
    extraFixtures: [path.join(REPO, 'test/fixtures')],
    locale: run.locale,
  });
  const summary = lines.filter((l) => /^integration: \d+ passed, \d+ failed$/.test(l)).pop();
  if (!summary) {
    console.log(`${run.name}: the suite reported no result line`);
    failed++;
    ok = false;
    continue;
  }
  const [, p, f] = /^integration: (\d+) passed, (\d+) failed$/.exec(summary);
  passed += Number(p);
  failed += Number(f);
  console.log(`${run.name}: ${p} passed, ${f} failed, exit code ${exitCode}`);
  if (exitCode !== 0) ok = false;
}
console.log(`integration: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`integration: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
