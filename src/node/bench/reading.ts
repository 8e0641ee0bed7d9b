/** What bench/reading.bench.mjs imports: the reading view's renderer and the sources it reads from. */
export { buildLine } from '../../core/reading/model';
export { renderLine, renderPending } from '../../core/reading/render';
export { renderExport } from '../../core/reading/page';
export { firstScreen } from '../../core/reading/firstScreen';
export { wordReadingsOf } from '../../core/pinyin/readings';
export { PinyinModel } from '../../core/pinyin/model';
export { HskIndex } from '../../core/hsk/levels';
export { KnownWords } from '../../core/study/knownWords';
export { LookupService } from '../../core/lookup/service';
export { createNodeLookupService } from '../lookup';
export { CEDICT_INDEX_FILE } from '../../core/dict/cedictIndex';
export { computeOutline } from '../../core/outline';
