/**
 * The walkthrough's sample article (media/walkthrough/sample.zh.txt, opened by "Open the
 * Sample Article" where the workspace has no seed) must show what the walkthrough's steps
 * promise: Traditional text, one Simplified keyword-stuffing line at the end flagged as a
 * warning, the byline as information, and nothing else.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectScript } from '../../src/core/script/detect';
import { checkText } from '../../src/core/spam/document';
import { readRepoFile } from './helpers';

const sample = readRepoFile('media/walkthrough/sample.zh.txt');
const lines = sample.split('\n');

test('the sample article is Traditional, with a Simplified last line', () => {
  assert.equal(detectScript(lines.slice(0, -2).join('\n')).script, 'traditional');
  assert.equal(detectScript(lines.at(-2)!).script, 'simplified');
});

test('the sample article shows one warning, on its keyword-stuffing last line, and the byline as information', () => {
  const findings = checkText(sample);
  const warnings = findings.filter((f) => f.severity === 'warning');
  assert.deepEqual(warnings.map((f) => f.line), [lines.length - 2], JSON.stringify(findings));
  const others = findings.filter((f) => f.severity !== 'warning');
  assert.deepEqual(others.map((f) => f.line), [1], JSON.stringify(others));
});
