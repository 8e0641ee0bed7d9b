/** What bench/reading.bench.mjs imports: the reading view's renderer and the sources it reads from. */
export { buildLine } from './model';
export { renderLine, renderPending } from './render';
export { renderExport } from './page';
export { wordReadingsOf } from '../pinyin/readings';
export { PinyinModel } from '../pinyin/model';
export { HskIndex } from '../hsk/levels';
export { KnownWords } from '../study/knownWords';
export { LookupService } from '../lookup/service';
export { CEDICT_INDEX_FILE } from '../dict/cedictIndex';
export { computeOutline } from '../outline';
