// Contextual pinyin (issue 13) on the CPP polyphone benchmark's dev split
// (../shared/peer/cpp, or ZHREADER_SHARED; read here, never shipped), next to pinyin-pro,
// the most used npm pinyin library, in one run:
// - accuracy on the marked polyphone of each sentence: ours by 5-fold cross-validation
//   trained on the CPP folds only (the shipped model also learns from auto-labelled corpus
//   positions; `npm run eval:pinyin` gives that cross-validation and the per-class table),
//   and the shipped model, which saw these sentences (in-sample, not an estimate);
// - time per sentence, warm (segmentation, dictionary and model included), and the
//   model's load time.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO, median, time } from './lib.mjs';
import { analyseCpp, loadCore, loadSources, readCpp, trainFrom, CPP_DIR } from '../scripts/pinyin-harness.mjs';

export const name = 'pinyin';

export async function run() {
  const require = createRequire(path.join(REPO, 'package.json'));
  const { pinyin } = require('pinyin-pro');
  const version = JSON.parse(readFileSync(require.resolve('pinyin-pro/package.json'), 'utf8')).version;
  const peerName = `pinyin-pro ${version}`;
  const items = readCpp('dev');
  if (!items) {
    console.error(`bench pinyin: SKIPPED, ${CPP_DIR} is absent`);
    return [{ metric: 'CPP dev accuracy', ours: 'skipped: no ../shared/peer/cpp', peer: '-', peerName }];
  }
  const bench = await import(path.join(REPO, 'out/bench/pinyinReadings.mjs'));
  const modelFile = path.join(REPO, 'dist/pinyin-model.json');
  if (!existsSync(modelFile)) throw new Error('dist/pinyin-model.json is missing; run "node esbuild.mjs"');
  const modelText = readFileSync(modelFile, 'utf8');
  const loadMs = median(5, () => time(() => new bench.PinyinModel(JSON.parse(modelText))));
  const model = new bench.PinyinModel(JSON.parse(modelText));

  const core = await loadCore();
  const sources = await loadSources(core);
  const rows = analyseCpp(core, sources, items);
  let cvRight = 0;
  for (let k = 0; k < 5; k++) {
    const foldModel = new core.PinyinModel(trainFrom(core, rows.filter((_, i) => i % 5 !== k), []));
    rows.forEach((r, i) => {
      if (i % 5 === k && core.decide(r.analysis, foldModel)[r.item.at] === r.item.label) cvRight++;
    });
  }
  const withModel = { ...sources, model };
  const peerRead = (text) => pinyin(text, { type: 'all', toneType: 'num', v: true }).map((x) => (x.pinyin ? x.pinyin.replace(/0$/, '5') : null));
  let oursRight = 0;
  let peerRight = 0;
  for (const item of items) {
    if (bench.readingsOf(item.text, withModel)[item.at] === item.label) oursRight++;
    if (peerRead(item.text)[item.at] === item.label) peerRight++;
  }
  const texts = items.map((i) => i.text);
  const perSentence = (read) => {
    for (const t of texts) read(t);
    return median(3, () => time(() => texts.forEach(read))) / texts.length;
  };
  const ours = perSentence((t) => bench.readingsOf(t, withModel));
  const theirs = perSentence(peerRead);
  const pct = (n) => `${((100 * n) / items.length).toFixed(2)}%`;
  return [
    { metric: `CPP dev accuracy, 5-fold CV (CPP folds only), ${items.length} sentences`, ours: pct(cvRight), peer: pct(peerRight), peerName },
    { metric: 'CPP dev accuracy, shipped model (in-sample)', ours: pct(oursRight), peer: pct(peerRight), peerName },
    { metric: 'time per sentence, warm (mean 31 chars)', ours: `${ours.toFixed(3)} ms`, peer: `${theirs.toFixed(3)} ms`, peerName },
    { metric: 'model load (parse dist/pinyin-model.json)', ours: `${loadMs.toFixed(0)} ms`, peer: 'n/a (bundled)', peerName },
  ];
}
