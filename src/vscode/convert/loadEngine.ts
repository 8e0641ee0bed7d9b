/**
 * The conversion engine, from the platform: in Node a bundle of its own required on the
 * first conversion (loading it with the extension would cost every VS Code start several
 * milliseconds for a feature used later); in the browser build, bundled in.
 */
import type * as Engine from '../../core/convert/engine';
import { platform } from '../platform';

export type ConvertEngine = typeof Engine;

export function loadEngine(): ConvertEngine {
  return platform.loadConvertEngine();
}
