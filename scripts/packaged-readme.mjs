#!/usr/bin/env node
// Writes dist/README.md, the README the .vsix ships (`vsce package --readme-path
// dist/README.md`, as `npm run package` and `npm run package:all` do): README.md with every
// relative image inlined as a data: URL.
//
// Why: VS Code shows an installed extension's README in a webview whose content security
// policy allows images only from https: and data: (VS Code 1.100's extension editor sets
// `img-src https: data:` and no base URL), so a relative image such as
// docs/images/readme/hover.webp is broken in the details page of an extension installed from
// a .vsix; vsce would rewrite it to an https URL only from a `repository`, which this
// project has not. Inlined, the screenshots show offline. The links to other pages stay
// relative: the .vsix ships docs/*.md and CONTRIBUTING.md, so they resolve inside the
// extension's folder (test/packages checks both).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const OUT = 'dist/README.md';

/** Image types VS Code and the Marketplace show; SVG is refused by vsce in a README. */
const MEDIA_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };

/** README text with each relative Markdown image `![alt](path)` replaced by a data: URL. */
export function inlineImages(readme, readFile) {
  return readme.replace(/(!\[[^\]]*\]\()([^)\s]+)\)/g, (all, head, target) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return all;
    const type = MEDIA_TYPES[path.extname(target).toLowerCase()];
    if (!type) throw new Error(`README.md: ${target} is not a PNG, JPEG, GIF or WebP image`);
    return `${head}data:${type};base64,${readFile(target).toString('base64')})`;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts/packaged-readme.mjs')) {
  const readFile = (target) => {
    const file = path.join(root, target);
    if (!existsSync(file)) throw new Error(`README.md: the image ${target} does not exist`);
    return readFileSync(file);
  };
  const text = inlineImages(readFileSync(path.join(root, 'README.md'), 'utf8'), readFile);
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  writeFileSync(path.join(root, OUT), text);
  console.log(`packaged-readme: ${OUT} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB, images inlined)`);
}
