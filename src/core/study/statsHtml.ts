/**
 * The reading statistics as an HTML page for a webview: tables and an SVG bar chart of the
 * HSK level distribution. No script at all; styles come in one <style> element carrying
 * the CSP nonce, colours from the theme's CSS variables (readable in light, dark and high
 * contrast); every text from the document is escaped.
 */
import { escapeHtml } from '../text/html';
import { formatEstimate, formatMinutes, formatShare, MAX_LEVEL, type DocumentStats, type ReadingStats } from './stats';
import { english, type Translate } from '../text/messages';

export interface StatsPageOptions {
  readonly title: string;
  readonly nonce: string;
  /** The webview's CSP source (webview.cspSource). */
  readonly cspSource: string;
  readonly syllabus: '2.0' | '3.0';
  /** Known-words list size, for the note under the table. */
  readonly knownListSize: number;
  /** The page's own words in the UI language; English when absent. */
  readonly translate?: Translate;
}

/** Sections listed in the table; a novel with thousands of headings lists the first ones. */
export const MAX_SECTION_ROWS = 500;

function levelLabel(level: number, syllabus: '2.0' | '3.0', t: Translate): string {
  if (level === 0) return t('not in HSK');
  return syllabus === '3.0' && level === 7 ? 'HSK 7–9' : `HSK ${level}`;
}

/** The level distribution as horizontal SVG bars, each labelled with its count and share. */
export function levelChart(stats: ReadingStats, syllabus: '2.0' | '3.0', t: Translate = english): string {
  const top = syllabus === '3.0' ? MAX_LEVEL : 6;
  const rows = [...Array.from({ length: top }, (_, i) => i + 1), 0];
  const max = Math.max(1, ...rows.map((l) => stats.levels[l] ?? 0));
  const rowHeight = 22;
  const labelWidth = 90;
  const barWidth = 320;
  const height = rows.length * rowHeight + 4;
  const bars = rows.map((level, i) => {
    const count = stats.levels[level] ?? 0;
    const share = stats.words ? count / stats.words : 0;
    const width = Math.round((count / max) * barWidth);
    const y = i * rowHeight + 2;
    return (
      `<text class="label" x="0" y="${y + 15}">${escapeHtml(levelLabel(level, syllabus, t))}</text>` +
      `<rect class="${level === 0 ? 'bar other' : 'bar'}" x="${labelWidth}" y="${y + 3}" width="${width}" height="${rowHeight - 6}"></rect>` +
      `<text class="value" x="${labelWidth + width + 6}" y="${y + 15}">${count.toLocaleString('en-US')} (${formatShare(share)})</text>`
    );
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(t('Words per HSK level'))}" width="${labelWidth + barWidth + 140}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 140} ${height}">${bars.join('')}</svg>`;
}

function row(label: string, s: ReadingStats, syllabus: '2.0' | '3.0', t: Translate, indent = 0): string {
  const cells = [
    s.characters.toLocaleString('en-US'),
    s.hanCharacters.toLocaleString('en-US'),
    s.words.toLocaleString('en-US'),
    s.distinctWords.toLocaleString('en-US'),
    formatShare(s.knownShare),
    formatEstimate(s, syllabus, t),
    formatMinutes(s.readingMinutes, t),
  ];
  return `<tr><th scope="row" class="indent${Math.min(indent, 6)}">${escapeHtml(label)}</th>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
}

export function renderStatsPage(stats: DocumentStats, options: StatsPageOptions): string {
  const { syllabus } = options;
  const t = options.translate ?? english;
  const d = stats.document;
  const columns = [t('Section'), t('Characters'), t('Han'), t('Words'), t('Distinct'), t('Known'), t('Level'), t('Reading time')];
  const head = `<tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr>`;
  const sections = stats.sections.slice(0, MAX_SECTION_ROWS).map((s) => row(s.title, s, syllabus, t, s.level - 1));
  const more =
    stats.sections.length > MAX_SECTION_ROWS ? `<p class="note">${escapeHtml(t('…and {count} more sections.', { count: stats.sections.length - MAX_SECTION_ROWS }))}</p>` : '';
  const csp = `default-src 'none'; img-src ${options.cspSource}; style-src 'nonce-${options.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style nonce="${escapeHtml(options.nonce)}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); padding: 0 1.5em 2em; }
h1 { font-size: 1.3em; font-weight: 600; }
h2 { font-size: 1.1em; font-weight: 600; margin-top: 1.6em; }
.summary { display: flex; flex-wrap: wrap; gap: 1.5em; margin: 1em 0; }
.summary div { min-width: 7em; }
.summary .n { font-size: 1.6em; font-weight: 600; display: block; }
.summary .k { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; }
th, td { padding: 3px 10px; text-align: right; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
th[scope=row], th[scope=col]:first-child { text-align: left; font-weight: normal; min-width: 12em; }
td { white-space: nowrap; }
th[scope=col] { font-weight: 600; }
${[1, 2, 3, 4, 5, 6].map((i) => `.indent${i} { padding-left: ${10 + i * 14}px; }`).join('\n')}
.chart .bar { fill: var(--vscode-charts-blue); }
.chart .bar.other { fill: var(--vscode-charts-orange); }
.chart text { fill: var(--vscode-foreground); font-size: 12px; font-family: var(--vscode-font-family); }
.note { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<h1>${escapeHtml(t('Reading statistics: {title}', { title: options.title }))}</h1>
<div class="summary">
<div><span class="n">${escapeHtml(formatShare(d.knownShare))}</span><span class="k">${escapeHtml(t('of words known'))}</span></div>
<div><span class="n">${escapeHtml(formatEstimate(d, syllabus, t))}</span><span class="k">${escapeHtml(t('estimated level (95% of words)'))}</span></div>
<div><span class="n">${d.words.toLocaleString('en-US')}</span><span class="k">${escapeHtml(t('words, {distinct} distinct', { distinct: d.distinctWords.toLocaleString('en-US') }))}</span></div>
<div><span class="n">${escapeHtml(formatMinutes(d.readingMinutes, t))}</span><span class="k">${escapeHtml(t('reading time'))}</span></div>
</div>
<h2>${escapeHtml(t('Words per HSK {syllabus} level', { syllabus }))}</h2>
${levelChart(d, syllabus, t)}
<h2>${escapeHtml(t('Sections'))}</h2>
<table>
<thead>${head}</thead>
<tbody>
${row(t('Whole document'), d, syllabus, t)}
${sections.join('\n')}
</tbody>
</table>
${more}
<p class="note">${escapeHtml(t("Words are the segmenter's tokens holding a Han character. Known: share of word tokens in your known-words list ({count} words). Level: the lowest HSK level whose words cover 95% of the word tokens.", { count: options.knownListSize.toLocaleString('en-US') }))}</p>
</body>
</html>`;
}
