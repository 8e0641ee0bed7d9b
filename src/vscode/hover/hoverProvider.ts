/**
 * The hover: the word under the mouse, looked up in the glossaries and CC-CEDICT. The
 * dictionary, OpenCC and the segmenter load on the first hover over a Han character,
 * never at activation.
 */
import path from 'node:path';
import * as vscode from 'vscode';
import { CEDICT_INDEX_FILE } from '../../core/dict/cedictIndex';
import type { Glossary } from '../../core/glossary/glossary';
import { renderMarkdown, type RenderOptions } from '../../core/lookup/render';
import { LookupService } from '../../core/lookup/service';
import { SEGMENTER_ENGINES, type SegmenterEngine } from '../../core/segment/segmenter';
import { getSetting, isChineseReaderDocument } from '../config';
import { registerGlossary, type GlossaryService } from '../glossary/glossaryService';

export interface HoverGlossary extends vscode.Disposable {
  readonly glossary: GlossaryService;
  /** The segmenter engine of the last hover (after any fallback); undefined before the first. */
  lastEngine(): SegmenterEngine | undefined;
}

const HAN = /\p{Script=Han}/u;

function renderOptions(document: vscode.TextDocument): RenderOptions {
  const toneColors = getSetting('hover.toneColors', document);
  const scriptFirst = getSetting('hover.scriptFirst', document);
  const maxDefinitions = getSetting('hover.maxDefinitions', document);
  return {
    toneColors: toneColors === 'none' ? 'none' : 'pleco',
    zhuyin: getSetting('hover.zhuyin', document),
    scriptFirst: scriptFirst === 'traditional' || scriptFirst === 'simplified' ? scriptFirst : 'hovered',
    maxDefinitions: Number.isFinite(maxDefinitions) && maxDefinitions >= 1 ? Math.floor(maxDefinitions) : 8,
  };
}

function engineSetting(): SegmenterEngine {
  const engine = getSetting('segmenter.engine', null);
  return SEGMENTER_ENGINES.includes(engine) ? engine : 'jieba-rs';
}

/** Registers the hover and the glossary service; `extensionPath` locates dist/cedict.idx. */
export function registerHoverGlossary(extensionPath: string): HoverGlossary {
  const lookup = new LookupService(path.join(extensionPath, 'dist', CEDICT_INDEX_FILE));
  const glossary = registerGlossary();
  const warned = new Set<string>();
  let lastEngine: SegmenterEngine | undefined;

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
      if (!isChineseReaderDocument(document) || !getSetting('hover.enabled', document)) return undefined;
      const version = document.version;
      const line = document.lineAt(position.line).text;
      // A position between the two UTF-16 units of an Extension B character is that character.
      const low = line.charCodeAt(position.character);
      const at = low >= 0xdc00 && low <= 0xdfff && position.character > 0 ? position.character - 1 : position.character;
      const ch = String.fromCodePoint(line.codePointAt(at) ?? 32);
      if (!HAN.test(ch)) return undefined;
      const state = await lookup.ready(engineSetting());
      lastEngine = state.engine;
      if (state.warning && !warned.has(state.warning)) {
        warned.add(state.warning);
        void vscode.window.showWarningMessage(`Chinese Reader: ${state.warning}.`);
      }
      await syncGlossary();
      // The first hover waits for the loads: the text read before them may have changed.
      if (token.isCancellationRequested || document.version !== version) return undefined;
      const result = lookup.lookupAt(line, at, state.engine);
      if (!result) return undefined;
      const markdown = new vscode.MarkdownString(renderMarkdown(result, renderOptions(document)));
      // HTML only for the tone colours (`<span style="color:…">`); glossary text is escaped.
      // The markdown links to nothing, so it is not trusted: a link that slipped through
      // escaping could not run any command.
      markdown.supportHtml = true;
      markdown.isTrusted = false;
      const range = new vscode.Range(position.line, result.match.start, position.line, result.match.end);
      return new vscode.Hover(markdown, range);
    },
  };

  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];
  const registration = vscode.languages.registerHoverProvider(selector, provider);
  return {
    glossary,
    lastEngine: () => lastEngine,
    dispose() {
      registration.dispose();
      glossary.dispose();
    },
  };
}
