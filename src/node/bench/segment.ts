/** What the segmentation bench and the bakeoff scorer import (out/bench/segmentEngines.mjs). */
export { loadSegmenter } from '../engines';
export { loadScriptConverters } from '../scriptConverters';
export { segment, simplifiedAligned } from '../../core/segment/segmenter';
