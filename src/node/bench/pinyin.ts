// What bench/pinyin.bench.mjs imports: contextual readings and the pieces it is built from.
export { readingsOf } from '../../core/pinyin/readings';
export { PinyinModel } from '../../core/pinyin/model';
export { CedictIndex } from '../../core/dict/cedictIndex';
export { createSegmenter } from '../engines';
export { loadScriptConverters } from '../scriptConverters';
export { loadCedictIndex } from '../lookup';
export { segment } from '../../core/segment/segmenter';
