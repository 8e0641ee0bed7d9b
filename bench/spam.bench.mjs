// Spam checker throughput and incremental re-check latency.
//
// Full check: a 5 MB document checked from scratch, tokenization (our character
// bigrams) included, against cutting the same text with jieba (@node-rs/jieba), the
// segmentation step a word-based checker would need before any scoring.
// Re-check: one character typed into a 1 MB document, then the verdicts re-derived
// (what the editor does after each debounced edit), against checking the whole 1 MB
// again from scratch, which is what a checker without a document model does.
//
// Each figure of the hybrid scorer (rules plus the learned model, the default) is printed
// next to the rule scorer alone (scorer: 'rules') measured in the same run, and the
// learned model's first load (decoding its weights, in a fresh process) is timed.
//
// The text is made of the development corpus (../shared/corpus/spam-dev, read in
// place, never copied) when it is there, and of the seed article otherwise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, inFreshProcess, median, time } from './lib.mjs';

export const name = 'spam';

function sourceText() {
  const dev = path.resolve(REPO, '../shared/corpus/spam-dev/docs');
  if (existsSync(dev)) {
    return { label: 'spam-dev corpus', text: readdirSync(dev).sort().map((f) => readFileSync(path.join(dev, f), 'utf8')).join('\n') };
  }
  process.stderr.write('bench spam: ../shared/corpus/spam-dev is absent; using the seed article instead\n');
  return { label: 'seed article', text: readFileSync(path.join(REPO, 'seeds/digital-government-2.0.txt'), 'utf8') };
}

function ofSize(text, megabytes) {
  const target = megabytes * 1024 * 1024;
  let out = text;
  while (Buffer.byteLength(out) < target) out += `\n${text}`;
  return out;
}

export async function run() {
  const { SpamDocument, checkText } = await import(path.join(REPO, 'out/bench/spam.mjs'));
  const { label, text } = sourceText();
  const big = ofSize(text, 5);
  const bigMB = Buffer.byteLength(big) / (1024 * 1024);
  checkText(text, { scorer: 'hybrid' }); // warm up: lexicon patterns, fold table and the model's weights
  checkText(text, { scorer: 'rules' });
  const full = median(3, () => time(() => checkText(big, { scorer: 'hybrid' })));
  const fullRules = median(3, () => time(() => checkText(big, { scorer: 'rules' })));

  const { Jieba } = await import('@node-rs/jieba');
  const { dict } = await import('@node-rs/jieba/dict.js');
  let jieba;
  const jiebaLoad = time(() => {
    jieba = Jieba.withDict(dict);
  });
  const cut = median(3, () => time(() => jieba.cut(big, false)));

  const medium = ofSize(text, 1);
  const mediumMB = Buffer.byteLength(medium) / (1024 * 1024);
  const lines = medium.split('\n');
  const target = Math.floor(lines.length / 2);
  const editTime = (options) => {
    const model = new SpamDocument(medium, options);
    model.findings();
    let typed = false;
    return median(21, () =>
      time(() => {
        // Alternately type and delete one character in the middle of the document.
        if (typed) model.applyChange(target, 0, target, 1, '');
        else model.applyChange(target, 0, target, 0, '字');
        typed = !typed;
        model.findings();
      }),
    );
  };
  const edit = editTime({ scorer: 'hybrid' });
  const editRules = editTime({ scorer: 'rules' });
  const recheck = median(3, () => time(() => checkText(medium, { scorer: 'hybrid' })));

  // First use of the learned model in a fresh process: module import, then the decode.
  const bundle = JSON.stringify(path.join(REPO, 'out/bench/spam.mjs'));
  const load = await inFreshProcess(`
    const t0 = performance.now();
    const m = await import(${bundle});
    const t1 = performance.now();
    m.spamModel();
    const t2 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, decodeMs: t2 - t1 }));
  `);

  return [
    {
      metric: `full check of ${bigMB.toFixed(1)} MB (${label}), tokenization included`,
      ours: `${full.toFixed(0)} ms (${(bigMB / (full / 1000)).toFixed(1)} MB/s)`,
      peer: `${cut.toFixed(0)} ms (${(bigMB / (cut / 1000)).toFixed(1)} MB/s) + ${jiebaLoad.toFixed(0)} ms load`,
      peerName: '@node-rs/jieba cut alone (no scoring)',
    },
    {
      metric: `full check of ${bigMB.toFixed(1)} MB, hybrid (rules + learned model) vs rules alone`,
      ours: `${full.toFixed(0)} ms (${(bigMB / (full / 1000)).toFixed(1)} MB/s)`,
      peer: `${fullRules.toFixed(0)} ms (${(bigMB / (fullRules / 1000)).toFixed(1)} MB/s)`,
      peerName: 'rule scorer alone',
    },
    {
      metric: `re-check after a one-character edit in ${mediumMB.toFixed(1)} MB`,
      ours: `${edit.toFixed(1)} ms`,
      peer: `${recheck.toFixed(0)} ms`,
      peerName: 'checking the whole document again',
    },
    {
      metric: `re-check after a one-character edit in ${mediumMB.toFixed(1)} MB, hybrid vs rules alone`,
      ours: `${edit.toFixed(1)} ms`,
      peer: `${editRules.toFixed(1)} ms`,
      peerName: 'rule scorer alone',
    },
    {
      metric: 'learned model first load (lazy, on the first check; fresh process)',
      ours: `${load.decodeMs.toFixed(1)} ms decode`,
      peer: `${load.importMs.toFixed(1)} ms`,
      peerName: 'importing the whole spam checker module',
    },
  ];
}
