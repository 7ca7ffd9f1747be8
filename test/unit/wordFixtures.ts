// Word documents for the import tests, packed from XML written here, so that each test shows
// exactly what Word (or another producer) would have written; and the readings of a drafting
// file that the round trips must keep.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { changeSegments, scanChanges } from '../../server/src/core/text/criticMarkup';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface DocxParts {
  /** The content of w:body. */
  body: string;
  numbering?: string;
  styles?: string;
  /** The w:comment elements. */
  comments?: string;
}

/** A minimal .docx: the parts and the relationships that lead to them. */
export function docxFrom(parts: DocxParts): Uint8Array {
  const related: Array<[string, string, string]> = [];
  const files: Record<string, Uint8Array> = {
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${parts.body}</w:body></w:document>`),
  };
  const add = (kind: string, name: string, xml: string): void => {
    related.push([kind, name, `rId${related.length + 1}`]);
    files[`word/${name}`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>${xml}`);
  };
  if (parts.numbering !== undefined) add('numbering', 'numbering.xml', `<w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
  if (parts.styles !== undefined) add('styles', 'styles.xml', `<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`);
  if (parts.comments !== undefined) add('comments', 'comments.xml', `<w:comments xmlns:w="${W}">${parts.comments}</w:comments>`);
  files['_rels/.rels'] = strToU8(
    `<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  files['word/_rels/document.xml.rels'] = strToU8(
    `<Relationships xmlns="${PACKAGE_REL}">${related.map(([kind, name, id]) => `<Relationship Id="${id}" Type="${REL}/${kind}" Target="${name}"/>`).join('')}</Relationships>`,
  );
  // The fastest compression: a test document may be tens of megabytes of one letter.
  return zipSync(files, { level: 1 });
}

/** The document with a part's uncompressed size, in its zip headers, rewritten (a zip may say anything). */
export function withDeclaredSize(docx: Uint8Array, part: string, size: number): Uint8Array {
  const bytes = docx.slice();
  const view = new DataView(bytes.buffer);
  const nameAt = (offset: number, length: number): string => strFromU8(bytes.subarray(offset, offset + length));
  for (let at = 0; at < bytes.length - 46; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && nameAt(at + 30, view.getUint16(at + 26, true)) === part) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && nameAt(at + 46, view.getUint16(at + 28, true)) === part) view.setUint32(at + 24, size, true);
  }
  return bytes;
}

/** A paragraph of runs: `p('H4.1 One.')`, or with properties and content written out. */
export function p(content: string, properties = ''): string {
  const runs = content.startsWith('<') ? content : `<w:r><w:t xml:space="preserve">${content}</w:t></w:r>`;
  return `<w:p>${properties === '' ? '' : `<w:pPr>${properties}</w:pPr>`}${runs}</w:p>`;
}

export const by = 'w:id="9" w:author="Ann Reviewer" w:date="2025-04-01T09:00:00Z"';
export const ins = (text: string): string => `<w:ins ${by}><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`;
export const del = (text: string): string => `<w:del ${by}><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
export const listItem = (numId: number, level: number): string => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`;

/** The text of one part of a .docx. */
export function partOf(bytes: Uint8Array, name: string): string {
  const files = unzipSync(bytes, { filter: (file) => file.name === name });
  if (!files[name]) throw new Error(`${name} is not in the document`);
  return strFromU8(files[name]);
}

function reading(text: string, kept: 'insertion' | 'deletion'): string {
  return changeSegments(text, scanChanges(text).spans)
    .filter((segment) => segment.kind === 'text' || segment.kind === kept)
    .map((segment) => segment.text)
    .join('');
}

/** The text with every change accepted. */
export const amended = (text: string): string => reading(text, 'insertion');
/** The text with every change rejected. */
export const original = (text: string): string => reading(text, 'deletion');
