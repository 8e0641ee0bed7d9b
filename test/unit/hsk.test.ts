/** HSK levels: the compiler over the project's copy of the lists, and the index the build writes. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compileHskLevels, createHskLevels, HskIndex, type HskIndexData } from '../../src/core/hsk/levels';
import { readRepoFile, repoPath } from './helpers';

test('compile: Simplified and Traditional forms, the lowest level of each syllabus', () => {
  const { data, problems } = compileHskLevels(
    ['# comment', '行\t\tn1,o4', '银行\t銀行\tn2,o3', '了\t\to1,n1,n3', '干\t幹,乾\tn7', ''].join('\n'),
  );
  assert.deepEqual(problems, []);
  const levels = createHskLevels(data);
  assert.deepEqual(levels('行'), { hsk2: 4, hsk3: 1 });
  assert.deepEqual(levels('銀行'), { hsk2: 3, hsk3: 2 });
  assert.deepEqual(levels('了'), { hsk2: 1, hsk3: 1 });
  assert.deepEqual(levels('幹'), { hsk3: 7 });
  assert.deepEqual(levels('乾'), { hsk3: 7 });
  assert.deepEqual(levels('没有的词'), {});
  assert.deepEqual(levels(''), {});
});

test('compile: malformed lines are reported with their line number, never fatal', () => {
  const { data, problems } = compileHskLevels(['好\t\tn1', '坏', '词\t\tx3', '旧\t\to7', '新\t\tn9', '好的\t\tn1'].join('\n'));
  assert.deepEqual(
    problems.map((p) => p.line),
    [2, 3, 4, 5],
  );
  assert.match(problems[1]!.message, /unknown level "x3"/);
  assert.deepEqual(new HskIndex(data).levels('好的'), { hsk3: 1 });
});

test('the project copy of the lists compiles cleanly and carries its licence', () => {
  const { data, problems } = compileHskLevels(readRepoFile('data/hsk/hsk-levels.tsv'));
  assert.deepEqual(problems, []);
  assert.ok(Object.keys(data.words).length > 11000);
  assert.match(readRepoFile('data/hsk/LICENSE'), /MIT License/);
  assert.match(readRepoFile('NOTICE.md'), /complete-hsk-vocabulary/);
  const levels = createHskLevels(data);
  assert.deepEqual(levels('爱'), { hsk2: 1, hsk3: 1 });
  assert.deepEqual(levels('银行'), { hsk2: 3, hsk3: 2 });
  assert.deepEqual(levels('銀行'), levels('银行'));
});

test('the build writes the compiled index to dist/hsk-levels.json, equal to a compile of the data', () => {
  const built = repoPath('dist/hsk-levels.json');
  assert.ok(existsSync(built), 'run "node esbuild.mjs" first');
  const data = JSON.parse(readFileSync(built, 'utf8')) as HskIndexData;
  assert.deepEqual(data, compileHskLevels(readRepoFile('data/hsk/hsk-levels.tsv')).data);
  assert.match(data.attribution, /MIT/);
  assert.deepEqual(HskIndex.fromJson(readFileSync(built, 'utf8')).levels('行'), { hsk2: 4, hsk3: 1 });
});
