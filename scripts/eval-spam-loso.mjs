// Leave-one-source-out validation of the spam model (run through `npm run eval:spam -- --loso DIR`).
//
// For each source of the training corpus: train without it (the same training as
// `npm run train:spam`, with that source's lines and documents left out), then
// - inject each of its spam lines, one or two at a time, at seeded positions into
//   documents of the other sources (their lines were seen in training, so false warnings
//   are not counted on them);
// - group its ham lines into documents of 15 lines of one genre/category, in corpus order;
// and count warnings. Recall is over its spam lines; precision counts the false warnings
// on its own ham lines, at the source's own spam:ham ratio.
import { rng } from './generate-spam-synthetic.mjs';
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCore, readCorpus, REPO, SOURCES, train } from './train-spam-lib.mjs';

async function loadLegacy() {
  const scratch = mkdtempSync(path.join(tmpdir(), 'loso-rules-'));
  const outfile = path.join(scratch, 'rules.mjs');
  await esbuild.build({ absWorkingDir: REPO, entryPoints: ['bench/legacy-spam/document.ts'], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
  const module = await import(pathToFileURL(outfile).href);
  rmSync(scratch, { recursive: true, force: true });
  return module;
}

const WARNING = new Set(['seo', 'ad', 'contact', 'offtopic']);

export async function leaveOneSourceOut(dir, { verbose = false, sensitivity = 'medium', only, rules = false } = {}) {
  const core = await loadCore();
  // --rules: the same test documents checked by issue 5's rule scorer (bench/legacy-spam), for comparison.
  const legacy = rules ? await loadLegacy() : undefined;
  const { lines, docs } = readCorpus([dir]);
  const rows = [];
  for (const source of Object.values(SOURCES).filter((s) => !only || only.includes(s))) {
    const started = Date.now();
    let check;
    if (legacy) check = (text) => legacy.checkText(text, { sensitivity });
    else {
      const { data } = await train({ dirs: [dir], excludeSource: source, core, corpus: { lines, docs } });
      const model = core.loadModel(data);
      check = (text) => core.checkText(text, { sensitivity }, { model });
    }
    const spam = lines.filter((l) => l.source === source && l.cls !== 'clean');
    const ham = lines.filter((l) => l.source === source && l.cls === 'clean');
    const hosts = docs.filter((d) => d.src !== source);
    const r = rng(17);
    let tp = 0;
    const byKind = new Map();
    const misses = [];
    for (let i = 0; i < spam.length; ) {
      const n = Math.min(spam.length - i, r() < 0.5 ? 1 : 2);
      const host = hosts[Math.floor(r() * hosts.length)].lines.slice();
      const injected = new Set();
      for (let k = 0; k < n; k++) {
        const at = 1 + Math.floor(r() * host.length);
        host.splice(at, 0, spam[i + k].text);
        for (const j of [...injected]) if (j >= at) (injected.delete(j), injected.add(j + 1));
        injected.add(at);
      }
      const flagged = new Set(check(host.join('\n')).filter((f) => core.DOCUMENT_CLASSES && WARNING.has(f.label)).map((f) => f.line));
      for (const at of injected) {
        const line = spam.find((s, k) => k >= i && k < i + n && s.text === host[at]);
        const kind = line?.kind ?? '?';
        const entry = byKind.get(kind) ?? { tp: 0, all: 0 };
        entry.all++;
        if (flagged.has(at)) {
          tp++;
          entry.tp++;
        } else misses.push(host[at]);
        byKind.set(kind, entry);
      }
      i += n;
    }
    let fp = 0;
    const falseAlarms = [];
    const groups = new Map();
    for (const line of ham) {
      if (!groups.has(line.group)) groups.set(line.group, []);
      groups.get(line.group).push(line.text);
    }
    for (const texts of groups.values()) {
      for (let at = 0; at < texts.length; at += 15) {
        const doc = texts.slice(at, at + 15);
        for (const f of check(doc.join('\n'))) {
          if (!WARNING.has(f.label)) continue;
          fp++;
          falseAlarms.push(`${doc[f.line]}  [${f.label}: ${f.reasons.join('; ')}]`);
        }
      }
    }
    const row = {
      source,
      spam: spam.length,
      ham: ham.length,
      recall: spam.length ? tp / spam.length : NaN,
      precision: spam.length ? tp / Math.max(1, tp + fp) : NaN,
      falsePer1000: (1000 * fp) / Math.max(1, ham.length),
      kinds: [...byKind].map(([k, v]) => `${k} ${v.tp}/${v.all}`).join(', '),
      seconds: (Date.now() - started) / 1000,
    };
    rows.push(row);
    const f = (x) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));
    console.log(
      `${legacy ? 'rules' : 'loso'} ${source.padEnd(8)} spam ${String(row.spam).padStart(5)}  ham ${String(row.ham).padStart(5)}  recall ${f(row.recall)}  precision ${f(row.precision)}  false warnings/1000 ham ${row.falsePer1000.toFixed(2)}  (${row.seconds.toFixed(0)} s)${row.kinds ? `  by kind: ${row.kinds}` : ''}`,
    );
    if (verbose) {
      const sample = (list, n) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);
      for (const m of sample(misses, 15)) console.log(`    miss: ${m.slice(0, 100)}`);
      for (const m of sample(falseAlarms, 10)) console.log(`    false: ${m.slice(0, 160)}`);
    }
  }
  return rows;
}
