import { readFileSync } from 'node:fs';

/** A file's text as UTF-8, without a byte-order mark. Throws when the file cannot be read. */
export function readTextFile(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
