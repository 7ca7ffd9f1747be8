// Reads the catalogue a workspace names in sec.config.json ("catalogue": "path"): one file, or
// the *.txt and *.json files of a folder. Turning them into a catalogue is
// core/catalogue/load.ts's (pure); this only reads.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readTextFile } from './readTextFile';

export interface ReadCatalogueFiles {
  files: Array<{ name: string; text: string }>;
  /** Why nothing could be read (the path is missing or unreadable). */
  error?: string;
}

export function readCatalogueFiles(root: string, configured: string): ReadCatalogueFiles {
  const path = resolve(root, configured);
  try {
    if (!statSync(path).isDirectory()) return { files: [{ name: configured, text: readTextFile(path) }] };
    const names = readdirSync(path).filter((name) => /\.(txt|json)$/i.test(name)).sort();
    return { files: names.map((name) => ({ name: join(configured, name), text: readTextFile(join(path, name)) })) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { files: [], error: code === 'ENOENT' ? 'no such file or folder' : (error as Error).message };
  }
}
