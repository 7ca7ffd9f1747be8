// The README's Neovim configurations, run as written (with the path to the built server filled
// in) in headless Neovim: the server starts and Neovim receives its diagnostics. Only the form
// for the installed Neovim can run; without `nvim` the run is skipped.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER } from './lspClient';

const ROOT = join(__dirname, '..', '..', '..');

/** The Lua block that follows the README's paragraph naming these Neovim versions. */
function snippet(readme: string, versions: RegExp): string {
  const at = readme.search(versions);
  assert.ok(at >= 0, `the README names ${versions}`);
  const block = /```lua\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(block, `a Lua block after ${versions}`);
  return block[1];
}

function nvimVersion(): [number, number] | null {
  const result = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const match = /NVIM v(\d+)\.(\d+)/.exec(result.stdout ?? '');
  return match ? [Number(match[1]), Number(match[2])] : null;
}

describe('the README\'s Neovim configurations', function () {
  this.timeout(30000);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const modern = snippet(readme, /^Neovim 0\.11 and later/m);
  const older = snippet(readme, /^Neovim 0\.7 to 0\.10/m);

  it('gives one form for Neovim 0.11 and one for 0.7 to 0.10, the older without what 0.11 added', () => {
    assert.match(modern, /vim\.lsp\.config\(/);
    assert.match(modern, /vim\.lsp\.enable\(/);
    // New in 0.8 or later: vim.lsp.start, vim.fs, vim.lsp.config, vim.lsp.enable; vim.filetype.add needs 0.8 to be on by default.
    assert.doesNotMatch(older, /vim\.lsp\.start\(|vim\.fs\.|vim\.lsp\.config|vim\.lsp\.enable|vim\.filetype\.add/);
  });

  it('starts the server and shows its diagnostics in the installed Neovim', function () {
    const version = nvimVersion();
    if (!version) this.skip();
    const form = version![0] > 0 || version![1] >= 11 ? modern : version![1] >= 7 ? older : null;
    if (!form) this.skip();
    const folder = mkdtempSync(join(tmpdir(), 'sec-nvim-'));
    try {
      writeFileSync(join(folder, 'a.sec'), 'H9 A Part\nH9.1 See Section H9.7.\n');
      const out = join(folder, 'diagnostics.txt');
      // Waits for the server's diagnostics of the open file, writes them out and quits (or gives up).
      const probe = `
local deadline = vim.loop.now() + 20000
local function poll()
  local found = vim.diagnostic.get(0)
  if #found > 0 or vim.loop.now() > deadline then
    local lines = {}
    for _, d in ipairs(found) do table.insert(lines, (d.source or '') .. ' ' .. tostring(d.code) .. ' ' .. d.message) end
    vim.fn.writefile(lines, ${JSON.stringify(out)})
    vim.cmd('qall!')
  else
    vim.defer_fn(poll, 100)
  end
end
vim.defer_fn(poll, 100)
`;
      writeFileSync(join(folder, 'init.lua'), form.replace('/path/to/sec-language-tools/dist/server.js', SERVER));
      writeFileSync(join(folder, 'probe.lua'), probe);
      const run = spawnSync('nvim', ['--headless', '-u', join(folder, 'init.lua'), '-c', `luafile ${join(folder, 'probe.lua')}`, 'a.sec'], {
        cwd: folder, encoding: 'utf8', timeout: 25000, env: { ...process.env, XDG_STATE_HOME: folder, XDG_DATA_HOME: folder, XDG_CACHE_HOME: folder },
      });
      const written = readFileSync(out, 'utf8');
      assert.match(written, /sec broken-reference Broken reference: Section H9\.7 does not exist/, `Neovim ${version!.join('.')}: ${written}${run.stderr}`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
