#!/usr/bin/env node
// Runs the same integration suite in desktop VS Code through @vscode/test-electron.
// It downloads VS Code on first use, so it needs a machine with access to
// update.code.visualstudio.com; offline machines use run-code-server.mjs instead.
import path from 'node:path';
import { REPO, prepareSandbox } from '../harness/codeServer.mjs';

const { runTests } = await import('@vscode/test-electron');
const sandbox = prepareSandbox('electron', { extraFixtures: [path.join(REPO, 'test/fixtures')] });
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'out/test/integration/index.js'),
    launchArgs: [sandbox.workspace, '--disable-extensions', '--user-data-dir', sandbox.userData, '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`test:electron failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error('If VS Code could not be downloaded, this machine is offline: use npm run test:integration (code-server).');
  process.exitCode = 1;
} finally {
  sandbox.cleanup();
}
