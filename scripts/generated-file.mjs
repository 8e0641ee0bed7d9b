// Shared by the scripts that write src/**/*.generated.ts: write the file, or with --check
// fail when the committed one differs from what the installed data gives (unit tests run
// the --check form, so a data update cannot drift silently).
import { readFileSync, writeFileSync } from 'node:fs';

/** Writes `rendered` to `target`, or checks it with `--check`; `how` says how to regenerate. */
export function writeOrCheckGenerated(target, rendered, how, summary = '') {
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== rendered) {
      console.error(`${target} is out of date; run: ${how}`);
      process.exit(1);
    }
    console.log(`${target} is up to date`);
  } else {
    writeFileSync(target, rendered);
    console.log(`wrote ${target}${summary ? ` (${summary})` : ''}`);
  }
}
