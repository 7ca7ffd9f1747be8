// Text shown in hovers as Markdown: escaped, each line quoted, paragraphs indented by depth,
// cut to a few lines. Shared by the reference hover (hover.ts) and the term hover (termHover.ts).

export function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** A previewed line longer than this is cut: a hover stays small whatever the file holds. */
const PREVIEW_LINE_CHARACTERS = 2000;

function quotedLine(line: string): string {
  const trimmed = line.trim();
  const shown = trimmed.length > PREVIEW_LINE_CHARACTERS ? `${trimmed.slice(0, PREVIEW_LINE_CHARACTERS)}…` : trimmed;
  const depth = /^\((?:[ivx]+)\)/.test(shown) ? 2 : /^\([A-Z]+\)/.test(shown) ? 3 : /^\([a-z]+\)/.test(shown) ? 1 : 0;
  return `> ${'\u2003'.repeat(depth)}${escape(shown)}`;
}

/**
 * The text as Markdown: each non-blank line a quoted line, paragraph labels indented by
 * depth; at most `maxLines` of them, then "…". Only the lines shown are read.
 */
export function preview(text: string, maxLines = Infinity): string {
  const shown: string[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    if (line.trim() !== '') {
      if (shown.length === maxLines) return `${shown.join('  \n')}  \n> …`;
      shown.push(quotedLine(line));
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return shown.join('  \n');
}
