#!/usr/bin/env node
// Draws the extension's icon, docs/images/icon.png (128 × 128, the size the Marketplace
// asks for): 读 ("read") in a vermilion seal, with its pinyin above it the way the hover
// shows a word. Rendered by Debian's Chromium through playwright-core with the
// WenQuanYi Micro Hei font (`fonts-wqy-microhei`; without it the glyph would be a box, so
// the script refuses to draw). Run it again after changing the drawing and commit the PNG:
//
//   node scripts/draw-icon.mjs
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'docs/images/icon.png');
const FONT = 'WenQuanYi Micro Hei';
const SIZE = 128;

if (!execFileSync('fc-list', [':family'], { encoding: 'utf8' }).includes(FONT)) {
  console.error(`draw-icon: the font "${FONT}" is not installed (apt-get install -y fonts-wqy-microhei)`);
  process.exit(1);
}

const html = `<!doctype html>
<meta charset="utf-8">
<style>
  html, body { margin: 0; background: transparent; }
  .seal {
    width: ${SIZE}px; height: ${SIZE}px; box-sizing: border-box;
    border-radius: 22px;
    background: linear-gradient(160deg, #d2452f 0%, #a8261c 100%);
    border: 4px solid #f6e7cf;
    outline: 2px solid rgba(251, 243, 228, 0.6); outline-offset: -11px;
    display: flex; flex-direction: column; align-items: center; justify-content: center;
    color: #fbf3e4; font-family: "${FONT}", sans-serif;
  }
  .pinyin { font-family: "DejaVu Sans", sans-serif; font-size: 17px; line-height: 1; margin-top: 4px; letter-spacing: 1px; }
  .han { font-size: 78px; line-height: 1; margin-top: 2px; }
</style>
<div class="seal"><div class="pinyin">dú</div><div class="han">读</div></div>`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  await page.locator('.seal').screenshot({ path: out, omitBackground: true });
  console.log(`draw-icon: ${path.relative(root, out)}`);
} finally {
  await browser.close();
}
