// The independent readers the Word tests check exports against. Installed by
// scripts/install-word-tools.sh (which .ci/run calls); a developer machine without them skips
// those tests with a message, but CI must have them: with CI set, a missing tool fails the run.
import { spawnSync } from 'node:child_process';

function runs(command: string): boolean {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.status === 0;
}

function inCi(): boolean {
  const value = (process.env.CI ?? '').toLowerCase();
  return value !== '' && value !== 'false' && value !== '0';
}

/** pandoc, or the suite skipped (never in CI). Call from a `before` hook. */
export function requirePandoc(context: Mocha.Context): string {
  if (runs('pandoc')) return 'pandoc';
  const install = 'install it with `bash scripts/install-word-tools.sh` (Debian package pandoc)';
  if (inCi()) throw new Error(`pandoc is not installed and CI is set: the Word tests need it; ${install}`);
  console.log(`      skipped: pandoc is not installed; ${install}`);
  context.skip();
}

export function pandoc(args: string[], input?: Uint8Array): string {
  const result = spawnSync('pandoc', args, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pandoc ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}
