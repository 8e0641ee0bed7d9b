/**
 * The platform the features run on. This file is the Node one's; the browser build
 * (esbuild.mjs, `browser` bundle) resolves this module to ./web.ts instead.
 */
export { platform } from './node';
export type { Platform } from './types';
