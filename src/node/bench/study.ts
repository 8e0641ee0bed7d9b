/** What bench/study.bench.mjs imports: the study core and the services it runs on. */
export { computeStats } from '../../core/study/stats';
export { hintsForLine } from '../../core/study/inlineHints';
export { KnownWords } from '../../core/study/knownWords';
export { wordReadingsOf } from '../../core/pinyin/readings';
export { PinyinModel } from '../../core/pinyin/model';
export { HskIndex } from '../../core/hsk/levels';
export { LookupService } from '../../core/lookup/service';
export { createNodeLookupService } from '../lookup';
export { CEDICT_INDEX_FILE } from '../../core/dict/cedictIndex';
