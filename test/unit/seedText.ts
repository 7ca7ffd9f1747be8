// The real SEC text (the seed) lives beside the repository in ../shared, which a user's clone
// does not have: there the acceptance tests on it are skipped. In CI (CI=true) a missing seed
// fails them instead, so that they can never pass there by not running.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_PATH = join(__dirname, '..', '..', '..', '..', 'shared', 'seeds', '000_ab82a0747fc7e65c.txt');

/** The seed's text; skips the calling test or hook when the seed is missing outside CI. */
export function seedText(test: Pick<Mocha.Context, 'skip'>, path = SEED_PATH): string {
  if (existsSync(path)) return readFileSync(path, 'utf8');
  if (process.env.CI === 'true') {
    throw new Error(`CI=true and the SEC seed text is missing at ${path}: the acceptance tests on the real text must run in CI. Provide ../shared/seeds beside the repository.`);
  }
  return test.skip();
}
