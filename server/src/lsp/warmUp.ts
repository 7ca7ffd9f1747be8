// The first hover, definition and completion after start-up each run code that V8 has not
// compiled yet (each function is compiled on its first call), and the first completion
// builds the list of every Section and Part. One of each, made on the loaded workspace
// straight after start-up (a few milliseconds, once), takes that cost out of the user's
// first requests. Edits are not rehearsed: on a small scratch text they taught V8 the wrong
// shapes, and the first real edits were slower for it (measured: 26–45 ms against 12–25 ms).

import type { EditorIndex } from '../core/index/editorIndex';
import { completion } from '../features/completion';
import { definition } from '../features/definition';
import { hover } from '../features/hover';

export function warmUp(index: EditorIndex): void {
  for (const uri of index.uris()) {
    const sample = index.resolve(uri).references.find(({ reference }) => reference.kind === 'sec' && reference.text.startsWith('Section '));
    if (!sample) continue;
    const offset = sample.reference.start + 'Section '.length;
    hover(index, uri, offset);
    definition(index, uri, offset);
    completion(index, uri, offset, { editRangeDefault: true });
    break;
  }
}
