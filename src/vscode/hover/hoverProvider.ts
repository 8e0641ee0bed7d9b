/**
 * The hover: the word under the mouse, looked up in the glossaries and CC-CEDICT. The
 * dictionary, OpenCC and the segmenter load on the first hover over a Han character,
 * never at activation.
 */
import * as vscode from 'vscode';
import { platform } from '../platform';
import type { Glossary } from '../../core/glossary/glossary';
import { codePointStart } from '../../core/text/codePoints';
import { renderMarkdown, type RenderOptions } from '../../core/lookup/render';
import type { LookupService } from '../../core/lookup/service';
import { SEGMENTER_ENGINES, type SegmenterEngine } from '../../core/segment/segmenter';
import { getSetting, isChineseReaderDocument } from '../config';
import { CONVERTED_SCHEME } from '../convert/convertedCopy';
import { registerGlossary, type GlossaryService } from '../glossary/glossaryService';
import { STUDY_HOVER_LINKABLE } from '../commandIds';
import { log } from '../log';
import { translate } from '../l10n';

export interface HoverGlossary extends vscode.Disposable {
  readonly glossary: GlossaryService;
  /** The segmenter engine of the last hover (after any fallback); undefined before the first. */
  lastEngine(): SegmenterEngine | undefined;
  /** The hover's dictionary and segmenter, shared with the study tools (one copy in memory). */
  readonly lookup: LookupService;
  /**
   * Sets the study tools' part of the hover (HSK levels, frequency, components and the
   * allow-listed word-list links), appended after the dictionary entry.
   */
  setStudySection(section: StudySection): void;
}

/** Escaped markdown for the hovered word's range; '' when there is nothing to add. */
export type StudySection = (document: vscode.TextDocument, range: vscode.Range) => Promise<string>;

const HAN = /\p{Script=Han}/u;

/**
 * The UTF-16 offset of the Han character at `character` in `line` (a position between the
 * two units of an Extension B character is that character), or undefined.
 */
function hanAt(line: string, character: number): number | undefined {
  const at = codePointStart(line, character);
  const cp = line.codePointAt(at);
  return cp !== undefined && HAN.test(String.fromCodePoint(cp)) ? at : undefined;
}

function renderOptions(document: vscode.TextDocument): RenderOptions {
  const toneColors = getSetting('hover.toneColors', document);
  const scriptFirst = getSetting('hover.scriptFirst', document);
  const maxDefinitions = getSetting('hover.maxDefinitions', document);
  return {
    toneColors: toneColors === 'none' ? 'none' : 'pleco',
    zhuyin: getSetting('hover.zhuyin', document),
    scriptFirst: scriptFirst === 'traditional' || scriptFirst === 'simplified' ? scriptFirst : 'hovered',
    maxDefinitions: Number.isFinite(maxDefinitions) && maxDefinitions >= 1 ? Math.floor(maxDefinitions) : 8,
    translate,
  };
}

function engineSetting(): SegmenterEngine {
  const engine = getSetting('segmenter.engine', null);
  return SEGMENTER_ENGINES.includes(engine) ? engine : 'jieba-rs';
}

/** Registers the hover and the glossary service; `extensionUri` locates dist/cedict.idx. */
export function registerHoverGlossary(extensionUri: vscode.Uri): HoverGlossary {
  const lookup = platform.createLookupService(extensionUri, ({ what, ms }) =>
    log().info(`Loaded ${what} in ${Math.round(ms)} ms (first hover).`),
  );
  const glossary = registerGlossary();
  const warned = new Set<string>();
  let lastEngine: SegmenterEngine | undefined;
  let studySection: StudySection | undefined;

  // Hand the lookup a glossary only when it is a new one: setting it re-adds the terms to
  // the segmenter and empties the segmentation cache.
  let synced: Glossary | undefined;
  const syncGlossary = async () => {
    const current = await glossary.current();
    if (current !== synced) {
      lookup.setGlossary(current);
      synced = current;
    }
  };

  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      const isCopy = document.uri.scheme === CONVERTED_SCHEME;
      if ((!isCopy && !isChineseReaderDocument(document)) || !getSetting('hover.enabled', document)) return undefined;
      if (hanAt(document.lineAt(position.line).text, position.character) === undefined) return undefined;
      const state = await lookup.ready(engineSetting());
      lastEngine = state.engine;
      if (state.warning && !warned.has(state.warning)) {
        warned.add(state.warning);
        log().warn(`Fallback: ${state.warning}.${state.detail ? ` The loader said: ${state.detail}` : ''}`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Chinese Reader: {warning}. The log (Output: Chinese Reader) has the details.', { warning: state.warning }));
      }
      await syncGlossary();
      // VS Code drops the answer to a cancelled request anyway.
      if (token.isCancellationRequested) return undefined;
      // The first hover waits for the loads, during which the text may have changed: look
      // up the line as it is now rather than give up: an empty answer stays empty, because
      // VS Code does not ask again while the mouse rests on the same character.
      if (position.line >= document.lineCount) return undefined;
      const line = document.lineAt(position.line).text;
      const at = hanAt(line, position.character);
      if (at === undefined) return undefined;
      const result = lookup.lookupAt(line, at, state.engine);
      if (!result) return undefined;
      const range = new vscode.Range(position.line, result.match.start, position.line, result.match.end);
      const markdown = new vscode.MarkdownString(renderMarkdown(result, renderOptions(document)));
      // HTML only for the tone colours (`<span style="color:…">`); glossary text is escaped.
      markdown.supportHtml = true;
      // The dictionary part links to nothing. The study part links to our own word-list
      // commands only: trust is limited to that allow-list, so a link that slipped through
      // escaping could run nothing else.
      markdown.isTrusted = false;
      const extra = studySection ? await studySection(document, range) : '';
      if (token.isCancellationRequested) return undefined;
      if (extra) {
        markdown.appendMarkdown(extra);
        markdown.isTrusted = { enabledCommands: [...STUDY_HOVER_LINKABLE] };
      }
      return new vscode.Hover(markdown, range);
    },
  };

  // The converted copy is a view of a Chinese document: it gets the hover too.
  const selector: vscode.DocumentSelector = [
    { scheme: 'file' },
    { scheme: 'untitled' },
    { scheme: 'vscode-remote' },
    { scheme: 'vscode-vfs' },
    { scheme: CONVERTED_SCHEME },
  ];
  const registration = vscode.languages.registerHoverProvider(selector, provider);
  return {
    glossary,
    lookup,
    lastEngine: () => lastEngine,
    setStudySection(section) {
      studySection = section;
    },
    dispose() {
      registration.dispose();
      glossary.dispose();
    },
  };
}
