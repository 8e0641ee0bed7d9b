// The committed spam weights (src/core/spam/model.generated.ts) are what the committed
// training script gives on the training corpus. The corpus is not part of the repository
// (its licences forbid shipping it); when ../shared/corpus/spam-train is absent the test
// is skipped and says so. With the corpus it retrains in full (about 70 s on an idle
// 2-core machine, longer when loaded) and compares the generated file byte for byte.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO, repoPath } from './helpers';

const CORPUS = path.resolve(REPO, '../shared/corpus/spam-train');
const present = existsSync(path.join(CORPUS, 'lines.jsonl.gz')) && existsSync(path.join(CORPUS, 'docs.jsonl.gz'));

test(
  'the committed spam weights equal a fresh deterministic training on spam-train',
  { skip: present ? false : `SKIPPED LOUDLY: the training corpus is not at ${CORPUS}, so the committed weights were not checked against a retrain` },
  () => {
    const result = spawnSync(process.execPath, [repoPath('scripts/train-spam.mjs'), CORPUS, '--check'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /model\.generated\.ts is up to date/);
  },
);
