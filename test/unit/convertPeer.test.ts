/**
 * OpenCC's own test data (../shared/peer/opencc: testcases.json, the legacy .in/.ans pairs
 * and the golden files) through our converter and through raw opencc-js, config by
 * config. Ours must pass everything opencc-js passes. The pass rates are printed as test
 * diagnostics (npm run test:peer shows them); docs/benchmarks.md quotes them.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js';
import { createConverter } from '../../src/core/convert/engine';
import { CONVERSIONS } from '../../src/core/convert/variants';
import { REPO } from './helpers';

const PEER = path.resolve(REPO, '../shared/peer/opencc');
const available = existsSync(path.join(PEER, 'testcases/testcases.json'));

interface Case {
  readonly source: string;
  readonly id: string;
  readonly input: string;
  readonly expected: string;
}

/** Every expectation, per OpenCC config. */
function loadCases(): Map<string, Case[]> {
  const cases = new Map<string, Case[]>();
  const add = (config: string, c: Case) => {
    const list = cases.get(config) ?? [];
    list.push(c);
    cases.set(config, list);
  };
  // Upstream parses this file leniently: it has a trailing comma.
  const raw = readFileSync(path.join(PEER, 'testcases/testcases.json'), 'utf8').replace(/,(\s*[}\]])/g, '$1');
  const json = JSON.parse(raw) as { cases: { id: string; input: string; expected: Record<string, string> }[] };
  for (const c of json.cases) {
    for (const [config, expected] of Object.entries(c.expected)) add(config, { source: 'testcases.json', id: c.id, input: c.input, expected });
  }
  const legacy = path.join(PEER, 'testcases/legacy-8836bc50');
  for (const file of readdirSync(legacy).filter((f) => f.endsWith('.in'))) {
    const config = file.slice(0, -3);
    const inputs = readFileSync(path.join(legacy, file), 'utf8').split('\n');
    const answers = readFileSync(path.join(legacy, `${config}.ans`), 'utf8').split('\n');
    inputs.forEach((input, i) => {
      if (input.trim()) add(config, { source: 'legacy', id: `${file}:${i + 1}`, input, expected: answers[i] ?? '' });
    });
  }
  const golden = path.join(PEER, 'golden');
  const goldenInput = readFileSync(path.join(golden, 'input/us_constitution_zhs.txt'), 'utf8');
  for (const file of readdirSync(path.join(golden, 'output'))) {
    const config = /\.([a-z0-9_]+)\.txt$/.exec(file)![1]!;
    add(config, { source: 'golden', id: file, input: goldenInput, expected: readFileSync(path.join(golden, 'output', file), 'utf8') });
  }
  return cases;
}

test('OpenCC peer suite: every config opencc-js supports passes at least as often as raw opencc-js', { skip: !available && `SKIPPED LOUDLY: ${PEER} is missing` }, (t) => {
  const cases = loadCases();
  const rows: string[] = ['config | cases | ours | raw opencc-js | failing (ours)'];
  let total = 0;
  let oursTotal = 0;
  let rawTotal = 0;
  for (const conversion of CONVERSIONS) {
    const list = cases.get(conversion.id) ?? [];
    assert.ok(list.length > 0, `${conversion.id} has test cases`);
    const ours = createConverter(conversion.from, conversion.to);
    const raw = OpenCC.Converter({ from: conversion.from, to: conversion.to });
    let oursPass = 0;
    let rawPass = 0;
    const failing: string[] = [];
    for (const c of list) {
      const result = ours.convert(c.input);
      const oursOk = result.text === c.expected;
      // The minimal edits must rebuild the converted text exactly, on every case.
      let rebuilt = '';
      let last = 0;
      for (const e of result.edits) {
        rebuilt += c.input.slice(last, e.start) + e.text;
        last = e.end;
      }
      assert.equal(rebuilt + c.input.slice(last), result.text, `${conversion.id} ${c.id}: edits rebuild the output`);
      const rawOk = raw(c.input) === c.expected;
      if (oursOk) oursPass++;
      else failing.push(c.id);
      if (rawOk) rawPass++;
      assert.ok(oursOk || !rawOk, `${conversion.id} ${c.source} ${c.id}: opencc-js passes and we do not`);
    }
    total += list.length;
    oursTotal += oursPass;
    rawTotal += rawPass;
    const pct = (n: number) => `${n}/${list.length} (${((100 * n) / list.length).toFixed(1)}%)`;
    rows.push(`${conversion.id} | ${list.length} | ${pct(oursPass)} | ${pct(rawPass)} | ${failing.join(', ') || '-'}`);
  }
  rows.push(`all | ${total} | ${oursTotal} | ${rawTotal} |`);
  // The jieba configs need a segmenter opencc-js does not have: listed, not run.
  const jieba = [...cases.keys()].filter((k) => k.endsWith('_jieba'));
  rows.push(`not run (jieba segmentation, unsupported by opencc-js): ${jieba.join(', ')}`);
  for (const row of rows) t.diagnostic(row);
  assert.ok(oursTotal >= rawTotal);
});
