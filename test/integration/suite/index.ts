/**
 * The integration suite's entry point: VS Code (code-server's extension host, or the
 * desktop build under @vscode/test-electron) calls `run()` and treats a rejection as
 * failure. The last line it logs is the count that the runners read.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.CHINESE_READER_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  console.log(`integration: starting (VS Code ${vscode.version})`);
  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 }));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  if (stats.pending > 0) console.log(`integration: WARNING: ${stats.pending} tests skipped`);
  console.log(`integration: ${stats.passes} passed, ${stats.failures} failed`);
  if (stats.failures > 0) throw new Error(`${stats.failures} integration tests failed`);
  if (stats.passes === 0) throw new Error('no integration test ran');
}
