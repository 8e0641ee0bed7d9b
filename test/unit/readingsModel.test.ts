/**
 * The pinyin model's training: the trainer on a toy set (always), and the committed weights
 * against a retrain when the training data is present (../shared, or ZHREADER_SHARED).
 *
 * The retrain check covers a deterministic subset: every 16th character of the committed
 * model (sorted by code point), trained from all the CPP sentences and the corpus sentences
 * holding those characters. Each character's classifier depends only on its own examples
 * and its own seeded generator, so the subset's weights must equal the committed ones
 * byte for byte; a full retrain is `npm run train:pinyin -- --check`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PinyinModel, type PinyinModelData } from '../../src/core/pinyin/model';
import { learnOverrides, pseudoLabels, trainModels, type Example } from '../../src/core/pinyin/train';
import { REPO, repoPath } from './helpers';

const toy: Example[] = [
  { char: '行', features: ['b', 'l1银'], label: 'hang2' },
  { char: '行', features: ['b', 'r1走'], label: 'xing2' },
  { char: '行', features: ['b', 'l1银', 'r1业'], label: 'hang2' },
  { char: '行', features: ['b', 'r1走', 'l1步'], label: 'xing2' },
  { char: '行', features: ['b', 'l1不'], label: 'xing2' },
  { char: '了', features: ['b', 'r1解'], label: 'liao3' },
  { char: '了', features: ['b', 'l1来'], label: 'le5' },
];

test('training is deterministic and learns a separable toy set', () => {
  const a = trainModels(toy, { minCount: 1, trainedOn: 'toy' });
  const b = trainModels([...toy], { minCount: 1, trainedOn: 'toy' });
  assert.deepEqual(a, b);
  const model = new PinyinModel(a);
  assert.equal(model.predict('行', ['b', 'l1银']), 'hang2');
  assert.equal(model.predict('行', ['b', 'r1走']), 'xing2');
  assert.equal(model.predict('了', ['b', 'r1解']), 'liao3');
  assert.equal(model.predict('了', ['b', 'l1来']), 'le5');
  // Restricted to the dictionary's candidates when one of them is a class.
  assert.equal(model.predict('行', ['b', 'l1银'], ['xing2']), 'xing2');
  assert.equal(model.predict('无', ['b']), undefined);
});

test('a character trained alone gets the same weights as in a full training (the retrain subset relies on it)', () => {
  for (const runs of [1, 5]) {
    const full = trainModels(toy, { minCount: 1, runs });
    const alone = trainModels(toy.filter((e) => e.char === '了'), { minCount: 1, runs });
    assert.deepEqual(alone.chars['了'], full.chars['了']);
  }
});

test('averaging several runs is deterministic, still learns the toy set, and differs from one run (the orders differ)', () => {
  const a = trainModels(toy, { minCount: 1, runs: 5 });
  assert.deepEqual(trainModels([...toy], { minCount: 1, runs: 5 }), a);
  const model = new PinyinModel(a);
  assert.equal(model.predict('行', ['b', 'l1银']), 'hang2');
  assert.equal(model.predict('行', ['b', 'r1走']), 'xing2');
  assert.equal(model.predict('了', ['b', 'l1来']), 'le5');
  assert.notDeepEqual(a.chars['行'], trainModels(toy, { minCount: 1, runs: 1 }).chars['行']);
});

test('overrides keep the labels\' majority where it differs from the dictionary or the position is open', () => {
  const overrides = learnOverrides([
    { key: '黄陂@1', dictionary: 'pi2', open: false, label: 'bei1' },
    { key: '黄陂@1', dictionary: 'pi2', open: false, label: 'bei1' },
    { key: '黄陂@1', dictionary: 'pi2', open: false, label: 'pi2' },
    { key: '银行@1', dictionary: 'hang2', open: false, label: 'hang2' },
    { key: '知识@1', dictionary: 'shi2', open: true, label: 'shi2' },
  ]);
  assert.deepEqual(overrides, { '知识@1': 'shi2', '黄陂@1': 'bei1' });
});

test('self-training pseudo-labels only clear leads among the candidates, within the cap per reading', () => {
  const data = trainModels(toy, { minCount: 1 });
  const open = [
    { char: '行', features: ['b', 'l1银'], candidates: ['hang2', 'xing2'] },
    { char: '行', features: ['b', 'l1银', 'r1业'], candidates: ['hang2', 'xing2'] },
    { char: '行', features: ['b', 'r1走'], candidates: ['hang2', 'xing2'] },
    // No lead: the context says nothing the model learned beyond the bias.
    { char: '行', features: ['b'], candidates: ['hang2', 'xing2'] },
    // One candidate left: nothing to choose, nothing to learn.
    { char: '行', features: ['b', 'l1银'], candidates: ['xing2'] },
    // No model for the character.
    { char: '无', features: ['b', 'l1银'], candidates: ['wu2', 'mo2'] },
  ];
  const labels = pseudoLabels(data, open, { margin: 0.01, capPerReading: 1, weight: 0.2 });
  assert.deepEqual(
    labels.map((e) => [e.label, e.features.join(' '), e.weight]),
    [
      ['hang2', 'b l1银', 0.2],
      ['xing2', 'b r1走', 0.2],
    ],
  );
  // A margin no score reaches keeps nothing.
  assert.deepEqual(pseudoLabels(data, open, { margin: 1e6, capPerReading: 10, weight: 0.2 }), []);
});

test('the model file parses, and refuses what is not a model', () => {
  const model = PinyinModel.fromJson(readFileSync(repoPath('data/pinyin/model.json'), 'utf8'));
  assert.ok(model.size > 500);
  assert.throws(() => PinyinModel.fromJson('{'), /not valid JSON/);
  assert.throws(() => PinyinModel.fromJson('[]'), /not a pinyin model/);
  assert.throws(() => PinyinModel.fromJson('{"format":2,"chars":{}}'), /unsupported pinyin model format 2/);
});

const SHARED = process.env.ZHREADER_SHARED ? path.resolve(process.env.ZHREADER_SHARED) : path.resolve(REPO, '../shared');
const DATA_PRESENT = existsSync(path.join(SHARED, 'peer/cpp/dev.sent')) && existsSync(path.join(SHARED, 'corpus/spam-train/docs.jsonl.gz'));
const SKIP = DATA_PRESENT
  ? false
  : `SKIPPED LOUDLY: the training data is not at ${SHARED} (peer/cpp and corpus/spam-train); the committed pinyin weights were NOT checked against a retrain`;
if (SKIP) console.warn(`\n*** ${SKIP} ***\n`);

test('the committed weights equal a retrain (every 16th character)', { skip: SKIP, timeout: 300_000 }, async () => {
  const committed = JSON.parse(readFileSync(repoPath('data/pinyin/model.json'), 'utf8')) as PinyinModelData;
  const only = new Set(Object.keys(committed.chars).sort().filter((_, i) => i % 16 === 0));
  const script = repoPath('scripts/train-pinyin.mjs');
  const { trainModel } = (await import(script)) as {
    trainModel: (options: { only: Set<string> }) => Promise<{ data: PinyinModelData }>;
  };
  const { data } = await trainModel({ only });
  assert.deepEqual(Object.keys(data.chars).sort(), [...only].sort());
  for (const char of only) assert.deepEqual(data.chars[char], committed.chars[char], `the weights of ${char}`);
  const inSubset = (key: string) => {
    const [word = '', at = '0'] = key.split('@');
    return only.has(Array.from(word)[Number(at)] ?? '');
  };
  const expected = Object.fromEntries(Object.entries(committed.overrides).filter(([k]) => inSubset(k)));
  assert.deepEqual(data.overrides, expected);
});
