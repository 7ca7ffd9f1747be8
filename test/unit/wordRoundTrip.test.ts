// Export to Word and import back: the same drafting file, for the sample workspace and for
// generated drafts with changes within and across lines, labels, headings and comments.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { secToDocx } from '../../server/src/core/word/exportDocx';
import { docxToSec } from '../../server/src/core/word/importDocx';
import { amended, original } from './wordFixtures';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const AUTHOR = 'Ann Drafter';

async function roundTrip(text: string): Promise<string> {
  const { bytes } = await secToDocx(text, { author: AUTHOR, date: '2025-06-07T08:09:10Z' });
  return docxToSec(bytes, { author: AUTHOR }).text;
}

function secFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? secFiles(path) : name.endsWith('.sec') ? [path] : [];
  });
}

type ChangeKind = 'insertion' | 'deletion' | 'substitution' | 'comment';
type Chunk = { kind: 'text'; text: string } | { kind: ChangeKind; text: string; replacement?: string };

// Words without CriticMarkup's own characters, with what XML must escape and what Word treats specially.
const word = fc.constantFrom('the', 'DCC', 'shall', 'Section H4.2', 'Users', '&', '<b>', '"quoted"', 'café', '–', '\t', '  ', 'x\u00a0y', '😀');
const phrase = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
const lineStart = fc.constantFrom('', '', 'H4.3 ', '(a) ', '(ii) ', '(B) ', '4.2 ', 'Section H: DCC Services\n', 'H4 Processing\n', '\n');
const text = fc.tuple(lineStart, phrase, fc.constantFrom('', '\n', '\n\n', '.\n')).map(([start, middle, end]) => start + middle + end);
// A change may run over lines, and a line inside it may open a clause or a lettered paragraph.
const content = fc
  .tuple(phrase, fc.constantFrom('', '\n', '\n\n'), lineStart, fc.option(phrase, { nil: '' }))
  .map(([first, gap, start, rest]) => first + gap + (gap === '' ? '' : start) + rest);
const chunk: fc.Arbitrary<Chunk> = fc.oneof(
  text.map((value) => ({ kind: 'text' as const, text: value })),
  fc.tuple(fc.constantFrom<ChangeKind>('insertion', 'deletion', 'comment'), content).map(([kind, value]) => ({ kind, text: value })),
  fc.tuple(phrase, content).map(([old, replacement]) => ({ kind: 'substitution' as const, text: old, replacement })),
);

function render(chunk: Chunk): string {
  switch (chunk.kind) {
    case 'insertion':
      return `{++${chunk.text}++}`;
    case 'deletion':
      return `{--${chunk.text}--}`;
    case 'substitution':
      return `{~~${chunk.text}~>${chunk.replacement}~~}`;
    case 'comment':
      return `{>>${chunk.text}<<}`;
    default:
      return chunk.text;
  }
}

/** What a change begins and ends with, as Word sees it: a substitution is a deletion then an insertion. */
const edges = (chunk: Chunk): [string, string] => (chunk.kind === 'substitution' ? ['deletion', 'insertion'] : [chunk.kind, chunk.kind]);

/**
 * A draft in the form import writes: two changes that Word would show as one (two insertions
 * side by side, a deletion right before an insertion) are kept apart by a space, since Word
 * cannot tell them from one change; no change is empty; and the file ends with a line break.
 */
function canonicalDraft(chunks: Chunk[]): string {
  let draft = '';
  chunks.forEach((chunk, i) => {
    const previous = chunks[i - 1];
    if (previous !== undefined && previous.kind !== 'text' && previous.kind !== 'comment' && chunk.kind !== 'text' && chunk.kind !== 'comment') {
      const [, before] = edges(previous);
      const [after] = edges(chunk);
      if (before === after || (before === 'deletion' && after === 'insertion')) draft += ' ';
    }
    draft += render(chunk);
  });
  return draft.endsWith('\n') ? draft : `${draft}\n`;
}

describe('Word round trip', () => {
  for (const path of secFiles(EXAMPLES)) {
    it(`gives back ${path.slice(EXAMPLES.length + 1)} as it was`, async () => {
      const text = readFileSync(path, 'utf8');
      assert.equal(await roundTrip(text), text);
    });
  }

  it('gives back any draft in the form import writes, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chunk, { minLength: 1, maxLength: 12 }), async (chunks) => {
        const draft = canonicalDraft(chunks);
        assert.equal(await roundTrip(draft), draft);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps both readings of any draft, its changes merged where Word cannot tell them apart', async () => {
    const empty = fc.constantFrom<ChangeKind>('insertion', 'deletion', 'comment').map((kind) => ({ kind, text: '' }));
    const anyChunk = fc.oneof(chunk, empty);
    await fc.assert(
      fc.asyncProperty(fc.array(anyChunk, { minLength: 1, maxLength: 12 }), async (chunks) => {
        const draft = `${chunks.map(render).join('')}\n`;
        const back = await roundTrip(draft);
        assert.equal(amended(back), amended(draft));
        assert.equal(original(back), original(draft));
      }),
      { numRuns: 100 },
    );
  });
});
