/**
 * The reading view's pages: the webview shell (a strict CSP, the static script and
 * stylesheet, an empty document container the extension fills by message), the word card,
 * and the self-contained export (styles inline, no script at all).
 */
import type { HskLevels } from '../hsk/levels';
import { escapeHtml, rubyText, type SpamLineMode, type ToneColorScheme } from './render';
import { english, type Translate } from '../text/messages';

/** Body classes for the view's look: tone colours, spam lines, interlinear gloss. */
export interface PageLook {
  readonly toneColors: ToneColorScheme;
  readonly spamLines: SpamLineMode;
  readonly gloss: boolean;
}

export function bodyClasses(look: PageLook): string {
  return [`tones-${look.toneColors}`, `spam-${look.spamLines}`, ...(look.gloss ? ['gloss'] : [])].join(' ');
}

export interface ShellOptions {
  readonly title: string;
  /** A fresh random value per page load: the only scripts that run carry it. */
  readonly nonce: string;
  /** The webview's resource origin (webview.cspSource). */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly look: PageLook;
  /** The view's own words (buttons, labels) in the UI language; English when absent. */
  readonly translate?: Translate;
}

/** The CSP of the webview: nothing by default; styles and fonts from the extension's folder; scripts only with the nonce. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `font-src ${cspSource}`, `img-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
}

/** The webview's HTML; the document arrives by message (`init`, `lines`, `splice`). */
export function renderShell(options: ShellOptions): string {
  const nonce = escapeHtml(options.nonce);
  const t = options.translate ?? english;
  return `<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body class="${bodyClasses(options.look)}">
<nav id="bar" aria-label="${escapeHtml(t('Reading view'))}">
<button id="toggle-gloss" type="button" aria-pressed="${options.look.gloss}" title="${escapeHtml(t('Show a word-by-word English gloss under each line'))}">${escapeHtml(t('Gloss'))}</button>
<button id="toggle-script" type="button" aria-pressed="false" title="${escapeHtml(t('Show the text in the other script'))}">繁⇄简</button>
<button id="export" type="button" title="${escapeHtml(t('Export the reading view as one HTML file'))}">${escapeHtml(t('Export HTML'))}</button>
</nav>
<main id="doc" lang="zh" aria-live="off"></main>
<div id="card" role="dialog" aria-label="${escapeHtml(t('Word card'))}" hidden></div>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}

export interface CardEntry {
  readonly traditional: string;
  readonly simplified: string;
  /** Numbered pinyin as the dictionary writes it (`shu4 zi4`). */
  readonly pinyin: string;
  readonly definitions: readonly string[];
  /** `cc-cedict` or `glossary:…`. */
  readonly source: string;
}

export interface CardInput {
  readonly word: string;
  /** The contextual readings of the word's characters, numbered. */
  readonly readings: readonly (string | null)[];
  readonly entries: readonly CardEntry[];
  readonly levels: HskLevels;
  readonly known: boolean;
  readonly saved: boolean;
  /** Definitions shown per entry. */
  readonly maxDefinitions: number;
}

function tonedPinyin(syllables: readonly string[]): string {
  return syllables
    .map((s) => {
      const { text, tone } = rubyText(s);
      return `<span class="t${tone}">${escapeHtml(text)}</span>`;
    })
    .join(' ');
}

/** The card for a word: both scripts, pinyin in context, definitions, HSK levels, and the two study buttons. */
export function renderCard(input: CardInput, t: Translate = english): string {
  const forms = new Set<string>([input.word]);
  for (const e of input.entries) forms.add(e.traditional).add(e.simplified);
  const heading = [...forms].filter(Boolean).map((f) => `<span class="cw">${escapeHtml(f)}</span>`).join('<span class="sep">｜</span>');
  const readings = input.readings.filter((r): r is string => !!r);
  const levels = [input.levels.hsk3 !== undefined ? `HSK 3.0 ${input.levels.hsk3 === 7 ? '7–9' : input.levels.hsk3}` : '', input.levels.hsk2 !== undefined ? `HSK 2.0 ${input.levels.hsk2}` : '']
    .filter(Boolean)
    .join(' · ');
  const entries = input.entries
    .map((e) => {
      const defs = e.definitions.slice(0, input.maxDefinitions).map((d) => `<li>${escapeHtml(d)}</li>`).join('');
      const pinyin = e.pinyin ? `<span class="ep">${tonedPinyin(e.pinyin.trim().split(/\s+/))}</span> ` : '';
      const source = e.source === 'cc-cedict' ? '' : ` <span class="src">${escapeHtml(t('glossary {name}', { name: e.source.replace(/^glossary:/, '') }))}</span>`;
      return `<div class="entry">${pinyin}<span class="ef">${escapeHtml(e.traditional)}${e.simplified !== e.traditional ? ` / ${escapeHtml(e.simplified)}` : ''}</span>${source}<ol>${defs}</ol></div>`;
    })
    .join('');
  const status = [input.known ? t('Known') : t('Unknown'), ...(input.saved ? [t('In word list')] : [])].join(' · ');
  return `<div class="ch">${heading}</div>
<div class="cp">${readings.length ? tonedPinyin(readings) : ''}</div>
<div class="cl">${escapeHtml(levels || t('No HSK level'))} · ${escapeHtml(status)}</div>
${entries || `<div class="entry none">${escapeHtml(t('No dictionary entry.'))}</div>`}
<div class="actions"><button type="button" data-act="add">${escapeHtml(t('Add to Word List'))}</button><button type="button" data-act="known"${input.known ? ' disabled' : ''}>${escapeHtml(t('Mark as Known'))}</button></div>`;
}

export interface ExportOptions {
  readonly title: string;
  /** The view's stylesheet, inlined. */
  readonly css: string;
  /** The rendered lines, in order. */
  readonly lines: readonly string[];
  readonly look: PageLook;
  /** The editor's font size in pixels, which the view follows. */
  readonly fontSize: number;
  /** The theme the export is drawn in: VS Code's body class (vscode-light or vscode-dark). */
  readonly theme: 'vscode-light' | 'vscode-dark';
}

/** One self-contained HTML file: styles inline, no script, nothing fetched. */
export function renderExport(options: ExportOptions): string {
  // The stylesheet is ours, but it must not close the <style> element it sits in.
  const css = options.css.replace(/<\/style/gi, '<\\/style');
  return `<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>
${css}
:root { --rv-font-size: ${Math.max(6, Math.min(100, Math.round(options.fontSize)))}px; }
</style>
</head>
<body class="${options.theme} export ${bodyClasses(options.look)}">
<main id="doc" lang="zh">
${options.lines.join('\n')}
</main>
</body>
</html>
`;
}
