/** What bench/study.bench.mjs imports: the study core and the services it runs on. */
export { computeStats } from './stats';
export { hintsForLine } from './inlineHints';
export { KnownWords } from './knownWords';
export { wordReadingsOf } from '../pinyin/readings';
export { PinyinModel } from '../pinyin/model';
export { HskIndex } from '../hsk/levels';
export { LookupService } from '../lookup/service';
export { CEDICT_INDEX_FILE } from '../dict/cedictIndex';
