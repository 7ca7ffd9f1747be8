// Word's XML parts read with fast-xml-parser, kept in document order (runs, changes and comment
// anchors interleave, so order is the meaning). Namespace prefixes are dropped: producers
// differ in the prefixes they choose, never in the local names.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WordFormatError } from './wordModel';

/** One node as fast-xml-parser's ordered output gives it: `{ name: children, ':@': attributes }` or `{ '#text': text }`. */
export type XmlNode = Record<string, unknown>;

const ATTRIBUTES = ':@';
const TEXT = '#text';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Numeric character references (`&#x2013;`) are XML, and some producers write them; the
  // option that decodes them is the one fast-xml-parser still calls htmlEntities.
  htmlEntities: true,
});

/** The part's top-level nodes; a part that is not well-formed XML is a damaged document. */
export function parseXml(xml: string, part: string): XmlNode[] {
  // The parser is lenient (it closes what is left open), so a damaged part is caught first.
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    throw new WordFormatError(`${part} is not well-formed XML (line ${verdict.err.line}: ${verdict.err.msg})`);
  }
  return parser.parse(xml) as XmlNode[];
}

export function nameOf(node: XmlNode): string | undefined {
  for (const key in node) if (key !== ATTRIBUTES) return key === TEXT ? undefined : key;
  return undefined;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const name = nameOf(node);
  const children = name === undefined ? undefined : node[name];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

export function attributeOf(node: XmlNode, name: string): string | undefined {
  const attributes = node[ATTRIBUTES] as Record<string, unknown> | undefined;
  const value = attributes?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** The text directly inside an element (`w:t`, `w:delText`). */
export function textOf(node: XmlNode): string {
  let text = '';
  for (const child of childrenOf(node)) {
    const value = child[TEXT];
    if (typeof value === 'string') text += value;
  }
  return text;
}

export function childNamed(node: XmlNode, name: string): XmlNode | undefined {
  return childrenOf(node).find((child) => nameOf(child) === name);
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return childrenOf(node).filter((child) => nameOf(child) === name);
}

/** The `val` attribute of a child element (`<w:numId w:val="3"/>`), the usual shape of a Word property. */
export function childValue(node: XmlNode | undefined, name: string): string | undefined {
  if (node === undefined) return undefined;
  const child = childNamed(node, name);
  return child === undefined ? undefined : attributeOf(child, 'val');
}

/** The root element of a part, which must have the expected name. */
export function rootElement(nodes: XmlNode[], expected: string, part: string): XmlNode {
  const root = nodes.find((node) => nameOf(node) !== undefined);
  if (root === undefined || nameOf(root) !== expected) {
    throw new WordFormatError(`${part} is not a Word ${expected} part (its root element is ${root ? `"${nameOf(root)}"` : 'missing'})`);
  }
  return root;
}

/** On/off properties (`<w:vanish/>`, `<w:isLgl w:val="0"/>`): present and not switched off. */
export function isOn(node: XmlNode | undefined, name: string): boolean {
  const child = node === undefined ? undefined : childNamed(node, name);
  if (child === undefined) return false;
  const value = attributeOf(child, 'val');
  return value === undefined || !['0', 'false', 'off'].includes(value);
}
