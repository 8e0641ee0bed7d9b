// Cross-source validation of the spam model over spam-train-style corpora, next to the
// rule scorer, run by `npm run eval:spam -- <train dir>` (see eval-spam.mjs).
//
// 1. Leave one source out: for each source, train without any of its lines or documents,
//    then score its lines in their contexts, as in training (spam in a host document,
//    clean lines in their own page, hard-negative copies in a foreign page). Warning =
//    the rule detectors warn, or (hybrid) the learned probability reaches the medium
//    threshold. Converted Traditional copies are left out of the test side.
// 2. Real-text proxy: for each spam source, train without it, without the recipe and
//    fiction documents and without the recipe and novel lines; then inject two of its
//    spam lines into every recipe and fiction document (every other document, with its
//    spam, converted to Traditional, twp) and run the full document checker, rules alone
//    and hybrid, counting warnings on injected and on original lines. A second run leaves
//    the injected spam as written in the converted half (Simplified spam in a Traditional
//    document, as in the seed).
import { buildRows, fit, loadCore, loadCorpus, prng, SOURCES, SPAM_SOURCES, traditionalConverters } from './train-spam-lib.mjs';

const ratio = (a, b) => (b === 0 ? NaN : a / b);
const f3 = (x) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));

export async function evaluateCrossSource(dirs, { log = (m) => console.error(m), only, proxyOnly = false } = {}) {
  const core = await loadCore();
  const corpus = loadCorpus(dirs);
  log(`eval:spam: building rows from ${corpus.lines.length} lines and ${corpus.docs.length} documents`);
  const rows = buildRows(core, corpus, { log });
  const results = { loso: [], proxy: [] };
  for (const source of proxyOnly ? [] : SOURCES) {
    if (only && !only.includes(source)) continue;
    const data = fit(core, rows.filter((r) => r.key !== source), { log });
    const model = core.loadModel(data);
    const threshold = data.thresholds.medium;
    const test = rows.filter((r) => r.key === source && !r.converted && !r.synthetic);
    const count = { spam: 0, ham: 0, rules: { tp: 0, fp: 0 }, hybrid: { tp: 0, fp: 0 } };
    const misses = [];
    for (const r of test) {
      const p = core.probabilityOf(model, core.marginOf(model, r.vector));
      const hybrid = r.rule || (core.learnedMaySpeak(r.vector) && p >= threshold);
      if (r.y === 1) count.spam++;
      else count.ham++;
      if (r.rule) count.rules[r.y === 1 ? 'tp' : 'fp']++;
      if (hybrid) count.hybrid[r.y === 1 ? 'tp' : 'fp']++;
    }
    const row = { source, ...count, misses };
    results.loso.push(row);
    printLoso(row);
  }
  for (const source of SPAM_SOURCES) {
    if (only && !only.includes(source)) continue;
    results.proxy.push(await proxy(core, corpus, rows, source, log));
  }
  if (results.proxy.length > 1) printPooled(results.proxy);
  return results;
}

/** The proxy's folds summed: every injected line and every warning of every fold. */
function printPooled(folds) {
  const pooled = (pick) => {
    const sum = { tp: 0, fp: 0, injected: 0, clean: 0 };
    for (const fold of folds) for (const k of Object.keys(sum)) sum[k] += pick(fold)[k];
    return `recall ${f3(ratio(sum.tp, sum.injected))} (${sum.tp} of ${sum.injected}) precision ${f3(ratio(sum.tp, sum.tp + sum.fp))} false warnings ${sum.fp} (${((1000 * sum.fp) / sum.clean).toFixed(2)}/1000 clean)`;
  };
  console.log(`PROXY pooled   ${folds.length} folds | rules: ${pooled((f) => f.rules)} | hybrid: ${pooled((f) => f.hybrid)}`);
  console.log(`PROXY pooled   spam left Simplified in the Traditional half | rules: ${pooled((f) => f.mixed.rules)} | hybrid: ${pooled((f) => f.mixed.hybrid)}`);
}

function printLoso({ source, spam, ham, rules, hybrid }) {
  const line = (name, c) =>
    `${name} recall ${f3(ratio(c.tp, spam))} precision ${f3(ratio(c.tp, c.tp + c.fp))} false warnings ${c.fp} (${((1000 * c.fp) / Math.max(1, ham)).toFixed(2)}/1000 clean)`;
  console.log(`LOSO ${source.padEnd(8)} spam ${String(spam).padStart(5)} clean ${String(ham).padStart(6)} | rules: ${line('', rules)} | hybrid: ${line('', hybrid)}`);
}

async function proxy(core, corpus, rows, source, log, verbose = process.env.PROXY_VERBOSE === '1') {
  const heldCategories = new Set(['recipe', 'fiction']);
  const training = rows.filter((r) => r.key !== source && r.key !== 'cook' && r.key !== 'novel' && !(r.doc && heldCategories.has(r.category)));
  const data = fit(core, training, { log });
  const model = core.loadModel(data);
  const spamLines = corpus.lines.filter((l) => l.key === source && l.label === 'spam').map((l) => l.text);
  const docs = corpus.docs.filter((d) => heldCategories.has(d.category.split('/')[0]));
  const random = prng(4242);
  const [, twp] = traditionalConverters();
  const built = docs.map((d, i) => {
    const lines = [...d.lines];
    const injected = new Set();
    for (let k = 0; k < 2; k++) {
      const at = 1 + Math.floor(random() * lines.length);
      lines.splice(at, 0, spamLines[Math.floor(random() * spamLines.length)]);
      for (const n of [...injected].sort((a, b) => b - a)) if (n >= at) injected.delete(n), injected.add(n + 1);
      injected.add(at);
    }
    const converted = i % 2 === 1 ? lines.map((l) => twp(l)) : lines;
    // The same documents with the spam left as written: Simplified spam in the converted
    // (Traditional) half, as in the seed's SEO line.
    const mixed = converted.map((l, n) => (injected.has(n) ? lines[n] : l));
    return { text: converted.join('\n'), mixed: mixed.join('\n'), injected };
  });
  const result = { source, docs: built.length };
  for (const [scorer, variant] of [['rules', 'text'], ['hybrid', 'text'], ['rules', 'mixed'], ['hybrid', 'mixed']]) {
    core.useSpamModel(scorer === 'rules' ? null : model);
    let tp = 0, fp = 0, injected = 0, clean = 0;
    for (const { [variant]: text, injected: at } of built) {
      injected += at.size;
      clean += text.split('\n').filter((l) => l.trim()).length - at.size;
      for (const f of core.checkText(text, { scorer })) {
        if (f.severity !== 'warning' && f.severity !== 'error') continue;
        if (at.has(f.line)) tp++;
        else {
          fp++;
          if (verbose && scorer === 'hybrid' && fp <= 40) console.log(`  false: ${f.label} ${f.message}\n      ${text.split('\n')[f.line].slice(0, 100)}`);
        }
      }
    }
    const counts = { tp, fp, injected, clean, recall: ratio(tp, injected), precision: ratio(tp, tp + fp), per1000: (1000 * fp) / clean };
    if (variant === 'text') result[scorer] = counts;
    else (result.mixed ??= {})[scorer] = counts;
  }
  core.useSpamModel(undefined);
  const show = (c) => `recall ${f3(c.recall)} precision ${f3(c.precision)} false warnings ${c.fp} (${c.per1000.toFixed(2)}/1000 clean)`;
  console.log(`PROXY ${source.padEnd(8)} ${result.docs} held-out recipe/fiction docs, ${result.rules.injected} injected | rules: ${show(result.rules)} | hybrid: ${show(result.hybrid)}`);
  console.log(`PROXY ${source.padEnd(8)} spam left Simplified in the Traditional half   | rules: ${show(result.mixed.rules)} | hybrid: ${show(result.mixed.hybrid)}`);
  return result;
}
