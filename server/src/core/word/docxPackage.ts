// A .docx is a zip of XML parts found through relationship files. Only the parts an import
// needs are unpacked, and only after their declared sizes are added up against the limit, so
// a small file that unpacks to gigabytes (a zip bomb) is refused before anything is inflated.
import { unzipSync } from 'fflate';
import { MAX_UNPACKED_XML_BYTES, megabytes, WordFormatError } from './wordModel';
import { attributeOf, childrenOf, parseXml, rootElement } from './xmlTree';

export interface DocxParts {
  /** Where the main part is, for messages. */
  documentPath: string;
  document: string;
  comments?: string;
  numbering?: string;
  styles?: string;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function unpack(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter(file) {
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        if (total > MAX_UNPACKED_XML_BYTES) {
          throw new WordFormatError(`the document is too large: its text parts unpack to more than ${megabytes(MAX_UNPACKED_XML_BYTES)}`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof WordFormatError) throw error;
    throw new WordFormatError(`the zip archive is damaged (${(error as Error).message})`);
  }
}

function decode(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(utf16).decode(bytes);
}

/** `word/document.xml` → `word/_rels/document.xml.rels`. */
function relationshipsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** A relationship's target as a zip entry name: absolute targets start at the package root, others at the source part's folder. */
function resolveTarget(sourcePath: string, target: string): string {
  const segments = target.startsWith('/') ? [] : sourcePath.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

/** The target of the first internal relationship whose type ends with `/kind`. */
function relationshipTarget(relationships: Uint8Array | undefined, sourcePath: string, kind: string): string | undefined {
  if (relationships === undefined) return undefined;
  const root = rootElement(parseXml(decode(relationships), relationshipsPathOf(sourcePath)), 'Relationships', relationshipsPathOf(sourcePath));
  for (const relationship of childrenOf(root)) {
    const target = attributeOf(relationship, 'Target');
    if (target === undefined || attributeOf(relationship, 'TargetMode') === 'External') continue;
    if (attributeOf(relationship, 'Type')?.endsWith(`/${kind}`)) return resolveTarget(sourcePath, target);
  }
  return undefined;
}

/** The XML of the parts an import reads; throws WordFormatError for anything that is not a readable .docx. */
export function readDocxParts(bytes: Uint8Array): DocxParts {
  if (startsWith(bytes, COMPOUND_FILE_SIGNATURE)) {
    throw new WordFormatError('this is a Word 97-2003 .doc file or a password-protected document, not a .docx: open it in Word and save it as a Word Document (.docx)');
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw new WordFormatError('not a Word document: a .docx file is a zip archive, and this file is not one');
  const relationships = unpack(bytes, (name) => name.endsWith('.rels'));
  const documentPath = relationshipTarget(relationships['_rels/.rels'], '', 'officeDocument');
  if (documentPath === undefined) throw new WordFormatError('not a Word document: the archive names no main document (_rels/.rels)');
  const documentRelationships = relationships[relationshipsPathOf(documentPath)];
  const paths = {
    comments: relationshipTarget(documentRelationships, documentPath, 'comments'),
    numbering: relationshipTarget(documentRelationships, documentPath, 'numbering'),
    styles: relationshipTarget(documentRelationships, documentPath, 'styles'),
  };
  const wanted = new Set([documentPath, paths.comments, paths.numbering, paths.styles].filter((path) => path !== undefined));
  const parts = unpack(bytes, (name) => wanted.has(name));
  const read = (path: string | undefined): string | undefined => (path !== undefined && parts[path] ? decode(parts[path]) : undefined);
  const document = read(documentPath);
  if (document === undefined) throw new WordFormatError(`not a Word document: its main part ${documentPath} is missing`);
  return { documentPath, document, comments: read(paths.comments), numbering: read(paths.numbering), styles: read(paths.styles) };
}
