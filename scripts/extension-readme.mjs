#!/usr/bin/env node
// Writes dist/readme.md, the README that `npm run package` ships as the extension's page:
// README.extension.md with each screenshot (a relative link to images/readme/) embedded as a
// data: URI. VS Code shows an extension's page with `img-src https: data:`, so an image in the
// package itself would never load there, and an https one only online; embedded, it always
// shows. Lines stay as they are, so code explanation links (#L12) point at the same lines.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'README.extension.md');
const TARGET = path.join(ROOT, 'dist', 'readme.md');
const TYPES = { '.webp': 'image/webp', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

const text = fs.readFileSync(SOURCE, 'utf8').replace(/(!\[[^\]]*\]\()([^)\s]+)\)/g, (all, start, target) => {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return all;
  const file = path.resolve(ROOT, decodeURIComponent(target));
  const type = TYPES[path.extname(file).toLowerCase()];
  if (!type || !fs.existsSync(file)) throw new Error(`README.extension.md shows ${target}, which is not an image file of the repository`);
  return `${start}data:${type};base64,${fs.readFileSync(file).toString('base64')})`;
});
fs.mkdirSync(path.dirname(TARGET), { recursive: true });
fs.writeFileSync(TARGET, text);
console.log(`${path.relative(ROOT, TARGET)}: ${text.length} characters, its images embedded`);
