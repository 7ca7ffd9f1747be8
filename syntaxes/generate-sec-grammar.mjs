#!/usr/bin/env node
// Generates syntaxes/sec.tmLanguage.json (scopeName "source.sec").
//
// The grammar repeats the same identifier fragments (Section/Part/clause ids,
// paragraph suffixes, list separators...) in many rules, and every reference
// rule needs a "continuation" look-ahead that must agree exactly with the
// rule's inner patterns. Writing that by hand in JSON is error-prone, so the
// JSON is generated from this file. Edit here, then run:
//
//   node syntaxes/generate-sec-grammar.mjs          # rewrite the JSON
//   node syntaxes/generate-sec-grammar.mjs --check  # exit 1 if the JSON is stale
//
// Design notes and the table of scopes: docs/grammar.md.
// Rules for every regex below (TextMate = Oniguruma, one line at a time):
//   * no nested unbounded quantifiers that can backtrack: loops are either
//     over disjoint character classes, bounded ({1,3}), atomic (?>...) or
//     possessive (*+, ++);
//   * no zero-width `match` rules (vscode-textmate stops the line on them);
//   * every begin/end rule that can span lines has an end that is reached on
//     a blank line or a look-ahead that fails early, except CriticMarkup, which
//     may legitimately span paragraphs.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, 'sec.tmLanguage.json');

const r = String.raw;
const S = r`[ \t\x{00A0}]`; // horizontal white space incl. no-break space (PDF text has it); never a line break

// ---------------------------------------------------------------- fragments

const MONTH = r`(?:January|February|March|April|May|June|July|August|September|October|November|December)`;

/** Paragraph designator: (a) (ii) (A) (1). Lower-case run covers roman numerals. */
const PARA = r`\((?:[a-z]{1,6}|[A-Z]{1,3}|[0-9]{1,2})\)`;
/** Paragraph suffix attached to an id: (a)(ii). */
const PARAS = r`(?:${PARA})*+`;

/** Section / Part / Clause id core: H, H4, N4A, H4.3, H4.3A (atomic: no give-back). */
const SEC_CORE = r`(?>[A-Z](?:[0-9]{1,2}[A-Z]?(?:\.[0-9]{1,3}[A-Z]?)?)?)`;
/** The same, but at least Part level (has a digit): used for dash ranges. */
const SEC_CORE_DIGIT = r`(?>[A-Z][0-9]{1,2}[A-Z]?(?:\.[0-9]{1,3}[A-Z]?)?)`;
/** Clause level only (has a dot): used for bare ids in prose. */
const SEC_CLAUSE_CORE = r`(?>[A-Z][0-9]{1,2}[A-Z]?\.[0-9]{1,3}[A-Z]?)`;
/** Part id at the start of a heading: H4, N4A, D2A, K6B. */
const PART_ID = r`[A-Z][0-9]{1,2}[A-Z]?`;
/** End of an id: not followed by a letter or digit (a full stop is fine). */
const END_ID = r`(?![A-Za-z0-9])`;

const APP_CORE = r`(?>[A-Z]{1,2})`;
const SCH_CORE = r`(?>[0-9]{1,2})`;
const NUM_END = r`(?![A-Za-z0-9]|\.[0-9])`;
/** Numbered clause inside a Schedule/Appendix, or the id after "Clause". */
const NUM_CLAUSE_CORE = r`(?>[0-9]{1,3}(?:\.[0-9]{1,3})*+[A-Z]?)`;
/** Numeric clause that must contain a dot (4.2, 4.2.1). */
const DOTTED_CORE = r`(?>[0-9]{1,3}(?:\.[0-9]{1,3})++[A-Z]?)`;
const VERSION = r`[0-9]{1,3}(?:\.[0-9]{1,3})*+`;
/** External (legislation/licence) numbers: 88, 88(1), 88 (1), 22.27, 5A. */
const EXT_NUM_CORE = r`(?>[0-9]{1,4}[A-Z]{0,2}(?:\.[0-9]{1,3}[A-Z]?)*+)`;
const EXT_NUM_SUFFIX = r`(?:${S}?\([0-9a-zA-Z]{1,4}\))*+`;
/** Name of an external instrument: "Energy Act 2008", "DCC Licence". */
const INSTR_WORD = r`(?!(?:Sections?|Conditions?|Schedules?|Appendix|Appendices|Clauses?|Paragraphs?|Regulations?|Articles?)(?![\w’'-]))[A-Z][\w’'&-]*+`;
const INSTR = r`${INSTR_WORD}(?:${S}++(?:(?:of|and|for|the|on|in)${S}++)*+${INSTR_WORD})*+(?:${S}++[0-9]{4}(?![0-9]))?`;

const CAPWORD = r`(?:[A-Z][A-Za-z0-9’'&/-]*+(?:\+(?![+}]))?|&)`; // SMETS2+, Set-up, Secretary-of-State-Led
const CONNECTOR = r`(?:and|or|of|the|for|to|in|on|by|with|a|an|from|under|into|at|as|between|during|after|before|within|via|per|its|their|this|that|other|not)`;
/** 1 to 12 Capitalised words joined by small words: "Eligibility Generally", "Obligations of the DCC", "Records". */
const HEADING_WORDS = r`(?=[A-Z])${CAPWORD}(?:${S}++(?:${CONNECTOR}${S}++)*+${CAPWORD}){0,11}`;

/** Closers of CriticMarkup: a heading/string/etc. inside an insertion must stop before them. */
const CRITIC_CLOSE = r`\+\+\}|--\}|~~\}|~>|<<\}|==\}`;
/**
 * Placeholder for "at the start of a line". Each line-start rule is emitted twice
 * (see anchored()): with `^` for ordinary text and with `\G` for the start of an
 * insertion ({++H4.3A ...). Two single-anchor copies rather than one `(?:^|\G)`:
 * Oniguruma only tries a `^` pattern at the start of the line and
 * vscode-oniguruma caches its searches, whereas a pattern containing \G is
 * re-searched over the rest of the line on every scan - which made long lines
 * quadratic. The \G copies are only active right after `{++` / `~>` / `{==`.
 */
const BOL = r`(?:^|\G)`;
/** Same for the cross-heading, whose ordinary form only applies on the first line of a file (`\A`). */
const BOL_FIRST = r`(?:\A|\G)`;
function anchored(rule, anchor) {
  const json = JSON.stringify(rule);
  const esc = (x) => JSON.stringify(x).slice(1, -1);
  const firstAnchor = anchor === '^' ? r`\A` : anchor;
  return JSON.parse(json.split(esc(BOL)).join(esc(anchor)).split(esc(BOL_FIRST)).join(esc(firstAnchor)));
}

/**
 * A keyword at the very end of a line is treated as the start of a reference
 * split over the line break ("Appendix\nS", "Section\nX5.4") - unless it is
 * prose ("this Section", "the Appendix") or the end of a title ("Services
 * Schedule"): not after a determiner nor after a Capitalised word.
 * (Oniguruma supports this look-behind of bounded variable length; keep it
 * bounded: an unbounded one is re-scanned back to the start of the line.)
 */
const NOT_PROSE_KEYWORD = `(?<!\\b[A-Z][a-z]{1,24}${S}|\\b(?:this|that|the|each|any|relevant|such)${S})`;

// ---------------------------------------------------------------- helpers

const sec = (name) => `${name}.sec`;
const caps = (obj) => {
  const out = {};
  for (const [k, v] of Object.entries(obj)) out[k] = typeof v === 'string' ? { name: sec(v) } : v;
  return out;
};

/**
 * A reference rule: keyword (optionally "SEC " before it) followed by one or
 * more ids joined by separators, possibly continued on the next line when the
 * line ends with the keyword or with a separator.
 *
 * The rule ends as soon as the text after the current position is not a
 * continuation (zero-width negative look-ahead), so it never swallows prose.
 * `cont` (look-ahead alternatives) and `inner` (patterns that consume them)
 * are built from the same fragments so that they always agree.
 */
function referenceRule({
  kind,
  begin,
  beginCaptures,
  idStart,
  idRules,
  seps,
  extras = [],
  wrapWords = [],
  colZero = [],
  eolKeywords = [],
}) {
  const sepWords = seps.words; // e.g. ['and','or','to']
  const dash = seps.dash; // look-ahead required after a dash, or null
  const contAlts = [];
  const inner = [];

  // 1. an id right here (also at column 0 after a wrap, with leading blanks)
  contAlts.push(`(?:^${S}+)?(?:${idStart})`);
  inner.push({ match: `^${S}+(?=${idStart})` });

  // 2. separators followed by an id on the same line
  const sepCont = [];
  sepCont.push(`${S}*,${S}+(?:and|or)${S}+(?:${idStart})`);
  sepCont.push(`${S}*,${S}*(?:${idStart})`);
  if (sepWords.length) sepCont.push(`${S}+(?:${sepWords.join('|')})${S}+(?:${idStart})`);
  if (dash) sepCont.push(`${S}*[-–]${S}*(?:${dash})`);
  contAlts.push(...sepCont);
  inner.push({
    match: `${S}*(,)${S}+(and|or)${S}+(?=${idStart})`,
    captures: caps({ 1: 'punctuation.separator.list', 2: 'keyword.operator.word.list' }),
  });
  inner.push({ match: `${S}*(,)${S}*(?=${idStart})`, captures: caps({ 1: 'punctuation.separator.list' }) });
  const listWords = sepWords.filter((w) => w !== 'to');
  if (listWords.length)
    inner.push({
      match: `${S}+(${listWords.join('|')})${S}+(?=${idStart})`,
      captures: caps({ 1: 'keyword.operator.word.list' }),
    });
  if (sepWords.includes('to'))
    inner.push({ match: `${S}+(to)${S}+(?=${idStart})`, captures: caps({ 1: 'keyword.operator.range' }) });
  if (dash) inner.push({ match: `${S}*([-–])${S}*(?=${dash})`, captures: caps({ 1: 'keyword.operator.range' }) });

  // 3. extras: versions, titles in brackets, "of the Energy Act 2008"...
  for (const x of extras) {
    contAlts.push(x.cont);
    inner.push(...x.rules);
  }

  // 4. line wrap: keyword or separator (or "of"/"the") at the end of the line.
  //    A nested rule holds the state until column 0 of the next line.
  //    (No \G here: vscode-oniguruma cannot cache searches for patterns that
  //    contain \G, which made long lines quadratic. "Right after the keyword"
  //    is a fixed-length look-behind on the keyword itself instead.)
  const wrapSep = [`${S}*(,)(?:${S}+(and|or))?`];
  const wrapAll = [...sepWords, ...wrapWords];
  if (wrapAll.length) wrapSep.push(`${S}+(${wrapAll.join('|')})`);
  if (dash) wrapSep.push(`${S}*([-–])`);
  if (eolKeywords.length) wrapSep.push(`(?<=\\b(?:${eolKeywords.join('|')}))`);
  const wrapBegin = `(?:${wrapSep.join('|')})${S}*$`;
  contAlts.push(wrapBegin.replace(/\((?!\?)/g, '(?:'));
  inner.push({
    begin: wrapBegin,
    beginCaptures: caps({
      1: 'punctuation.separator.list',
      2: 'keyword.operator.word.list',
      3: 'keyword.operator.word',
      4: 'keyword.operator.range',
    }),
    end: '^',
  });

  // 5. column-0 continuations that only make sense after a wrap
  for (const x of colZero) {
    contAlts.push(x.cont);
    inner.push(...x.rules);
  }

  inner.push(...idRules);

  return {
    name: sec(`meta.reference.${kind}`),
    begin,
    beginCaptures,
    end: `(?!${contAlts.join('|')})`,
    patterns: inner,
  };
}

const titleInBrackets = {
  cont: r`${S}+\([A-Z][A-Za-z][^()]*+\)`,
  rules: [
    {
      match: r`${S}+(\()([A-Z][A-Za-z][^()]*+)(\))`,
      captures: caps({
        1: 'punctuation.definition.title.begin',
        2: 'string.unquoted.title',
        3: 'punctuation.definition.title.end',
      }),
    },
  ],
};

const versionAfterId = {
  cont: r`${S}+(?:(?:Version|version)${S}+|v)[0-9]`,
  rules: [
    {
      match: r`${S}+(?:(Version|version)${S}+|(v))(${VERSION})${NUM_END}`,
      captures: caps({ 1: 'keyword.other.version', 2: 'keyword.other.version', 3: 'constant.numeric.version' }),
    },
  ],
};

/** "Schedule 9 – SMETS1 v1.2", "Appendix AD – DUIS v2.0": dash, abbreviation, version. */
const dashAbbrevVersion = {
  cont: r`${S}*[-–—]${S}*[A-Z][A-Za-z0-9]*+${S}+(?:v|Version${S}+)[0-9]`,
  rules: [
    {
      match: r`${S}*([-–—])${S}*([A-Z][A-Za-z0-9]*+)${S}+(?:(v)|(Version)${S}+)(${VERSION})${NUM_END}`,
      captures: caps({
        1: 'punctuation.separator.title',
        2: 'string.unquoted.title',
        3: 'keyword.other.version',
        4: 'keyword.other.version',
        5: 'constant.numeric.version',
      }),
    },
  ],
};

const SEC_PREFIX = r`(?:(SEC)${S}+)?`;
const prefixCaptures = (kind) =>
  caps({ 1: 'keyword.other.reference.prefix', 2: `keyword.other.reference.${kind}`, 3: `keyword.other.reference.${kind}` });

/** begin: keyword then an id on the same line, or keyword at the end of the line. */
function keywordBegin(keywords, idStart) {
  return `(?<![\\w-])${SEC_PREFIX}(?:(${keywords})${S}+(?=${idStart})|${NOT_PROSE_KEYWORD}(${keywords})(?=${S}*$))`;
}

// ---------------------------------------------------------------- SEC references

const SEC_ID_START = `${SEC_CORE}${PARAS}${END_ID}`;
const secIdRule = {
  match: `(${SEC_CORE})(${PARAS})${END_ID}`,
  captures: caps({ 1: 'variable.other.reference.section', 2: 'variable.other.reference.paragraph' }),
};

const sectionReference = referenceRule({
  kind: 'section',
  begin: keywordBegin('Sections?|SECTIONS?', SEC_ID_START),
  beginCaptures: prefixCaptures('section'),
  eolKeywords: ['Section', 'Sections', 'SECTION', 'SECTIONS'],
  idStart: SEC_ID_START,
  idRules: [secIdRule],
  seps: { words: ['and', 'or', 'to'], dash: `${SEC_CORE_DIGIT}${PARAS}${END_ID}` },
  extras: [titleInBrackets],
});

/** Bare clause id in prose (H14.36, H10.9-H10.13): needs a dot, and nothing word-like before it. */
const BARE_START = `${SEC_CLAUSE_CORE}${PARAS}${END_ID}`;
const bareReference = referenceRule({
  kind: 'section',
  begin: `(?<![\\w.’'/-])(?=${BARE_START})`,
  idStart: SEC_ID_START,
  idRules: [secIdRule],
  seps: { words: ['and', 'or', 'to'], dash: `${SEC_CORE_DIGIT}${PARAS}${END_ID}` },
  extras: [titleInBrackets],
});

/** "• H3 (DCC User Interface)": a bullet followed by a Part or clause id (lists after "Sections:"). */
const BULLET = '[•▪◦●]';
const bulletReference = referenceRule({
  kind: 'section',
  begin: `${BOL}${S}*(${BULLET})${S}*(?=${SEC_CORE_DIGIT}${PARAS}${END_ID})`,
  beginCaptures: caps({ 1: 'punctuation.definition.list.begin' }),
  idStart: SEC_ID_START,
  idRules: [secIdRule],
  seps: { words: ['and', 'or', 'to'], dash: `${SEC_CORE_DIGIT}${PARAS}${END_ID}` },
  extras: [titleInBrackets],
});

const APP_ID_START = `${APP_CORE}${END_ID}`;
const appendixReference = referenceRule({
  kind: 'appendix',
  begin: keywordBegin('Appendix|Appendices|APPENDIX|APPENDICES', APP_ID_START),
  beginCaptures: prefixCaptures('appendix'),
  eolKeywords: ['Appendix', 'Appendices', 'APPENDIX', 'APPENDICES'],
  idStart: APP_ID_START,
  idRules: [{ match: `(${APP_CORE})${END_ID}`, captures: caps({ 1: 'variable.other.reference.appendix' }) }],
  seps: { words: ['and', 'or'], dash: null },
  extras: [
    dashAbbrevVersion,
    versionAfterId,
    {
      // "Appendix AK 4.2": a numbered clause of the Appendix
      cont: r`${S}+${DOTTED_CORE}${NUM_END}`,
      rules: [
        {
          match: r`${S}+(${DOTTED_CORE})(${PARAS})${NUM_END}`,
          captures: caps({ 1: 'variable.other.reference.clause', 2: 'variable.other.reference.paragraph' }),
        },
      ],
    },
    titleInBrackets,
  ],
});

const SCH_ID_START = `${SCH_CORE}${NUM_END}`;
const scheduleReference = referenceRule({
  kind: 'schedule',
  begin: keywordBegin('Schedules?|SCHEDULES?', SCH_ID_START),
  beginCaptures: prefixCaptures('schedule'),
  eolKeywords: ['Schedule', 'Schedules', 'SCHEDULE', 'SCHEDULES'],
  idStart: SCH_ID_START,
  idRules: [{ match: `(${SCH_CORE})${NUM_END}`, captures: caps({ 1: 'variable.other.reference.schedule' }) }],
  seps: { words: ['and', 'or', 'to'], dash: null },
  extras: [dashAbbrevVersion, versionAfterId, titleInBrackets],
});

const CLAUSE_ID_START = `${NUM_CLAUSE_CORE}${PARAS}${NUM_END}`;
const clauseReference = referenceRule({
  kind: 'clause',
  begin: `(?<![\\w-])(?:(Clauses?|clauses?|CLAUSES?)${S}+(?=${CLAUSE_ID_START})|${NOT_PROSE_KEYWORD}(Clauses?|clauses?|CLAUSES?)(?=${S}*$))`,
  beginCaptures: caps({ 1: 'keyword.other.reference.clause', 2: 'keyword.other.reference.clause' }),
  eolKeywords: ['Clause', 'Clauses', 'clause', 'clauses', 'CLAUSE', 'CLAUSES'],
  idStart: CLAUSE_ID_START,
  idRules: [
    {
      match: `(${NUM_CLAUSE_CORE})(${PARAS})${NUM_END}`,
      captures: caps({ 1: 'variable.other.reference.clause', 2: 'variable.other.reference.paragraph' }),
    },
  ],
  seps: { words: ['and', 'or', 'to'], dash: `${NUM_CLAUSE_CORE}${NUM_END}` },
});

const PARA_ID_START = `(?:(?:${PARA})++|${NUM_CLAUSE_CORE}${PARAS})${NUM_END}`;
const paragraphReference = referenceRule({
  kind: 'paragraph',
  begin: `(?<![\\w-])(Paragraphs?|paragraphs?|PARAGRAPHS?)${S}+(?=${PARA_ID_START})`,
  beginCaptures: caps({ 1: 'keyword.other.reference.paragraph' }),
  idStart: PARA_ID_START,
  idRules: [
    {
      match: `((?:${PARA})++|${NUM_CLAUSE_CORE}${PARAS})${NUM_END}`,
      captures: caps({ 1: 'variable.other.reference.paragraph' }),
    },
  ],
  seps: { words: ['and', 'or', 'to'], dash: `(?:${PARA}|[0-9])` },
});

const modificationReference = {
  patterns: [
    {
      name: sec('meta.reference.modification'),
      match: r`(?<![\w-])(SECMP)${S}?([0-9]{2,4}[A-Z]?)(?![A-Za-z0-9])`,
      captures: caps({ 1: 'keyword.other.reference.modification', 2: 'variable.other.reference.modification' }),
    },
    {
      name: sec('meta.reference.modification'),
      match: r`(?<![\w-])(MP|DCCMP)([0-9]{2,4}[A-Z]?)(?![A-Za-z0-9])`,
      captures: caps({ 1: 'keyword.other.reference.modification', 2: 'variable.other.reference.modification' }),
    },
  ],
};

// ---------------------------------------------------------------- external references

const EXT_ID_START = `${EXT_NUM_CORE}${EXT_NUM_SUFFIX}${END_ID}`;
const externalReference = referenceRule({
  kind: 'external',
  // A numeric Section is never an SEC Section; Conditions are licence conditions.
  begin: `(?<![\\w-])(Sections?|sections?|SECTIONS?|Conditions?|conditions?|Regulations?|regulations?|Articles?|articles?)${S}+(?=${EXT_ID_START})`,
  beginCaptures: caps({ 1: 'keyword.other.reference.external' }),
  idStart: EXT_ID_START,
  idRules: [
    {
      match: `(${EXT_NUM_CORE}${EXT_NUM_SUFFIX})${END_ID}`,
      captures: caps({ 1: 'constant.numeric.reference.external' }),
    },
  ],
  seps: { words: ['and', 'or', 'to'], dash: `[0-9]` },
  extras: [
    {
      cont: r`${S}+of${S}+(?:the${S}+)?[A-Z]`,
      rules: [
        {
          match: r`${S}+(of)${S}+(?:(the)${S}+)?(${INSTR})`,
          captures: caps({ 1: 'keyword.operator.word', 2: 'keyword.operator.word', 3: 'support.type.external' }),
        },
      ],
    },
    {
      // "of the" at the end of a line: handled by the wrap rule below
      cont: r`${S}+of${S}+the${S}*$`,
      rules: [
        {
          begin: r`${S}+(of)${S}+(the)${S}*$`,
          beginCaptures: caps({ 1: 'keyword.operator.word', 2: 'keyword.operator.word' }),
          end: '^',
        },
      ],
    },
  ],
  wrapWords: ['of'],
  colZero: [
    {
      cont: r`^${S}*(?:the${S}+)?[A-Z]`,
      rules: [
        {
          match: r`^${S}*(?:(the)${S}+)?(${INSTR})`,
          captures: caps({ 1: 'keyword.operator.word', 2: 'support.type.external' }),
        },
      ],
    },
  ],
});

const instrument = {
  patterns: [
    {
      // "Energy Act 2008", "Data Protection Act 2018"
      name: sec('support.type.external'),
      match: r`(?<![\w-])(?:[A-Z][a-z]++${S}+){1,4}Act${S}+[0-9]{4}(?![0-9])`,
    },
    {
      name: sec('support.type.external'),
      match: r`(?<![\w-])(?:DCC|(?:Electricity|Gas)(?:${S}+(?:Supply|Distribution|Transmission))?)${S}+Licence(?![\w-])`,
    },
  ],
};

// ---------------------------------------------------------------- structure

const HEADING_END = `$|(?=${CRITIC_CLOSE})`;
const headingInner = [{ include: '#critic-leaf' }, { include: '#not-used' }, { include: '#version' }];

function heading(kind, keywordRe, idRe, sepRe, idScope) {
  return {
    name: sec(`markup.heading.${kind}`),
    begin: `${BOL}${S}*(${keywordRe})${S}+(${idRe})${S}*(${sepRe})${S}*(?=[A-Z\\[“"‘'{]|$)`,
    beginCaptures: caps({
      1: `keyword.other.${kind}`,
      2: idScope,
      3: 'punctuation.separator.heading',
    }),
    end: HEADING_END,
    contentName: sec('entity.name.section'),
    patterns: headingInner,
  };
}

const headings = {
  patterns: [
    heading('section', 'Section|SECTION', '[A-Z]', ':|[-–—]', 'constant.numeric.section'),
    heading('schedule', 'Schedule|SCHEDULE', '[0-9]{1,2}', ':', 'constant.numeric.schedule'),
    heading('appendix', 'Appendix|APPENDIX', '[A-Z]{1,2}', ':', 'constant.numeric.appendix'),
  ],
};

const partHeading = {
  // "H4 Processing Service Requests", "N4A Further ...", "A2  Interpretation", "H12 [Not used]"
  name: sec('markup.heading.part'),
  begin: `${BOL}${S}*(${PART_ID})${S}+(?=[A-Z\\[“"‘])`,
  beginCaptures: caps({ 1: 'constant.numeric.part' }),
  end: HEADING_END,
  contentName: sec('entity.name.section'),
  patterns: headingInner,
};

// A clause number is followed by text that does not start with a lower-case
// letter (a reflowed prose line such as "X5.4 and Condition 22" is a reference).
const AFTER_NUMBER = `(?=${S}+(?![a-z])|${S}*$)`;
const clauseNumber = {
  patterns: [
    {
      name: sec('meta.version-row'),
      // Version Control table row: "1.0 14 October 2019 Drafted for ..."
      match: `^${S}*([0-9]{1,2}\\.[0-9]{1,2})${S}+([0-9]{1,2}${S}+${MONTH}${S}+[0-9]{4})(?![0-9])`,
      captures: caps({ 1: 'constant.numeric.version', 2: 'constant.numeric.date' }),
    },
    {
      // H4.3, H4.3A
      match: `${BOL}${S}*(${SEC_CLAUSE_CORE})${AFTER_NUMBER}`,
      captures: caps({ 1: 'constant.numeric.clause' }),
    },
    {
      // 4.2, 4.2.1 (numbered clauses inside Schedules and Appendices)
      match: `${BOL}${S}*([0-9]{1,2}(?:\\.[0-9]{1,3}){1,4}[A-Z]?)${AFTER_NUMBER}`,
      captures: caps({ 1: 'constant.numeric.clause' }),
    },
    {
      // "1 Introduction", "4. Roles and Responsibilities": top-level numbered heading
      // inside a Schedule or Appendix (a Title Case line, so not a page number or a date)
      match: `${BOL}${S}*(([0-9]{1,2})\\.?${S}+(?!${MONTH}\\b)(${HEADING_WORDS}))${S}*(?=$|${CRITIC_CLOSE})`,
      captures: caps({ 1: 'markup.heading.numbered', 2: 'constant.numeric.clause', 3: 'entity.name.section' }),
    },
  ],
};

const paragraphNumber = {
  match: `${BOL}${S}*((\\()(?:[a-z]{1,6}|[A-Z]{1,3}|[0-9]{1,2})(\\)))(?=${S}|$)`,
  captures: caps({
    1: 'constant.numeric.paragraph',
    2: 'punctuation.definition.paragraph.begin',
    3: 'punctuation.definition.paragraph.end',
  }),
};

const bullet = {
  match: `${BOL}${S}*(${BULLET})(?=${S}|$)`,
  captures: caps({ 1: 'punctuation.definition.list.begin' }),
};

// Cross-heading: a short line of Title Case words (best effort: TextMate cannot
// look at the next line to check that a clause follows): 1-12 capitalised words
// joined by small words, no sentence punctuation, no reference keywords, no
// purely numeric words, and (below) only after a blank line.
const CROSS_HEADING_TEXT =
  r`(?!.*\b(?:Sections?|SECTIONS?|Appendix|Appendices|APPENDIX|APPENDICES|Schedules?|SCHEDULES?|Clauses?|Conditions?)\b|.*\bSECMP)` +
  `(?!${PART_ID}${S})` + // "H4 Processing Service Requests" is a Part heading
  HEADING_WORDS +
  `(?=${S}*(?:$|${CRITIC_CLOSE}))`;
// Only a line that follows a blank line (or starts the file, or follows a
// CriticMarkup opener) can be a cross-heading. The "after-blank" rule is
// entered on a blank line and left at column 0 of the next non-blank line,
// either by matching a cross-heading (end pattern with captures) or zero-width.
const crossHeading = {
  match: `${BOL_FIRST}${S}*(${CROSS_HEADING_TEXT})`,
  captures: caps({ 1: 'markup.heading.cross-heading' }),
};
const afterBlank = {
  begin: `^${S}*$`,
  end: `^${S}*(${CROSS_HEADING_TEXT})|^(?=${S}*\\S)`,
  endCaptures: caps({ 1: 'markup.heading.cross-heading' }),
};

// ---------------------------------------------------------------- inline

const notUsed = {
  patterns: [
    {
      name: sec('comment.line.not-used'),
      match: r`\[(?:[Nn]ot [Uu]sed|NOT USED|[Dd]eleted|DELETED|[Ii]ntentionally (?:[Ll]eft )?[Bb]lank|INTENTIONALLY (?:LEFT )?BLANK)\]\.?`,
    },
    {
      // unbracketed "Not used" only when it is all that is left on the line
      name: sec('comment.line.not-used'),
      match: `(?<![\\w\\[-])(?:Not [Uu]sed|NOT USED)\\.?(?=${S}*(?:$|${CRITIC_CLOSE}))`,
    },
  ],
};

const QUOTED_TERM = r`(["“])([^"“”\n]++)(["”])`;
const termCaptures = {
  1: 'punctuation.definition.string.begin',
  2: 'entity.name.type.definition',
  3: 'punctuation.definition.string.end',
};
/**
 * A row of the table of definitions (Section A1.1 reflowed, or a Word table exported with a tab
 * between its cells): at the start of a line, a term of 1 to 12 words (Title Case words,
 * acronyms, words with digits; small connectors between them), then `means` and the like.
 * Never a sentence's opening word (`The`, `Each`, `Where` ...) nor a reference keyword. The
 * wrapped end of a long term, on the next line, is the language server's (semantic tokens):
 * TextMate sees one line at a time.
 */
const TERM_WORD = r`(?:[A-Z][A-Za-z0-9’'&/-]*+)`;
const TERM_CONNECTOR = r`(?:of|and|for|the|to|in|on|or|by|with|under|from|at)`;
const NOT_TERM_START = r`(?!(?:The|This|That|Each|Any|A|An|It|If|In|Where|For|Subject|Such|Sections?|Appendix|Appendices|Schedules?|Clauses?|Conditions?|Paragraphs?)(?![A-Za-z0-9’'&/-]))`;
const definitionRow = {
  name: sec('meta.definition'),
  match: `${BOL}${NOT_TERM_START}(${TERM_WORD}(?:${S}++(?:${TERM_CONNECTOR}${S}++){0,2}+${TERM_WORD}){0,11})${S}++(means|shall mean|has the meaning|shall have the meaning|is defined in)\\b`,
  captures: caps({
    1: 'entity.name.type.definition',
    2: 'keyword.other.definition',
  }),
};
const definition = {
  patterns: [
    anchored(definitionRow, '^'),
    {
      // "Term" means ... / "Term" has the meaning given ...
      name: sec('meta.definition'),
      match: r`(${QUOTED_TERM})${S}+(means|shall mean|has the meaning|have the meaning|shall have the meaning|shall be construed|includes)\b`,
      captures: caps({
        1: 'string.quoted.double.definition',
        2: termCaptures[1],
        3: termCaptures[2],
        4: termCaptures[3],
        5: 'keyword.other.definition',
      }),
    },
    {
      // inline: (the "Term"), (each a "Term"), (together, the "Terms")
      name: sec('meta.definition'),
      match: r`(?<=\()(?:the|each|each a|each an|a|an|together(?:,)? the|collectively(?:,)? the)${S}+(${QUOTED_TERM})(?=\))`,
      captures: caps({
        1: 'string.quoted.double.definition',
        2: termCaptures[1],
        3: termCaptures[2],
        4: termCaptures[3],
      }),
    },
  ],
};

// Quoted strings end at the closing quote, before a CriticMarkup closer, or at
// a blank line (so that a stray quote never colours the rest of the file).
// Nesting is bounded everywhere (one nested “...” level; CriticMarkup inside a
// string has no inner patterns): unbounded recursive rules make a line of
// 10 000 “ or {++ characters quadratic in vscode-textmate.
const STRING_END_EXTRA = `|(?=${CRITIC_CLOSE})|^(?=${S}*$)`;
function quoted(name, open, close, inner, opener = open) {
  return {
    name: sec(name),
    begin: opener,
    end: `${close}${STRING_END_EXTRA}`,
    beginCaptures: caps({ 0: 'punctuation.definition.string.begin' }),
    endCaptures: caps({ 0: 'punctuation.definition.string.end' }),
    patterns: inner,
  };
}
function stringSet(inner) {
  const nestedCurly = quoted('string.quoted.double', '“', '”', inner); // “nested “quotes” are common”
  return {
    patterns: [
      quoted('string.quoted.double', '“', '”', [...inner, nestedCurly]),
      quoted('string.quoted.double', '"', '"', inner),
      quoted('string.quoted.single', '‘', '’', inner),
      // straight single quotes only when not an apostrophe (State's)
      quoted('string.quoted.single', "'", `'(?![\\w])`, inner, `(?<![\\w’'])'(?=[^\\s'])`),
    ],
  };
}
/** strings in ordinary text: may contain tracked changes (without inner highlighting) */
const strings = stringSet([{ include: '#critic-leaf' }]);
/** strings inside a tracked change: plain */
const stringsPlain = stringSet([]);

const version = {
  // "Version 3.2", "version 4.0", "v1.2", and "Version: 0.1" in a legal-text header
  match: r`(?<![\w-])(?:(Version|version|VERSION)(?:${S}+|${S}*:${S}*)|(v))(${VERSION})${NUM_END}`,
  captures: caps({ 1: 'keyword.other.version', 2: 'keyword.other.version', 3: 'constant.numeric.version' }),
};

// ---------------------------------------------------------------- CriticMarkup

/**
 * CriticMarkup. `content` is what an insertion / the new side of a substitution /
 * a highlight may contain: in ordinary text, everything except further tracked
 * changes (CriticMarkup does not nest; comments are allowed); inside strings and
 * headings, nothing (the "leaf" variant).
 */
function criticRules(content) {
  return {
    patterns: [
      {
        name: sec('markup.inserted.critic'),
        begin: r`\{\+\+`,
        end: r`\+\+\}`,
        beginCaptures: caps({ 0: 'punctuation.definition.inserted.begin' }),
        endCaptures: caps({ 0: 'punctuation.definition.inserted.end' }),
        patterns: content,
      },
      {
        // deleted text is shown uniformly as deleted (no inner highlighting)
        name: sec('markup.deleted.critic'),
        begin: r`\{--`,
        end: r`--\}`,
        beginCaptures: caps({ 0: 'punctuation.definition.deleted.begin' }),
        endCaptures: caps({ 0: 'punctuation.definition.deleted.end' }),
      },
      {
        name: sec('markup.changed.critic'),
        begin: r`\{~~`,
        end: r`~~\}`,
        beginCaptures: caps({ 0: 'punctuation.definition.changed.begin' }),
        endCaptures: caps({ 0: 'punctuation.definition.changed.end' }),
        patterns: [
          {
            // old text: from just after {~~ up to ~> (zero-width begin, but never
            // at a position where the end also matches)
            name: sec('markup.deleted.critic'),
            begin: r`\G(?!~>|~~\})`,
            end: r`(?=~>|~~\})`,
          },
          {
            begin: '~>',
            beginCaptures: caps({ 0: 'punctuation.separator.changed' }),
            end: r`(?=~~\})`,
            contentName: sec('markup.inserted.critic'),
            patterns: content,
          },
        ],
      },
      { include: '#critic-comment' },
      {
        name: sec('markup.bold.highlight.critic'),
        begin: r`\{==`,
        end: r`==\}`,
        beginCaptures: caps({ 0: 'punctuation.definition.highlight.begin' }),
        endCaptures: caps({ 0: 'punctuation.definition.highlight.end' }),
        patterns: content,
      },
    ],
  };
}
const criticComment = {
  name: sec('comment.block.critic'),
  begin: r`\{>>`,
  end: '<<\\}',
  beginCaptures: caps({ 0: 'punctuation.definition.comment.begin' }),
  endCaptures: caps({ 0: 'punctuation.definition.comment.end' }),
};
const critic = criticRules([{ include: '#critic-content' }]);
const criticLeaf = criticRules([]);

const criticUnmatched = {
  name: sec('invalid.illegal.unmatched.critic'),
  match: CRITIC_CLOSE,
};

// ---------------------------------------------------------------- grammar

/** Everything but tracked changes; `stringsRule` differs inside a tracked change. */
function body(stringsRule) {
  return [
    { include: '#clause-number' },
    { include: '#headings' },
    { include: '#part-heading' },
    { include: '#paragraph-number' },
    { include: '#bullet-reference' },
    { include: '#bullet' },
    { include: '#cross-heading' },
    { include: '#after-blank' },
    { include: '#not-used' },
    { include: '#definition' },
    { include: stringsRule },
    { include: '#external-reference' },
    { include: '#instrument' },
    { include: '#section-reference' },
    { include: '#appendix-reference' },
    { include: '#schedule-reference' },
    { include: '#clause-reference' },
    { include: '#paragraph-reference' },
    { include: '#modification-reference' },
    { include: '#bare-reference' },
    { include: '#version' },
    { include: '#critic-unmatched' },
  ];
}

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'SEC',
  scopeName: 'source.sec',
  fileTypes: ['sec'],
  comment:
    'GENERATED by syntaxes/generate-sec-grammar.mjs - do not edit by hand. Smart Energy Code drafting files; see docs/grammar.md.',
  patterns: [{ include: '#critic' }, ...body('#strings')],
  repository: {
    critic,
    'critic-leaf': criticLeaf,
    'critic-comment': criticComment,
    'critic-content': { patterns: [{ include: '#critic-comment' }, { include: '#critic-line-start' }, ...body('#strings-plain')] },
    'critic-line-start': {
      patterns: [
        ...anchored(clauseNumber, r`\G`).patterns.slice(1), // (no Version Control rows in insertions)
        ...anchored(headings, r`\G`).patterns,
        anchored(partHeading, r`\G`),
        anchored(paragraphNumber, r`\G`),
        anchored(bulletReference, r`\G`),
        anchored(bullet, r`\G`),
        anchored(crossHeading, r`\G`),
        anchored(definitionRow, r`\G`),
      ],
    },
    'critic-unmatched': criticUnmatched,
    headings: anchored(headings, '^'),
    'part-heading': anchored(partHeading, '^'),
    'clause-number': anchored(clauseNumber, '^'),
    'paragraph-number': anchored(paragraphNumber, '^'),
    bullet: anchored(bullet, '^'),
    'bullet-reference': anchored(bulletReference, '^'),
    'cross-heading': anchored(crossHeading, '^'),
    'after-blank': afterBlank,
    'not-used': notUsed,
    definition,
    strings,
    'strings-plain': stringsPlain,
    'external-reference': externalReference,
    instrument,
    'section-reference': sectionReference,
    'appendix-reference': appendixReference,
    'schedule-reference': scheduleReference,
    'clause-reference': clauseReference,
    'paragraph-reference': paragraphReference,
    'modification-reference': modificationReference,
    'bare-reference': bareReference,
    version,
  },
};

const json = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {
    /* missing */
  }
  if (current !== json) {
    console.error(`${OUT} is out of date: run node syntaxes/generate-sec-grammar.mjs`);
    process.exit(1);
  }
  console.log(`${OUT} is up to date`);
} else {
  writeFileSync(OUT, json);
  console.log(`wrote ${OUT}`);
}
