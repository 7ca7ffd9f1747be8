// The first hover, definition, completion and edit after start-up each run code that V8 has
// not compiled yet: each function is compiled on its first call, and the first completion
// builds the list of every Section and Part. One of each, made on the loaded workspace
// straight after start-up (about 10 ms, once), takes that cost out of the user's first
// requests. Edits are made on a throwaway index of a few lines, never on the workspace.

import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { WorkspaceIndex as ScratchIndex } from '../core/index/workspaceIndex';
import { completion } from '../features/completion';
import { definition } from '../features/definition';
import { toLspDiagnostics } from '../features/diagnostics';
import { hover } from '../features/hover';

const SCRATCH_URI = 'sec-warm-up:/scratch.sec';
const SCRATCH_TEXT = [
  'Section H: DCC Services',
  'H4 Processing Service Requests',
  'H4.1 The DCC shall act under Section H4.2(a) and Sections H4.2-H4.3 (Processing Service Requests).',
  '(a) where a User is suspended; or',
  '(b) where Section X5.4 applies.',
  'H4.2 The DCC shall not act:',
  '(a) when told not to.',
  'H4.3 [Not used]',
  '',
].join('\n');

export function warmUp(index: WorkspaceIndex): void {
  for (const uri of index.uris()) {
    const sample = index.resolve(uri).references.find(({ reference }) => reference.kind === 'sec' && reference.text.startsWith('Section '));
    if (!sample) continue;
    const offset = sample.reference.start + 'Section '.length;
    hover(index, uri, offset);
    definition(index, uri, offset);
    completion(index, uri, offset, { editRangeDefault: true });
    break;
  }
  const scratch = new ScratchIndex({ catalogue: index.catalogue });
  scratch.updateFile(SCRATCH_URI, SCRATCH_TEXT);
  scratch.resolve(SCRATCH_URI);
  const edits = [
    SCRATCH_TEXT.replace('H4.1 The DCC', 'H4.2 The DCC'),
    SCRATCH_TEXT.replace('H4.1 The DCC', 'H4.1A The DCC'),
    SCRATCH_TEXT.replace('shall act under', 'shall only act under'),
    SCRATCH_TEXT,
  ];
  for (const text of edits) {
    for (const uri of scratch.updateFile(SCRATCH_URI, text)) toLspDiagnostics(scratch.summary(uri)!.lines, scratch.resolve(uri).diagnostics);
  }
}
