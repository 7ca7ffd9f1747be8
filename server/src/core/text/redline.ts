// A redline of a drafting file as a standalone HTML page: insertions underlined in one
// colour, deletions struck through in another, comments in the margin. Shared by the CLI
// (`secls redline`) and the editor's redline view.
import { changeSegments, scanChanges } from './criticMarkup';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export const REDLINE_STYLE = `
body { font: 15px/1.55 Georgia, 'Times New Roman', serif; margin: 0; color: #1d1d1f; background: #fff; }
header { padding: 16px 32px; border-bottom: 1px solid #ddd; font-family: system-ui, sans-serif; }
header h1 { font-size: 18px; margin: 0 0 4px; }
header p { margin: 0; color: #555; font-size: 13px; }
.legend ins, .legend del { padding: 0 4px; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 260px; gap: 24px; padding: 24px 32px; }
pre { white-space: pre-wrap; font: inherit; margin: 0; }
ins { color: #0b5394; background: #e6f0fb; text-decoration: underline; text-decoration-thickness: 2px; }
del { color: #a61c00; background: #fbe9e6; text-decoration: line-through; }
.comment-anchor { background: #fff2b3; border-radius: 3px; padding: 0 3px; font: 11px system-ui, sans-serif; vertical-align: super; }
aside { font: 13px/1.4 system-ui, sans-serif; }
aside .note { background: #fffbe6; border-left: 3px solid #e0b300; padding: 6px 10px; margin-bottom: 10px; }
aside .note b { margin-right: 6px; }
@media (max-width: 760px) { main { grid-template-columns: minmax(0, 1fr); } aside { border-top: 1px solid #ddd; padding-top: 12px; } }
`;

export interface RedlineSummary {
  insertions: number;
  deletions: number;
  comments: number;
}

/** The page body (without html/head), for embedding in a webview; and counts for a caption. */
export function redlineBody(text: string): { html: string; summary: RedlineSummary } {
  const { spans } = scanChanges(text);
  const summary: RedlineSummary = { insertions: 0, deletions: 0, comments: 0 };
  const parts: string[] = [];
  const notes: string[] = [];
  for (const segment of changeSegments(text, spans)) {
    const escaped = escapeHtml(segment.text);
    if (segment.kind === 'text') parts.push(escaped);
    else if (segment.kind === 'insertion') {
      summary.insertions++;
      parts.push(`<ins>${escaped}</ins>`);
    } else if (segment.kind === 'deletion') {
      summary.deletions++;
      parts.push(`<del>${escaped}</del>`);
    } else {
      summary.comments++;
      const number = summary.comments;
      parts.push(`<span class="comment-anchor" id="c${number}">${number}</span>`);
      notes.push(`<div class="note"><b>${number}</b>${escaped}</div>`);
    }
  }
  const html = `<main><pre>${parts.join('')}</pre><aside>${notes.join('')}</aside></main>`;
  return { html, summary };
}

export function redlineDocument(text: string, title: string): string {
  const { html, summary } = redlineBody(text);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Redline — ${escapeHtml(title)}</title>
<style>${REDLINE_STYLE}</style>
</head>
<body>
<header><h1>Redline — ${escapeHtml(title)}</h1>
<p class="legend"><ins>inserted</ins> ${summary.insertions} · <del>deleted</del> ${summary.deletions} · ${summary.comments} comment${summary.comments === 1 ? '' : 's'}</p></header>
${html}
</body>
</html>
`;
}
