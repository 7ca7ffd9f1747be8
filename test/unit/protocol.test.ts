// server/src/protocol.ts is the one place where the client and the server name their custom
// requests and commands: package.json contributes exactly its client commands, and no other
// source file spells one of its names out.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  amendedTextRequest, catalogueDocumentRequest, ClientCommand, consolidationPreviewRequest, exportWordRequest, importWordRequest,
  redlineRequest, ServerCommand, SHOW_REFERENCES_COMMAND,
} from '../../server/src/protocol';

const ROOT = join(__dirname, '..', '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the shared protocol', () => {
  it('declares exactly the commands package.json contributes', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: Array<{ command: string }> } };
    assert.deepEqual(manifest.contributes.commands.map((entry) => entry.command).sort(), Object.values(ClientCommand).sort());
  });

  it('is the only source file that spells out a request name or command id', () => {
    const names = [
      ...[catalogueDocumentRequest, amendedTextRequest, redlineRequest, consolidationPreviewRequest, exportWordRequest, importWordRequest]
        .map((request) => request.method),
      ...Object.values(ClientCommand),
      ...Object.values(ServerCommand),
      SHOW_REFERENCES_COMMAND,
    ];
    const protocol = join(ROOT, 'server', 'src', 'protocol.ts');
    const spelled: string[] = [];
    for (const file of [...sourceFiles(join(ROOT, 'server', 'src')), ...sourceFiles(join(ROOT, 'client', 'src'))]) {
      if (file === protocol) continue;
      const text = readFileSync(file, 'utf8');
      for (const name of names) if (text.includes(`'${name}'`) || text.includes(`"${name}"`) || text.includes(`\`${name}\``)) spelled.push(`${relative(ROOT, file)}: ${name}`);
    }
    assert.deepEqual(spelled, []);
  });
});
