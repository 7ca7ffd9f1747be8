// A workspace loaded as `secls check` loads it (its sec.config.json, catalogue and *.sec files),
// into a one-shot index, for the commands that look at the drafts in it: conflicts, consolidate.
import { relative, resolve } from 'node:path';
import type { Catalogue } from '../core/catalogue/catalogue';
import { defaultConfig, SecConfig } from '../core/config/config';
import { OneShotIndex } from '../core/index/oneShotIndex';
import { readTextFile } from '../node/readTextFile';
import { collectFiles, loadConfig } from './checkCommand';
import { UsageError } from './checkGroup';

export interface LoadedWorkspace {
  index: OneShotIndex;
  /** Absolute paths of the files loaded (they are the index's URIs). */
  files: string[];
  config: SecConfig;
  catalogue: Catalogue;
}

/** Loads `paths` (folders searched for *.sec, files as named) under the configuration of `root`. */
export function loadWorkspace(cwd: string, root: string, paths: readonly string[], extra: readonly string[] = []): LoadedWorkspace {
  const { config = defaultConfig(), catalogue } = loadConfig(root);
  // A path that is not a file or folder is a usage error here: a draft to consolidate must be read.
  const refuse = (message: string): never => {
    throw new UsageError(message);
  };
  const options = { format: 'text' as const, version: '', catalogue: true, paths: [...paths], cwd, stderr: () => undefined };
  const files = [...new Set([...collectFiles(options, config, root, refuse), ...extra.map((file) => resolve(cwd, file))])];
  const index = new OneShotIndex({ catalogue, config });
  for (const file of files) {
    let text: string;
    try {
      text = readTextFile(file);
    } catch (error) {
      throw new UsageError(`cannot read ${relative(cwd, file) || file}: ${(error as Error).message}`);
    }
    index.updateFile(file, text);
  }
  return { index, files, config, catalogue };
}
