// Reads the catalogue a workspace names in sec.config.json ("catalogue": "path"): one file, or
// the *.txt and *.json files of a folder. Turning them into a catalogue is
// core/catalogue/load.ts's (pure); this only reads.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CATALOGUE_FILE_NAME, CatalogueFiles } from '../core/model/fileAccess';
import { readTextFile } from './readTextFile';

export function readCatalogueFiles(root: string, configured: string): CatalogueFiles {
  const path = resolve(root, configured);
  try {
    if (!statSync(path).isDirectory()) return { files: [{ name: configured, text: readTextFile(path) }] };
    const names = readdirSync(path).filter((name) => CATALOGUE_FILE_NAME.test(name)).sort();
    return { files: names.map((name) => ({ name: join(configured, name), text: readTextFile(join(path, name)) })) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { files: [], error: code === 'ENOENT' ? 'no such file or folder' : (error as Error).message };
  }
}
