#!/usr/bin/env node
// Makes the screenshots of the extension's README (README.extension.md, images/readme/*.webp)
// from the end-to-end suite's screenshots: each cropped to the part of the workbench it shows
// and encoded as WebP, small enough for the .vsix (which must stay under 1 MB) and shown offline
// by the extension page. Chromium does the cropping and encoding: the e2e tools have it already.
// An image with `png` is also written there, cropped alike but lossless, for the repository's README.
//
//   SEC_E2E_SCREENSHOT_DIR=/tmp/shots SEC_E2E_GREP_FILES='extension|users|terms' node test/e2e/run.mjs
//   node scripts/readme-images.mjs /tmp/shots [NAME...]   (only the images named, e.g. terms term-hover)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS_DIR = path.resolve(process.env.SEC_E2E_TOOLS_DIR || path.join(ROOT, '.tools', 'e2e'));
const OUT = path.join(ROOT, 'images', 'readme');
const QUALITY = 0.8;

/**
 * README image ← e2e screenshot, and the part of the 1400×900 workbench it keeps [x, y, width, height];
 * `quality` (WebP, 0-1) where QUALITY would make it too big for the .vsix; `png`, a lossless copy's path.
 */
const IMAGES = [
  { name: 'hover', from: 'readme-hover', crop: [345, 40, 1055, 500] },
  { name: 'problems', from: 'problems', crop: [345, 40, 1055, 800] },
  { name: 'completion', from: 'readme-completion', crop: [345, 40, 1055, 360] },
  { name: 'codelens', from: 'codelens', crop: [345, 40, 1055, 760] },
  // The draft's purpose and first change, lines 17-44 folded away, then its two term problems.
  { name: 'terms', from: 'readme-terms', crop: [345, 40, 930, 349], quality: 0.7, png: 'docs/screenshots/terms.png' },
  // Lines 37-50 of Section H (line 36 at the top, above the crop), the hover above line 46's "Critical Service Request".
  { name: 'term-hover', from: 'readme-term-hover', crop: [345, 107, 1020, 334], quality: 0.7, png: 'docs/screenshots/term-hover.png' },
];

const [shots, ...only] = process.argv.slice(2);
if (!shots || !fs.existsSync(shots)) {
  console.error('usage: node scripts/readme-images.mjs SCREENSHOT_DIR [NAME...] (from an e2e run with SEC_E2E_SCREENSHOT_DIR)');
  process.exit(2);
}
const unknown = only.filter((name) => !IMAGES.some((image) => image.name === name));
if (unknown.length) {
  console.error(`readme-images: no image named ${unknown.join(', ')} (${IMAGES.map((image) => image.name).join(', ')})`);
  process.exit(2);
}
const { chromium } = createRequire(path.join(TOOLS_DIR, 'package.json'))('playwright-core');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  fs.mkdirSync(OUT, { recursive: true });
  for (const { name, from, crop, quality = QUALITY, png } of IMAGES.filter((image) => !only.length || only.includes(image.name))) {
    const source = path.join(shots, `${from}.png`);
    if (!fs.existsSync(source)) throw new Error(`${source} is missing: run the e2e suite with screenshots first`);
    await page.goto(pathToFileURL(source).href);
    const outputs = [[path.join(OUT, `${name}.webp`), 'image/webp'], ...(png ? [[path.join(ROOT, png), 'image/png']] : [])];
    for (const [file, type] of outputs) {
      const dataUrl = await page.evaluate(([x, y, width, height, type, quality]) => {
        const image = document.querySelector('img');
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        canvas.getContext('2d').drawImage(image, x, y, width, height, 0, 0, width, height);
        return canvas.toDataURL(type, quality);
      }, [...crop, type, quality]);
      fs.writeFileSync(file, Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
      console.log(`${path.relative(ROOT, file)}: ${fs.statSync(file).size} bytes`);
    }
  }
} finally {
  await browser.close();
}
