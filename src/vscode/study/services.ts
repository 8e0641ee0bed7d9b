/**
 * The study tools' heavy pieces, each loaded once on first need, never at activation: the
 * lookup service (CC-CEDICT, OpenCC, the segmenter), the contextual pinyin model, the HSK
 * index and the components data. Lines read for inline pinyin and highlighting are cached
 * by their text, so scrolling back costs nothing.
 */
import * as vscode from 'vscode';
import { platform } from '../platform';
import { HskIndex, type HskIndexData } from '../../core/hsk/levels';
import type { LookupService } from '../../core/lookup/service';
import { PinyinModel } from '../../core/pinyin/model';
import { wordReadingsOf, readingsOf, type Reading, type ReadingSources, type WordReading } from '../../core/pinyin/readings';
import { SEGMENTER_ENGINES, type SegmenterEngine } from '../../core/segment/segmenter';
import { ComponentsIndex } from '../../core/study/components';
import { codePointStart } from '../../core/text/codePoints';
import { getSetting } from '../config';
import type { GlossaryService } from '../glossary/glossaryService';

/** Lines whose word readings are kept. */
const LINE_CACHE_SIZE = 4096;
/**
 * Longest part of a line that inline pinyin and highlighting read: a megabyte-long line
 * (a minified or unwrapped file) gets hints and highlights for its first 20,000 units only,
 * instead of stalling the editor.
 */
export const MAX_LINE_READ = 20_000;

/** `line` cut to MAX_LINE_READ UTF-16 units, never inside a surrogate pair. */
export function readablePart(line: string): string {
  if (line.length <= MAX_LINE_READ) return line;
  return line.slice(0, codePointStart(line, MAX_LINE_READ));
}

export interface ReadyStudy {
  readonly lookup: LookupService;
  readonly engine: SegmenterEngine;
  readonly sources: ReadingSources;
  readonly hsk: HskIndex;
  /** The HSK index's raw data, for "every word up to level N". */
  readonly hskData: HskIndexData;
  readonly toSimplified: (text: string) => string;
}

export class StudyServices implements vscode.Disposable {
  private ready?: Promise<ReadyStudy>;
  private components?: Promise<ComponentsIndex>;
  /** The loads' results once they have settled, for callers that must not wait (the hover). */
  private loadedStudy?: ReadyStudy;
  private loadedComponents?: ComponentsIndex;
  private readonly lines = new Map<string, WordReading[]>();
  private syncedGlossary: unknown;

  /**
   * `sharedLookup`: the hover's lookup service, when the hover hands it over, so that one
   * dictionary and one segmenter serve both; without it the study tools load their own.
   */
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly glossary?: GlossaryService,
    private readonly sharedLookup?: LookupService,
  ) {}

  private async readDist(file: string): Promise<string> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', file));
    return new TextDecoder('utf-8').decode(bytes);
  }

  /** Everything inline pinyin, highlighting, statistics and the word list need; loads once. */
  load(): Promise<ReadyStudy> {
    if (this.ready) return this.ready;
    this.ready = (async () => {
      const configured = getSetting('segmenter.engine', null);
      const lookup = this.sharedLookup ?? platform.createLookupService(this.extensionUri);
      const state = await lookup.ready(SEGMENTER_ENGINES.includes(configured) ? configured : 'jieba-rs');
      const [modelText, hskText] = await Promise.all([this.readDist('pinyin-model.json'), this.readDist('hsk-levels.json')]);
      const model = PinyinModel.fromJson(modelText);
      const hskData = JSON.parse(hskText) as HskIndexData;
      const toSimplified = lookup.scriptConverters?.toSimplified ?? ((t: string) => t);
      const sources: ReadingSources = {
        dictionary: lookup.cedict,
        segment: (text) => lookup.segment(text, state.engine),
        toSimplified: lookup.scriptConverters?.toSimplified,
        model,
      };
      return { lookup, engine: state.engine, sources, hsk: new HskIndex(hskData), hskData, toSimplified };
    })();
    // A failed load is retried on the next use instead of failing forever.
    // Once per load, not per call: the inline hints ask on every visible range.
    this.ready.then(
      (study) => (this.loadedStudy = study),
      () => (this.ready = undefined),
    );
    return this.ready;
  }

  /** Project glossary terms join the segmenter's dictionary, as in the hover. */
  async syncGlossary(study: ReadyStudy): Promise<void> {
    if (!this.glossary) return;
    const current = await this.glossary.current();
    if (current !== this.syncedGlossary) {
      study.lookup.setGlossary(current);
      this.syncedGlossary = current;
      this.lines.clear();
    }
  }

  /** The line's words with their contextual readings, cached by the line's text. */
  wordReadings(study: ReadyStudy, line: string): WordReading[] {
    const cached = this.lines.get(line);
    if (cached) {
      // Refresh its place in the LRU order.
      this.lines.delete(line);
      this.lines.set(line, cached);
      return cached;
    }
    const words = wordReadingsOf(line, study.sources);
    if (this.lines.size >= LINE_CACHE_SIZE) this.lines.delete(this.lines.keys().next().value!);
    this.lines.set(line, words);
    return words;
  }

  /** Contextual readings of one line (not cached: used for saving one word). */
  readings(study: ReadyStudy, line: string): Reading[] {
    return readingsOf(line, study.sources);
  }

  loadComponents(): Promise<ComponentsIndex> {
    if (this.components) return this.components;
    this.components = this.readDist('components.json').then((text) => ComponentsIndex.fromJson(text));
    this.components.then(
      (index) => (this.loadedComponents = index),
      () => (this.components = undefined),
    );
    return this.components;
  }
  /**
   * What has loaded so far, starting the loads that have not: the hover asks this and shows
   * its study part only once the pinyin model and the components data are in, so that the
   * first hover's dictionary entry never waits for them.
   */
  loadedNow(): { study?: ReadyStudy; components?: ComponentsIndex } {
    if (!this.loadedStudy) void this.load().catch(() => undefined);
    if (!this.loadedComponents) void this.loadComponents().catch(() => undefined);
    return { study: this.loadedStudy, components: this.loadedComponents };
  }


  /** The word's level in `syllabus`, undefined when that list lacks it. */
  static levelIn(study: ReadyStudy, word: string, syllabus: '2.0' | '3.0'): number | undefined {
    const levels = study.hsk.levels(word);
    const found = syllabus === '2.0' ? levels.hsk2 : levels.hsk3;
    if (found !== undefined) return found;
    // Traditional text: the lists hold both forms, but a segmenter token may be a variant.
    const simplified = study.toSimplified(word);
    if (simplified === word) return undefined;
    const s = study.hsk.levels(simplified);
    return syllabus === '2.0' ? s.hsk2 : s.hsk3;
  }

  dispose(): void {
    this.lines.clear();
  }
}
