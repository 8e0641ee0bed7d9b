#!/usr/bin/env node
// Writes the README's screenshots, docs/images/readme/NAME.webp, from the full-size
// docs/images/NAME.png (1400 × 900, as the e2e tests take them): 1120 pixels wide, WebP at
// quality 0.85, about 100 KB each instead of about 280 KB. The README is what the .vsix
// ships (scripts/packaged-readme.mjs inlines these images), so they are kept small; the
// docs/ pages show the PNGs. Which images to write comes from the README itself: every
// `docs/images/readme/NAME.webp` it references. Encoded by Debian's Chromium through
// playwright-core (canvas.toDataURL). Run it after retaking a screenshot, and commit:
//
//   node scripts/compress-screenshots.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const WIDTH = 1120;
const QUALITY = 0.85;

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const names = [...new Set([...readme.matchAll(/\]\(docs\/images\/readme\/([\w-]+)\.webp\)/g)].map((m) => m[1]))];
if (names.length === 0) {
  console.error('compress-screenshots: README.md references no docs/images/readme/*.webp');
  process.exit(1);
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const name of names) {
    const png = readFileSync(path.join(root, 'docs/images', `${name}.png`)).toString('base64');
    const dataUrl = await page.evaluate(
      async ({ png, width, quality }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = Math.round((image.height * width) / image.width);
        const context = canvas.getContext('2d');
        context.imageSmoothingQuality = 'high';
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        return canvas.toDataURL('image/webp', quality);
      },
      { png, width: WIDTH, quality: QUALITY },
    );
    if (!dataUrl.startsWith('data:image/webp;base64,')) throw new Error(`Chromium did not encode ${name} as WebP`);
    const out = path.join(root, 'docs/images/readme', `${name}.webp`);
    const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    writeFileSync(out, bytes);
    console.log(`compress-screenshots: ${path.relative(root, out)} (${(bytes.length / 1024).toFixed(1)} KiB)`);
  }
} finally {
  await browser.close();
}
