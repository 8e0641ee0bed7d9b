// What bench/pinyin.bench.mjs imports: contextual readings and the pieces it is built from.
export { readingsOf } from './readings';
export { PinyinModel } from './model';
export { CedictIndex } from '../dict/cedictIndex';
export { createSegmenter } from '../segment/engines';
export { loadScriptConverters } from '../segment/opencc';
export { segment } from '../segment/segmenter';
