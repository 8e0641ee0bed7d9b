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

export async function run() {
  const { computeOutline } = await import(path.join(REPO, 'out/bench/outline.mjs'));
  const text = generateNovel();
  const megabytes = Buffer.byteLength(text) / (1024 * 1024);
  const check = computeOutline(text);
  const chapters = check.headings.filter((h) => h.kind === 'chapter').length;
  if (chapters !== 2000) throw new Error(`expected 2000 chapters, found ${chapters}`);
  if (naiveOutline(text).length !== 2020) throw new Error('the peer missed headings');
  computeOutline(text); // warm up
  const ours = median(7, () => time(() => computeOutline(text)));
  const peer = median(7, () => time(() => naiveOutline(text)));
  return [
    {
      metric: `outline of a ${megabytes.toFixed(1)} MB novel, 2,000 chapters in 20 volumes (budget 50 ms), median of 7`,
      ours: `${ours.toFixed(1)} ms${ours > 50 ? ' OVER BUDGET' : ''} (${check.headings.length} headings, levels, ranges, sizes)`,
      peer: `${peer.toFixed(1)} ms (${naiveOutline(text).length} matches, flat)`,
      peerName: 'naive line scan: split + one alternation regex per line',
    },
  ];
}
