// Outline of a 5 MB generated novel with 2,000 chapters (in 20 volumes): our core
// (first-character filter, rules with list and sentence checks, levels, section
// sizes) against the naive way regex outline extensions work: split the text into
// lines and test one alternation of heading patterns on every line.
import path from 'node:path';
import { REPO, median, time } from './lib.mjs';

export const name = 'outline';

const NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1234 -> 一千二百三十四, as novels number their chapters. */
function chinese(n) {
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      if (!out.endsWith('零') && i < digits.length - 1 && digits.slice(i + 1).some((x) => x > 0)) out += '零';
    } else out += (d === 1 && unit === '十' && i === 0 ? '' : NUMERALS[d]) + unit;
  });
  return out;
}

/** A novel of about `megabytes` MB: title, volumes, chapters, indented paragraphs with dialogue and numbers. */
export function generateNovel(chapters = 2000, megabytes = 5) {
  const paragraph =
    '　　雨下了一整夜，鎮上的燈火一盞接一盞地熄滅。他推開客棧的門，說：「掌櫃的，還有空房嗎？」' +
    '掌櫃抬起頭，看了看他手裡的舊劍，又看了看門外的雨，過了很久才說：「二樓還有一間，三兩銀子一晚。」\n';
  const perChapter = Math.floor((megabytes * 1024 * 1024) / chapters);
  const paragraphs = Math.max(1, Math.ceil(perChapter / Buffer.byteLength(paragraph)));
  const parts = ['山河舊夢\n\n'];
  for (let c = 1; c <= chapters; c++) {
    if ((c - 1) % 100 === 0) parts.push(`第${chinese((c - 1) / 100 + 1)}卷　風雨第${c}回\n\n`);
    parts.push(`第${chinese(c)}章　夜雨${c}\n\n`, paragraph.repeat(paragraphs), '\n');
  }
  return parts.join('');
}

/** The peer: one alternation tested on every line, as a regex-outline extension with these rules would. */
const NAIVE = /^\s*(第[〇零一二三四五六七八九十百千万两0-9]+[卷部章回節节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.]|[（(]\d+[）)]|#{1,6}\s)/;
function naiveOutline(text) {
  const found = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = NAIVE.exec(lines[i]);
    if (m) found.push({ line: i, title: lines[i].trim() });
  }
  return found;
}

/** Typical user rules: named openings, a numbered part, and a level-0 override. */
const USER_RULES = [
  { pattern: '^(?:序章|楔子|尾聲|後記)$', level: 2 },
  { pattern: '^Part (?<num>\\d+)', level: 1 },
  { pattern: '^\\d+、', level: 0 },
];

/**
 * The user rules alone over the lines the outline gives them (trimmed, at most 120
 * characters): `matchLine` is the engine. The same loop serves ours and the peer.
 */
function ruleScan(text, rules, matchLine) {
  let found = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.length > 120) continue;
    for (const rule of rules) {
      if (!matchLine(rule, line)) continue;
      if (rule.level > 0) found++;
      break;
    }
  }
  return found;
}
/** Ours: re2js through the compiled rules (test, then groups only for a rule with `num`). */
const re2Line = (rule, line) => {
  if (!rule.test(line)) return false;
  if (rule.level > 0) rule.match(line);
  return true;
};
/** The peer: JavaScript's RegExp, as the outline ran user rules before issue 10. */
const nativeLine = (rule, line) => rule.regex.exec(line) !== null;

export async function run() {
  const { computeOutline, compileUserRules } = await import(path.join(REPO, 'out/bench/outline.mjs'));
  const text = generateNovel();
  const megabytes = Buffer.byteLength(text) / (1024 * 1024);
  const check = computeOutline(text);
  const chapters = check.headings.filter((h) => h.kind === 'chapter').length;
  if (chapters !== 2000) throw new Error(`expected 2000 chapters, found ${chapters}`);
  if (naiveOutline(text).length !== 2020) throw new Error('the peer missed headings');
  computeOutline(text); // warm up
  const ours = median(7, () => time(() => computeOutline(text)));
  const peer = median(7, () => time(() => naiveOutline(text)));
  // User rules: the same three rules on re2js (the outline) and on RegExp (the peer).
  const novelWithRules = text.replace('第一章', '序章\n\n第一章').replace(/(第[一二三四五六七八九十百千]+卷)/g, 'Part 1\n\n$1');
  const userRules = compileUserRules(USER_RULES);
  if (userRules.errors.length > 0) throw new Error(userRules.errors[0].message);
  const nativeRules = USER_RULES.map((r) => ({ ...r, regex: new RegExp(r.pattern, 'u') }));
  const ourCount = ruleScan(novelWithRules, userRules.rules, re2Line);
  if (ourCount !== ruleScan(novelWithRules, nativeRules, nativeLine) || ourCount !== 21) throw new Error(`the engines disagree or miss headings (${ourCount})`);
  const scanOurs = median(7, () => time(() => ruleScan(novelWithRules, userRules.rules, re2Line)));
  const scanPeer = median(7, () => time(() => ruleScan(novelWithRules, nativeRules, nativeLine)));
  computeOutline(novelWithRules, { userRules }); // warm up
  const withRules = median(7, () => time(() => computeOutline(novelWithRules, { userRules })));

  // A hostile rule and line (issue 10): ^(?:a?b?)*$ on ab × 19 + "!" (39 characters). RegExp's
  // time grows about ×3.3 per extra "ab" (9.8 s at 53 characters), so the peer runs at a size
  // it finishes; ours runs on the longest line the rules see (120 characters).
  const hostileRule = compileUserRules([{ pattern: '^(?:a?b?)*$', level: 2 }]).rules[0];
  const peerLine = `${'ab'.repeat(19)}!`;
  const ourLine = `${'ab'.repeat(59)}!`;
  if (hostileRule.test(ourLine) || /^(?:a?b?)*$/u.test(peerLine)) throw new Error('the hostile lines must not match');
  const hostileOurs = median(7, () => time(() => hostileRule.test(ourLine)));
  const hostilePeer = median(3, () => time(() => /^(?:a?b?)*$/u.test(peerLine)));

  return [
    {
      metric: `3 user rules (${USER_RULES.map((r) => r.pattern).join('  ')}) over the same novel's lines of ≤ 120 characters, median of 7`,
      ours: `${scanOurs.toFixed(1)} ms on re2js, ${(scanOurs / scanPeer).toFixed(1)}× the peer (whole outline with the rules: ${withRules.toFixed(1)} ms)`,
      peer: `${scanPeer.toFixed(1)} ms (${ourCount} headings, the same as ours)`,
      peerName: "the same rules and loop on JavaScript's RegExp (backtracking)",
    },
    {
      metric: 'hostile user rule ^(?:a?b?)*$ on one line that fails at its last character',
      ours: `${hostileOurs.toFixed(3)} ms on ${ourLine.length} characters (re2js)`,
      peer: `${hostilePeer.toFixed(1)} ms on ${peerLine.length} characters (ratio peer/ours ${(hostilePeer / hostileOurs).toFixed(0)})`,
      peerName: "JavaScript's RegExp (backtracking), which the outline used before",
    },
    {
      metric: `outline of a ${megabytes.toFixed(1)} MB novel, 2,000 chapters in 20 volumes (budget 50 ms), median of 7`,
      ours: `${ours.toFixed(1)} ms${ours > 50 ? ' OVER BUDGET' : ''} (${check.headings.length} headings, levels, ranges, sizes)`,
      peer: `${peer.toFixed(1)} ms (${naiveOutline(text).length} matches, flat)`,
      peerName: 'naive line scan: split + one alternation regex per line',
    },
  ];
}
