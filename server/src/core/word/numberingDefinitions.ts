// Word list numbering as numbering.xml and styles.xml define it: abstract lists (levels with a
// start, a format and a text such as `%1.%2` or `(%3)`), the list instances paragraphs point at
// (numId, with restarts by start overrides), and paragraph styles that carry a list with them.
import { attributeOf, childNamed, childrenNamed, childValue, isOn, parseXml, rootElement, XmlNode } from './xmlTree';

export interface LevelDefinition {
  start: number;
  format: string;
  /** Word's level text: `%1.%2`, `(%3)`, `H4.%2`. */
  text: string;
  /** A level restarts after a use of any level up to this one (1-based); 0 never; undefined after any higher level. */
  restartAfter?: number;
  /** Legal numbering: the higher levels shown as decimals. */
  legal: boolean;
  /** What follows the number: Word's tab or space is one space in plain text, "nothing" none. */
  suffix: string;
  /** The paragraph style this level belongs to. */
  style?: string;
}

interface AbstractList {
  levels: Map<number, LevelDefinition>;
  /** A list that borrows its levels from the list a numbering style names. */
  numStyleLink?: string;
}

interface ListInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDefinition>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractList>;
  instances: Map<string, ListInstance>;
}

export interface StyleNumbering {
  numId?: string;
  level?: number;
  basedOn?: string;
}

export type StyleTable = Map<string, StyleNumbering>;

function integer(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number.parseInt(value, 10);
  return Number.isFinite(number) ? number : undefined;
}

function readLevel(level: XmlNode): LevelDefinition {
  const suffix = childValue(level, 'suff');
  return {
    start: integer(childValue(level, 'start')) ?? 0,
    format: childValue(level, 'numFmt') ?? 'decimal',
    text: childValue(level, 'lvlText') ?? '',
    restartAfter: integer(childValue(level, 'lvlRestart')),
    legal: isOn(level, 'isLgl'),
    suffix: suffix === 'nothing' ? '' : ' ',
    style: childValue(level, 'pStyle'),
  };
}

function readLevels(parent: XmlNode): Map<number, LevelDefinition> {
  const levels = new Map<number, LevelDefinition>();
  for (const level of childrenNamed(parent, 'lvl')) levels.set(integer(attributeOf(level, 'ilvl')) ?? 0, readLevel(level));
  return levels;
}

function readInstance(num: XmlNode): ListInstance {
  const instance: ListInstance = { abstractId: childValue(num, 'abstractNumId') ?? '', startOverrides: new Map(), levelOverrides: new Map() };
  for (const override of childrenNamed(num, 'lvlOverride')) {
    const level = integer(attributeOf(override, 'ilvl')) ?? 0;
    const start = integer(childValue(override, 'startOverride'));
    if (start !== undefined) instance.startOverrides.set(level, start);
    const definition = childNamed(override, 'lvl');
    if (definition !== undefined) instance.levelOverrides.set(level, readLevel(definition));
  }
  return instance;
}

export function readNumbering(xml: string | undefined, part = 'word/numbering.xml'): NumberingDefinitions {
  const definitions: NumberingDefinitions = { abstracts: new Map(), instances: new Map() };
  if (xml === undefined) return definitions;
  const root = rootElement(parseXml(xml, part), 'numbering', part);
  for (const abstract of childrenNamed(root, 'abstractNum')) {
    definitions.abstracts.set(attributeOf(abstract, 'abstractNumId') ?? '', { levels: readLevels(abstract), numStyleLink: childValue(abstract, 'numStyleLink') });
  }
  for (const num of childrenNamed(root, 'num')) definitions.instances.set(attributeOf(num, 'numId') ?? '', readInstance(num));
  return definitions;
}

export function readStyles(xml: string | undefined, part = 'word/styles.xml'): StyleTable {
  const styles: StyleTable = new Map();
  if (xml === undefined) return styles;
  const root = rootElement(parseXml(xml, part), 'styles', part);
  for (const style of childrenNamed(root, 'style')) {
    const numbering = childNamed(childNamed(style, 'pPr') ?? {}, 'numPr');
    styles.set(attributeOf(style, 'styleId') ?? '', {
      numId: childValue(numbering, 'numId'),
      level: integer(childValue(numbering, 'ilvl')),
      basedOn: childValue(style, 'basedOn'),
    });
  }
  return styles;
}

/** Where a paragraph stands in a list: the instance and the level (0-based). */
export interface ListPosition {
  numId: string;
  level: number;
}

export interface ParagraphNumbering {
  style?: string;
  numId?: string;
  level?: number;
}

/** A style's list, looked up through the styles it is based on (a cycle ends the search). */
function styleNumbering(styles: StyleTable, styleId: string | undefined): { numId?: string; level?: number } {
  const found: { numId?: string; level?: number } = {};
  const seen = new Set<string>();
  for (let id = styleId; id !== undefined && !seen.has(id); id = styles.get(id)?.basedOn) {
    seen.add(id);
    const style = styles.get(id);
    found.numId ??= style?.numId;
    found.level ??= style?.level;
  }
  return found;
}

/** The abstract list whose levels an instance uses, following one numbering-style link. */
export function abstractIdOf(definitions: NumberingDefinitions, styles: StyleTable, numId: string): string | undefined {
  const abstractId = definitions.instances.get(numId)?.abstractId;
  const abstract = abstractId === undefined ? undefined : definitions.abstracts.get(abstractId);
  if (abstract === undefined || abstract.numStyleLink === undefined || abstract.levels.size > 0) return abstractId;
  const linkedNumId = styleNumbering(styles, abstract.numStyleLink).numId;
  return linkedNumId === undefined ? abstractId : definitions.instances.get(linkedNumId)?.abstractId ?? abstractId;
}

/** A level as an instance sees it: its own override, else the abstract list's, with its start override. */
export function levelOf(definitions: NumberingDefinitions, styles: StyleTable, numId: string, level: number): LevelDefinition | undefined {
  const instance = definitions.instances.get(numId);
  const abstractId = abstractIdOf(definitions, styles, numId);
  const definition = instance?.levelOverrides.get(level) ?? (abstractId === undefined ? undefined : definitions.abstracts.get(abstractId)?.levels.get(level));
  const start = instance?.startOverrides.get(level);
  return definition === undefined || start === undefined ? definition : { ...definition, start };
}

/** The list a paragraph is in, from its own properties and then its style's; numId 0 means none. */
export function listPosition(definitions: NumberingDefinitions, styles: StyleTable, paragraph: ParagraphNumbering): ListPosition | undefined {
  const fromStyle = styleNumbering(styles, paragraph.style);
  const numId = paragraph.numId ?? fromStyle.numId;
  if (numId === undefined || numId === '0' || !definitions.instances.has(numId)) return undefined;
  let level = paragraph.level ?? fromStyle.level;
  if (level === undefined && paragraph.style !== undefined) {
    const abstractId = abstractIdOf(definitions, styles, numId);
    const levels = abstractId === undefined ? undefined : definitions.abstracts.get(abstractId)?.levels;
    for (const [index, definition] of levels ?? []) if (definition.style === paragraph.style) level = index;
  }
  return { numId, level: Math.min(Math.max(level ?? 0, 0), 8) };
}
