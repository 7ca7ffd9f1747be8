#!/usr/bin/env node
// Deterministic generator of a synthetic SEC drafting workspace for benchmarks.
//
//   node bench/generate.mjs [--size-mb 20] [--out bench/workspace] [--seed 1]
//                           [--refs-per-mb 8000] [--max-file-kb 400] [--quiet]
//
// Writes Section files (section-<letter>-<slug>[-N].sec) and Appendix files
// (appendix-<id>.sec) that follow docs/format.md, then prints a JSON summary.
// It also writes <out>/expected.json: every deliberately broken or deprecated reference
// with its file, line (1-based), character (0-based, UTF-16) and text, so that a
// benchmark can measure recall and precision, not only speed. Section A1.1 is a glossary of
// about 480 defined terms (bench/glossary.mjs) that the text uses throughout; <out>/terms.json
// says where each is defined and how often it is used (per term and per file).
//
// Same arguments => byte-identical output (seeded PRNG, no clocks, no Map-order tricks).
// Plain Node.js, no dependencies.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GLOSSARY } from './glossary.mjs';

const MIB = 1024 * 1024;

// ---------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const opts = {
    sizeMb: 20,
    out: join(dirname(fileURLToPath(import.meta.url)), 'workspace'),
    seed: 1,
    refsPerMb: 8000,
    maxFileKb: 400,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`missing value for ${flag}`);
      return v;
    };
    switch (flag) {
      case '--size-mb': opts.sizeMb = Number(value()); break;
      case '--out': opts.out = resolve(value()); break;
      case '--seed': opts.seed = Number(value()); break;
      case '--refs-per-mb': opts.refsPerMb = Number(value()); break;
      case '--max-file-kb': opts.maxFileKb = Number(value()); break;
      case '--quiet': opts.quiet = true; break;
      case '-h': case '--help':
        process.stdout.write('usage: node bench/generate.mjs [--size-mb 20] [--out bench/workspace] [--seed 1]' +
          ' [--refs-per-mb 8000] [--max-file-kb 400] [--quiet]\n');
        process.exit(0);
        break;
      default: throw new Error(`unknown argument: ${a}`);
    }
  }
  for (const k of ['sizeMb', 'seed', 'refsPerMb', 'maxFileKb']) {
    if (!Number.isFinite(opts[k]) || opts[k] < 0) throw new Error(`bad --${k}: ${opts[k]}`);
  }
  if (opts.sizeMb <= 0) throw new Error('--size-mb must be > 0');
  return opts;
}

// ---------------------------------------------------------------------------------------
// PRNG: sfc32 seeded through splitmix32 (fast, good enough, fully deterministic).

function makeRng(seed) {
  let s = (seed >>> 0) ^ 0x9e3779b9;
  const splitmix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

let rand = makeRng(1);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const chance = (p) => rand() < p;
function weighted(table) {
  // table: [[weight, value], ...]
  let total = 0;
  for (const [w] of table) total += w;
  let r = rand() * total;
  for (const [w, v] of table) {
    r -= w;
    if (r < 0) return v;
  }
  return table[table.length - 1][1];
}

// ---------------------------------------------------------------------------------------
// The real SEC structure, from the Contents of the seed (Sections, Parts, Schedules,
// Appendices with their titles).

const SECTIONS = [
  ['A', 'Definitions and Interpretation', [
    ['A1', 'Definitions'], ['A2', 'Interpretation'],
    ['A3', 'Technical Specifications, the GB Companion Specification and the CPA Security Characteristics'],
    ['A4', 'Derogation From SMETS1 General Installation End Date']]],
  ['B', 'Accession', [['B1', 'Accession'], ['B2', 'DCC, User and RDP Identifiers']]],
  ['C', 'Governance', [
    ['C1', 'SEC Objectives'], ['C2', 'Panel'], ['C3', 'Panel Members'], ['C4', 'Elected Members'],
    ['C5', 'Proceedings of the Panel'], ['C6', 'Sub-Committees'],
    ['C7', 'Code Administrator, Secretariat and SECCo'], ['C8', 'Panel Costs and Budgets']]],
  ['D', 'Modification Process', [
    ['D1', 'Raising Draft Proposals'], ['D2', 'Modification Paths'], ['D2A', 'The Change Sub-Committee'],
    ['D3', 'Initial Assessment of Draft Proposals'], ['D4', 'Authority Determinations'],
    ['D5', 'Withdrawal of a Proposal'], ['D6', 'Refinement Process'], ['D7', 'Report Phase'],
    ['D8', 'Change Board and Change Board Decision'], ['D9', 'Modification Proposal Decision'],
    ['D9A', 'Authority-led Variations'], ['D10', 'Implementation'], ['D11', 'DCC Assessment Reporting']]],
  ['E', 'Registration Data', [
    ['E1', 'Reliance on Registration Data'], ['E2', 'Provision of Data'],
    ['E3', 'DCC Gateway Connections for Registration Data Providers'], ['E4', 'RDP Entry Process']]],
  ['F', 'Smart Metering System Requirements', [
    ['F1', 'Technical Sub-Committee'], ['F2', 'Central Products List'], ['F3', 'Panel Dispute Resolution Role'],
    ['F4', 'Operational Functionality, Interoperability and Access'],
    ['F5', 'SMETS2+ Communications Hub Forecasts & Orders'],
    ['F6', 'Delivery and Acceptance of SMETS2+ Communications Hubs'],
    ['F7', 'Installation and Maintenance of SMETS2+ Communications Hubs'],
    ['F8', 'Removal and Return of SMETS2+ Communications Hubs'],
    ['F9', 'Categories of SMETS2+ Communications Hub Responsibility'],
    ['F10', 'SMETS2+ Test Communications Hubs'], ['F11', 'ALCS/HCALCS Labels List']]],
  ['G', 'Security', [
    ['G1', 'Security: General Provisions'], ['G2', 'System Security: Obligations on the DCC'],
    ['G3', 'System Security: Obligations on Users'],
    ['G4', 'Organisational Security: Obligations on Users and the DCC'],
    ['G5', 'Information Security: Obligations on the DCC and Users'],
    ['G6', 'Anomaly Detection Thresholds: Obligations on the DCC and Users'],
    ['G7', 'Security Sub-Committee'], ['G8', 'User Security Assurance'], ['G9', 'DCC Security Assurance'],
    ['G10', 'Shared Resources']]],
  ['H', 'DCC Services', [
    ['H1', 'User Entry Process'], ['H2', 'Registered Supplier Agents'], ['H3', 'DCC User Interface'],
    ['H4', 'Processing Service Requests'], ['H5', 'Smart Metering Inventory and Enrolment Services'],
    ['H6', 'Decommissioning and Suspension of Devices'], ['H7', 'Elective Communication Services'],
    ['H8', 'Service Management, Self-Service Interface and Service Desk'], ['H9', 'Incident Management'],
    ['H10', 'Business Continuity'], ['H11', 'Parse and Correlate Software'],
    ['H12', 'Intimate Communications Hub Interface Specification'],
    ['H13', 'Performance Standards and Reporting'], ['H14', 'Testing Services'],
    ['H15', 'DCC Gateway Connections']]],
  ['I', 'Data Privacy', [['I1', 'Data Protection and Access to Data'], ['I2', 'Other User Privacy Audits']]],
  ['J', 'Charges', [
    ['J1', 'Payment of Charges'], ['J2', 'Payment Default and Disputes'], ['J3', 'Credit Cover'],
    ['J4', 'Review and Forecasting of Charges']]],
  ['K', 'Charging Methodology', [
    ['K1', 'Introduction'], ['K2', 'Estimated Revenues'],
    ['K3', 'Fixed Charge, Fixed CH Charge and Fixed Alt HAN Charge Calculations'],
    ['K4', 'Determining Fixed Charges Before the UITMR Period'],
    ['K5', 'Determining Fixed Charges During the UITMR Period'],
    ['K5A', 'Determining Fixed Alt HAN Charges During the UITMR Period'],
    ['K6', 'Determining Fixed Charges After the UITMR Period (Enduring)'],
    ['K6A', 'Determining Fixed CH Charges'],
    ['K6B', 'Determining Fixed Alt HAN Charges after the UITMR Period (Enduring)'],
    ['K7', 'Determining Explicit Charges'], ['K8', 'Determining Elective Charges'],
    ['K9', 'Within-Year Adjustments'], ['K10', 'Calculating Monthly Payments'], ['K11', 'Definitions']]],
  ['L', 'Smart Metering Key Infrastructure and DCC Key Infrastructure', [
    ['L1', 'SMKI Policy Management Authority'], ['L2', 'SMKI Assurance'], ['L3', 'The SMKI Services'],
    ['L4', 'The SMKI Service Interface'], ['L5', 'The SMKI Repository Service'],
    ['L6', 'The SMKI Repository Interface'], ['L7', 'SMKI and Repository Entry Process Tests'],
    ['L8', 'SMKI Performance Standards and Demand Management'], ['L9', 'The SMKI Document Set'],
    ['L10', 'The SMKI Recovery Procedure'], ['L11', 'The Subscriber Obligations'],
    ['L12', 'Relying Party Obligations'], ['L13', 'DCC Key Infrastructure']]],
  ['M', 'General', [
    ['M1', 'Commencement and Duration'], ['M2', 'Limitations of Liability'],
    ['M3', 'Services FM and Force Majeure'], ['M4', 'Confidentiality'], ['M5', 'Intellectual Property Rights'],
    ['M6', 'Party Details'], ['M7', 'Dispute Resolution'], ['M8', 'Suspension, Expulsion and Withdrawal'],
    ['M9', 'Transfer of DCC Licence'], ['M10', 'Notices'], ['M11', 'Miscellaneous']]],
  ['N', 'SMETS1 Meters', [
    ['N1', 'Definitions for this Section N'], ['N2', 'SMETS1 Enrolment Projects Generally'],
    ['N3', 'Initial Enrolment'], ['N4', 'Initial Enrolment Project Feasibility Report'],
    ['N4A', 'Further Initial Enrolment Analysis'], ['N5', 'Initial Enrolment Code Amendments'],
    ['N6', 'Transition and Migration Approach Document']]],
  ['P', 'Production Proving', [['P1', 'Production Proving']]],
  ['T', 'Testing During Transition', [
    ['T1', 'Device Selection Methodology'], ['T2', 'Systems Integration Testing'], ['T3', 'Interface Testing'],
    ['T4', 'End-to-End Testing'], ['T5', 'SMKI and Repository Testing'],
    ['T6', 'Development of Enduring Testing Documents'], ['T7', 'Ending of the Application of this Section T']]],
  ['X', 'Transition', [
    ['X1', 'General Provisions Regarding Transition'], ['X2', 'Effective Provisions at Designation'],
    ['X3', 'Provisions to Become Effective Following Designation'], ['X4', 'Governance Set-up Arrangements'],
    ['X5', 'Incorporation of Certain Documents into this Code'], ['X6', 'Transitional Variations'],
    ['X7', 'Transitional Incident Management Procedures'], ['X8', 'Developing CH Support Materials'],
    ['X9', 'Interim Device and User System Testing'], ['X10', 'Threshold Anomaly Detection Procedures'],
    ['X11', 'Secretary-of-State-Led Variations']]],
  ['Z', 'Alt HAN Arrangements', [
    ['Z1', 'The Alt HAN Forum'], ['Z2', 'The Alt HAN Company'], ['Z3', 'Alt HAN Secretariat'],
    ['Z4', 'Alt HAN Costs and Budgets'], ['Z5', 'Transitional Provisions'], ['Z6', 'Definitions']]],
];

const APPENDICES = [
  ['A', 'Device Certificate Policy'], ['B', 'Organisation Certificate Policy'], ['C', 'SMKI Compliance Policy'],
  ['D', 'Registration Authority Policies and Procedures'], ['E', 'DCC User Interface Services Schedule'],
  ['F', 'Minimum Communication Services for SMETS1 Meters'], ['G', 'DCC Gateway Connection Code of Connection'],
  ['H', 'CH Handover Support Materials'], ['I', 'CH Installation and Maintenance Support Materials'],
  ['J', 'Enduring Testing Approach Document'], ['K', 'SMKI and Repository Test Scenarios Document'],
  ['L', 'SMKI Recovery Procedure'], ['M', 'SMKI Interface Design Specification'], ['N', 'SMKI Code of Connection'],
  ['O', 'SMKI Repository Interface Design Specification'], ['P', 'SMKI Repository Code of Connection'],
  ['Q', 'IKI Certificate Policy'], ['R', 'Common Test Scenarios Document'], ['S', 'DCCKI Certificate Policy'],
  ['T', 'DCCKI Interface Design Specification'], ['U', 'DCCKI Repository Interface Design Specification'],
  ['V', 'DCCKI CoCo and DCCKI Repository CoCo'], ['W', 'DCCKI Registration Authority Policies and Procedures'],
  ['X', 'Registration Data Interface Specification'], ['Y', 'Registration Data Interface Code of Connection'],
  ['Z', 'CPL Requirements Document'], ['AA', 'Threshold Anomaly Detection Procedures'],
  ['AB', 'Service Request Processing Document'], ['AC', 'Inventory, Enrolment and Decommissioning Procedures'],
  ['AD', 'DCC User Interface Specification'], ['AE', 'DCC User Interface Code of Connection'],
  ['AF', 'Message Mapping Catalogue'], ['AG', 'Incident Management Policy'],
  ['AH', 'Self Service Interface Access Control Specification'], ['AI', 'Self Service Interface Code of Connection'],
  ['AJ', 'SEC Variation Testing Approach Document'],
  ['AK', 'SEC Variation Testing Approach Document for SMETS1 Services'],
  ['AL', 'SMETS1 Transition and Migration Approach Document'], ['AM', 'SMETS1 Supporting Requirements'],
];
// Appendices whose full title is distinctive enough to cite a clause "of the <title>".
const TITLE_CITABLE_APPENDICES = new Set(['AB', 'AG', 'AK', 'AL', 'R', 'J']);

// Schedules are not generated as text: they resolve through the embedded catalogue.
const SCHEDULE_REFS = [
  'Schedule 1', 'Schedule 2', 'Schedule 3', 'Schedule 4', 'Schedule 5', 'Schedule 6', 'Schedule 7',
  'Schedule 8', 'Schedule 9', 'Schedule 10', 'Schedule 11',
  'Schedule 8 Version 3.2', 'Schedule 8 Version 3.1', 'Schedule 8 Version 2.0', 'Schedule 9 Version 4.2',
  'Schedule 9 Version 4.1', 'Schedule 9 Version 1.2', 'Schedule 10 Version 1.3', 'Schedule 10 Version 1.2',
];

const EXTERNAL_REFS = [
  ['pursuant to', 'Section 88(1) of the Energy Act 2008'],
  ['pursuant to', 'section 89 of the Energy Act 2008'],
  ['pursuant to', 'Section 88 (1) and 89 of the Energy Act 2008'],
  ['in accordance with', 'Condition 22.27 of the DCC Licence'],
  ['in accordance with', 'Condition 22 of the DCC Licence'],
  ['for the purposes of', 'Section 105 of the Utilities Act 2000'],
];

const SECMPS = ['0001', '0006', '0008', '0016', '0017', '0020', '0022', '0026', '0033', '0035', '0036', '0040',
  '0043', '0045', '0048', '0049', '0055', '0058', '0065', '0068', '0070'];

// ---------------------------------------------------------------------------------------
// Vocabulary (SEC-like legal prose). Capitalised phrases are defined terms of the glossary
// (bench/glossary.mjs), written in Section A1.1; markTerms() below marks their uses.

const SUBJECTS = [
  'the DCC', 'the DCC', 'the DCC', 'each User', 'the Panel', 'the Code Administrator', 'each Party',
  'the Change Board', 'each Supplier Party', 'the Authority', 'the Security Sub-Committee', 'each Network Party',
  'the Technical Sub-Committee', 'each Registration Data Provider', 'the SMKI PMA', 'each Eligible User',
  'each Testing Participant',
];
const MODALS = ['shall', 'shall', 'shall', 'shall', 'may', 'shall not', 'shall, where reasonably practicable,',
  'shall take all reasonable steps to', 'shall use its reasonable endeavours to'];
const ACTIONS = [
  'process', 'provide', 'notify the Panel of', 'publish', 'maintain', 'review', 'make available to each User',
  'submit to the Code Administrator', 'establish and maintain', 'comply with the requirements applying to',
  'reject', 'retain a record of', 'take into account', 'consult each Party on', 'assess', 'ensure the accuracy of',
  'test', 'update', 'suspend the processing of', 'monitor', 'report to the Authority on', 'validate',
  'give notice to the DCC of', 'procure the provision of', 'keep under review',
];
const OBJECTS = [
  'each Service Request', 'the relevant Smart Metering System', 'the DCC Systems', 'each Device',
  'the Smart Metering Inventory', 'the relevant Communications Hub', 'the Registration Data',
  'the Self-Service Interface', 'the DCC User Interface', 'the Incident Management Log',
  'the Business Continuity and Disaster Recovery Procedures', 'the Testing Services', 'the Charging Statement',
  'the SMKI Repository', 'the Threshold Anomaly Detection Procedures', 'any Response or Alert',
  'the Modification Proposal', 'any Critical Service Request', 'the Services', 'each Command',
  'the information provided by each Registration Data Provider', 'any Incident affecting the Services',
  'the arrangements for each User Role', 'each DCC Gateway Connection',
];
const ADVERBIALS = [
  'as soon as reasonably practicable', 'within five Working Days', 'without undue delay', 'in a timely manner',
  'at least once in each Regulatory Year', 'on request', 'in respect of each User',
  'to the extent reasonably practicable', 'no later than 20 Working Days after receipt of a request',
  'acting reasonably', 'in accordance with Good Industry Practice', 'at its own cost',
];
const CONNECTORS = [
  'in accordance with', 'in accordance with', 'as set out in', 'subject to', 'pursuant to', 'as described in',
  'for the purposes of', 'as required by', 'in the manner specified in', 'referred to in', 'save as provided in',
  'under', 'having regard to', 'as further described in',
];
const OPENERS = ['Subject to', 'Without prejudice to', 'Save as otherwise provided in', 'For the purposes of',
  'Notwithstanding', 'In accordance with'];
const CONDITIONS = [
  'where the User is not an Eligible User', 'where the DCC has received a notification from a Party',
  'in the case of a Critical Service Request', 'if the Panel so determines',
  'where it is reasonably practicable to do so', 'unless otherwise agreed with the Authority',
  'following receipt of a request from a Party', 'where an Incident has occurred',
  'where the Registration Data is incomplete', 'in respect of any Device that is not Commissioned',
  'where the Change Board has approved a Modification Proposal', 'during any Regulatory Year',
];
const CROSS_HEADINGS = [
  'General', 'Eligibility Generally', 'Obligations of the DCC', 'Obligations of Users',
  'Service Request Processing', 'Notification Requirements', 'Reporting', 'Records', 'Testing', 'Charges',
  'Disputes', 'Security Requirements', 'Suspension', 'Transitional Arrangements', 'Publication', 'Review',
  'Audit', 'Consultation', 'Interpretation', 'Application of this Part', 'Timing', 'Costs',
  'Rights of Access', 'Information to be Provided',
];
const SYN_ADJ = ['Supplementary', 'Operational', 'Additional', 'Enduring', 'Interim', 'Alternative', 'Technical',
  'Commercial', 'Residual', 'Further', 'General', 'Specific'];
const SYN_NOUN = ['Service', 'Reporting', 'Testing', 'Security', 'Data', 'Device', 'Enrolment', 'Governance',
  'Assurance', 'Interface', 'Performance', 'Migration', 'Recovery', 'Registration'];
const SYN_TAIL = ['Arrangements', 'Requirements', 'Obligations', 'Procedures', 'Provisions', 'Standards',
  'Processes'];
const APPX_HEADS = ['Purpose and Scope', 'Roles and Responsibilities', 'Process', 'Testing Approach',
  'Entry Criteria', 'Exit Criteria', 'Reporting', 'Governance', 'Amendments to this Document', 'Security',
  'Interfaces', 'Timetable', 'Defect Management', 'Assurance'];
const APPX_SUBJECTS = ['this Document', 'the DCC', 'each Testing Participant', 'the Panel', 'each User',
  'the Code Administrator'];

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'];
const LETTERS = 'abcdefghijklmnop';

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------
// Markers in generated text. wrap() and emit() remove them, resolving the marks and counting
// the terms' uses.

const G = '\x01'; // glue: a space that the wrapper must not break at
const BRK = '\x02'; // forced line break inside a reference ("Section\nH4.3")
const MARK = '\x03'; // marks the start of a deliberately broken/deprecated reference
const TM = '\x04'; // a defined term's use in text; the next two characters are the term's index
const HM = '\x05'; // the same in a heading (Section, Part, Appendix heading, cross-heading)
// Term i is written as TM or HM and the characters 0x80 + (i >> 7) and 0x80 + (i & 127): the
// text stays in one-byte characters, which V8 handles faster than two-byte ones.
const termCode = (i) => String.fromCharCode(0x80 + (i >> 7), 0x80 + (i & 127));
const termAt = (s, i) => ((s.charCodeAt(i) - 0x80) << 7) | (s.charCodeAt(i + 1) - 0x80);

// ---------------------------------------------------------------------------------------
// Defined terms (bench/glossary.mjs): parsed and checked once, with the matcher that says
// which text is a use. A use, as issue 14 defines it: the defined expression with its
// capitalisation, longest match first, with a plural s/es and a possessive 's/s' on its
// last word, starting and ending at a word boundary (a hyphen is part of a word, so
// "Authority-led" is no use of "Authority").

const CONNECTOR_WORDS = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'on', 'or', 'by', 'with', 'under', 'from', 'at']);
const REFUSED_FIRST = new Set(['The', 'This', 'That', 'Each', 'Any', 'A', 'An', 'It', 'If', 'In', 'Where', 'For', 'Subject', 'Such']);
const CITING_WORD = /^(?:SEC|SECMP.*|Sections?|Schedules?|Appendix|Appendices|Clauses?|Conditions?|Paragraphs?|Part)$/i;

function parseGlossary(text) {
  const terms = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^([cadumpj])(~?) (.+?)(?: = (.+))?$/.exec(line);
    if (!m) throw new Error(`glossary: bad line ${JSON.stringify(line)}`);
    const [, kind, wrap, term, expansion] = m;
    terms.push({ term, kind, wrapped: wrap === '~', expansion: expansion ?? null });
  }
  const seen = new Set();
  for (const t of terms) {
    const words = t.term.split(' ');
    const bad = (why) => { throw new Error(`glossary: ${JSON.stringify(t.term)} ${why}`); };
    if (seen.has(t.term)) bad('is defined twice');
    seen.add(t.term);
    if (REFUSED_FIRST.has(words[0])) bad('starts with a word the table-row form refuses');
    for (const [i, w] of words.entries()) {
      if (CITING_WORD.test(w)) bad(`has a word that cites: ${w}`);
      if (/\d\.\d|^[A-Z]{1,2}\d/.test(w)) bad(`has a word that looks like an id: ${w}`);
      const connector = CONNECTOR_WORDS.has(w);
      if (connector && (i === 0 || i === words.length - 1)) bad('starts or ends with a connector');
      if (!connector && !/^(?:[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*|\d+)$/.test(w)) bad(`has a word that is not Title Case: ${w}`);
    }
    if (t.expansion && !terms.some((x) => x.term === t.expansion)) bad(`expands to an undefined ${t.expansion}`);
    if (t.wrapped && words.length < 3) bad('is too short to be written wrapped');
  }
  terms.forEach((t, i) => {
    t.index = i;
    t.ch = termCode(i);
    t.glued = t.term.split(' ').join(G);
    t.acronym = /^[A-Z]{2,}$/.test(t.term);
    const words = t.term.split(' ');
    const last = words[words.length - 1];
    // Plural on the last word: only for countable terms whose last word takes a plain s or es.
    t.plural = '';
    if ((t.kind === 'c' || t.kind === 'a') && !words.some((w) => CONNECTOR_WORDS.has(w))) {
      if (t.acronym) t.plural = last.endsWith('S') ? '' : 's';
      else if (/(?:ss|x|ch|sh|z)$/.test(last)) t.plural = 'es';
      else if (!/[^aeiou]y$/.test(last) && !/[^s]s$/.test(last)) t.plural = 's';
    }
    t.possessive = (t.kind === 'a' || t.kind === 'u') && !/[sS]$/.test(last);
  });
  return terms;
}

const TERMS = parseGlossary(GLOSSARY);
const termNamed = (name) => {
  const t = TERMS.find((x) => x.term === name);
  if (!t) throw new Error(`no defined term ${name}`);
  return t;
};

/** Terms by their first word, longest first: the candidates for a match starting at a word. */
const TERMS_BY_FIRST_WORD = new Map();
for (const t of [...TERMS].sort((x, y) => y.term.length - x.term.length)) {
  const first = t.term.split(' ')[0];
  if (!TERMS_BY_FIRST_WORD.has(first)) TERMS_BY_FIRST_WORD.set(first, []);
  TERMS_BY_FIRST_WORD.get(first).push(t);
}

const isWordCode = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45; // 0-9 A-Z a-z -

/** The use of a defined term starting at `at` in plain `s` (no markers), or null: { term, end }. */
function termUseAt(s, at) {
  let wordEnd = at;
  while (wordEnd < s.length && isWordCode(s.charCodeAt(wordEnd))) wordEnd++;
  const candidates = TERMS_BY_FIRST_WORD.get(s.slice(at, wordEnd));
  if (!candidates) {
    // A plural or possessive single-word term ("Users", "Panel's"): its word is longer.
    return singleWordUse(s, at, wordEnd);
  }
  for (const t of candidates) {
    if (!s.startsWith(t.term, at)) continue;
    const end = afterInflection(s, at + t.term.length);
    if (end !== -1) return { term: t, end };
  }
  return singleWordUse(s, at, wordEnd);
}

function singleWordUse(s, at, wordEnd) {
  for (const cut of [1, 2]) {
    const stem = s.slice(at, wordEnd - cut);
    const candidates = TERMS_BY_FIRST_WORD.get(stem);
    if (!candidates) continue;
    for (const t of candidates) {
      if (t.term !== stem) continue;
      const end = afterInflection(s, at + t.term.length);
      if (end !== -1) return { term: t, end };
    }
  }
  return null;
}

/** Where a use ends after its plural and possessive, or -1 when it ends inside a word. */
function afterInflection(s, end) {
  const ok = (e) => e >= s.length || !isWordCode(s.charCodeAt(e));
  const possessive = (e) => {
    if (s.charCodeAt(e) === 39 && s.charCodeAt(e + 1) === 115 && ok(e + 2)) return e + 2; // 's
    return -1;
  };
  for (const plural of ['es', 's', '']) {
    if (plural && !s.startsWith(plural, end)) continue;
    const e = end + plural.length;
    if (plural && s.charCodeAt(e) === 39 && ok(e + 1)) return e + 1; // s'
    const p = possessive(e);
    if (p !== -1) return p;
    if (ok(e)) return e;
  }
  return -1;
}

/**
 * Marks every use of a defined term in plain `s` with `marker` (TM or HM) and the term's
 * index, and glues the term's words so that the wrapper never splits a use across lines.
 */
function markTerms(s, marker) {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) continue;
    if (i > 0 && (isWordCode(s.charCodeAt(i - 1)) || s.charCodeAt(i - 1) === 39)) continue;
    const use = termUseAt(s, i);
    if (!use) continue;
    out += s.slice(last, i) + marker + use.term.ch + s.slice(i, use.end).split(' ').join(G);
    last = use.end;
    i = use.end - 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

const markAll = (list, marker = TM) => list.map((s) => markTerms(s, marker));

// The fixed vocabulary's own uses (the DCC, each User, ...) are marked once.
for (const list of [SUBJECTS, MODALS, ACTIONS, OBJECTS, ADVERBIALS, CONDITIONS, APPX_SUBJECTS]) {
  list.splice(0, list.length, ...markAll(list));
}
const CROSS_HEADINGS_MARKED = markAll(CROSS_HEADINGS, HM);

// ---------------------------------------------------------------------------------------
// Defined terms in prose: a few per clause, picked with a Zipf law over the glossary (a
// few terms very common, a long tail), in an order shuffled once per seed.

const THINGS = TERMS.filter((t) => 'cdmp'.includes(t.kind));
const ACTORS = TERMS.filter((t) => t.kind === 'a' || t.kind === 'u');
let thingsZipf = null;
let actorsZipf = null;
const termUses = new Array(TERMS.length).fill(0); // per term: [text uses, heading uses] below
const termHeadingUses = new Array(TERMS.length).fill(0);
let wrappedUses = 0; // uses wrap() has counted for a file that unit() has not yet been told of

function zipfTable(list, rng, first = []) {
  const order = [...list];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  // The wrapped terms must be used (the table-row form reads their last word only then):
  // they are given ranks 15, 40, 65, ... rather than whatever the shuffle gave them.
  const ranked = order.filter((t) => !first.includes(t));
  first.forEach((t, k) => ranked.splice(15 + 25 * k, 0, t));
  const cumulative = [];
  let total = 0;
  for (let r = 0; r < ranked.length; r++) cumulative.push(total += 1 / (r + 8));
  return { ranked, cumulative, total };
}

function zipfPick(table) {
  const x = rand() * table.total;
  let lo = 0, hi = table.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.cumulative[mid] < x) lo = mid + 1; else hi = mid;
  }
  return table.ranked[lo];
}

const use = (t, suffix = '') => TM + t.ch + t.glued + suffix;
const article = (t) => (/^(?:[AEIO]|Un)/.test(t.term) ? 'an' : 'a');
const POSSESSED = ['obligations', 'consent', 'rights', 'representative', 'approval', 'nominee', 'discretion',
  'instructions', 'premises', 'costs'];

/** A noun phrase naming a thing: "each Meter Reading", "all Tariff Tables", "the Panel's approval". */
function thingNP(not = null) {
  let t = zipfPick(thingsZipf);
  if (t === not) t = zipfPick(thingsZipf);
  if (t === not) return 'the relevant arrangements';
  const r = rand();
  switch (t.kind) {
    case 'c':
      if (r < 0.3) return `the ${use(t)}`;
      if (r < 0.5) return `each ${use(t)}`;
      if (r < 0.6) return `any ${use(t)}`;
      if (r < 0.7 && !t.acronym) return `${article(t)} ${use(t)}`;
      if (r < 0.8 || !t.plural) return `the relevant ${use(t)}`;
      return `${pick(['all', 'any', 'the'])} ${use(t, t.plural)}`;
    case 'm': return r < 0.7 ? `the ${use(t)}` : `any ${use(t)}`;
    case 'p': return r < 0.8 ? `the ${use(t)}` : `any of the ${use(t)}`;
    default: return `the ${use(t)}`;
  }
}

/** A noun phrase naming a person or body: "each Supplier Agent", "the Panel", "all Consumers" (not with `singular`). */
function actorNP(not = null, singular = false) {
  let t = zipfPick(actorsZipf);
  if (t === not) t = zipfPick(actorsZipf);
  if (t === not) return 'the relevant person';
  if (t.kind === 'u') return `the ${use(t)}`;
  const r = rand();
  if (r < 0.35) return `each ${use(t)}`;
  if (r < 0.6) return `the ${use(t)}`;
  if (r < 0.7) return `any ${use(t)}`;
  if (r < 0.85 || !t.plural || singular) return `the relevant ${use(t)}`;
  return `all ${use(t, t.plural)}`;
}

/** "the Supplier Agent's consent", "the Users' obligations" (the possessive forms). */
function possessiveNP() {
  let t = zipfPick(actorsZipf);
  if (!t.possessive) t = termNamed('User');
  if (t.kind === 'a' && t.plural === 's' && chance(0.25)) return `the ${use(t, "s'")} ${pick(POSSESSED)}`;
  return `${t.kind === 'u' ? 'the' : pick(['the', 'each'])} ${use(t, "'s")} ${pick(POSSESSED)}`;
}

const objectPhrase = () => {
  const r = rand();
  if (r < 0.45) return pick(OBJECTS);
  if (r < 0.9) return thingNP();
  return possessiveNP();
};

const subjectPhrase = (subjects) => (chance(0.3) ? actorNP() : pick(subjects));

const QUALIFIERS = ['in respect of', 'on behalf of', 'for', 'with the agreement of', 'on receipt of'];
const qualifier = () => {
  if (!chance(0.3)) return '';
  const q = pick(QUALIFIERS);
  return ` ${q} ${q === 'on behalf of' || q === 'with the agreement of' ? actorNP() : thingNP()}`;
};

const PAST = ['approved', 'submitted', 'withdrawn', 'suspended', 'notified', 'rejected', 'updated', 'received'];
function conditionPhrase() {
  const r = rand();
  if (r < 0.55) return pick(CONDITIONS);
  if (r < 0.75) return `where ${thingNP()} has been ${pick(PAST)}`;
  if (r < 0.9) return `unless ${actorNP()} has given notice of ${thingNP()}`;
  return `in the case of ${thingNP()}`;
}

// ---------------------------------------------------------------------------------------
// Model

/**
 * part: { letter, id, title, synthetic, clauses: [clause], maxNum, realClauseCount }
 * clause: { id, num, notUsed, paras: [ { label, subs: [roman] } ] }
 * appendix: { id, title, clauseIds: [string], tops }
 */
const parts = [];          // every planned Section Part, in plan order
const partsByLetter = {};  // letter -> [part]
const notUsedClauses = []; // [{ part, clause }]
const appendices = [];

function planPart(letter, id, title, synthetic, nClauses) {
  const clauses = [];
  let num = 0;
  for (let k = 0; k < nClauses; k++) {
    num++;
    const notUsed = num > 2 && chance(0.03);
    const clause = { id: `${id}.${num}`, num, notUsed, paras: [] };
    clauses.push(clause);
    if (!notUsed && chance(0.03) && k < nClauses - 1) {
      // an inserted clause such as H4.3A
      clauses.push({ id: `${id}.${num}A`, num, notUsed: false, paras: [] });
      k++;
    }
  }
  for (const c of clauses) {
    if (c.notUsed) continue;
    if (chance(0.35)) {
      const n = int(2, 6);
      for (let j = 0; j < n; j++) {
        c.paras.push({ label: LETTERS[j], subs: chance(0.2) ? ROMAN.slice(0, int(2, 4)) : [] });
      }
    }
  }
  const part = { letter, id, title, synthetic, clauses, maxNum: num };
  parts.push(part);
  (partsByLetter[letter] ??= []).push(part);
  for (const c of clauses) if (c.notUsed) notUsedClauses.push({ part, clause: c });
  return part;
}

function planAppendix(id, title, scale) {
  const tops = [];
  const nTops = Math.max(4, Math.round(int(4, 8) * Math.min(1, scale * 1.5)));
  const heads = ['Introduction'];
  while (heads.length < nTops) {
    const h = pick(APPX_HEADS);
    if (!heads.includes(h)) heads.push(h);
  }
  const clauseIds = [];
  for (let t = 1; t <= nTops; t++) {
    const subs = [];
    const nClauses = Math.max(2, Math.round(int(2, 9) * Math.min(1.5, scale)));
    for (let c = 1; c <= nClauses; c++) {
      const deep = chance(0.25) ? int(1, 4) : 0;
      subs.push({ num: `${t}.${c}`, deep });
      clauseIds.push(`${t}.${c}`);
      for (let d = 1; d <= deep; d++) clauseIds.push(`${t}.${c}.${d}`);
    }
    tops.push({ num: t, head: heads[t - 1], subs });
  }
  const a = { id, title, tops, clauseIds };
  appendices.push(a);
  return a;
}

// ---------------------------------------------------------------------------------------
// Reference generation

const stats = {
  references: 0,
  status: { ok: 0, broken: 0, deprecated: 0, external: 0, modification: 0 },
  forms: {},
};
let noSplit = false; // no reference split across lines (in the glossary)
let pendingExpect = []; // deliberate problems waiting for a line number, in text order
let currentLetter = 'A';
let currentPart = null;
let densityPerChar = 8000 / MIB;
let committedChars = 0; // chars already in file buffers
let unitChars = 0; // chars of the unit being generated (approximate)

const form = (name, n = 1) => { stats.forms[name] = (stats.forms[name] ?? 0) + n; };
const okRefs = (n = 1) => { stats.references += n; stats.status.ok += n; };

function randomPart(sameSectionBias = 0.55) {
  if (chance(sameSectionBias)) {
    const list = partsByLetter[currentLetter];
    if (list && list.length) return pick(list);
  }
  return pick(parts);
}

function randomClause(part) {
  for (let tries = 0; tries < 8; tries++) {
    const c = pick(part.clauses);
    if (!c.notUsed) return c;
  }
  return part.clauses.find((c) => !c.notUsed) ?? part.clauses[0];
}

function clauseWithParas(part) {
  for (let tries = 0; tries < 6; tries++) {
    const p = tries < 3 ? part : pick(parts);
    const cs = p.clauses;
    for (let k = 0; k < 6; k++) {
      const c = pick(cs);
      if (c.paras.length && !c.notUsed) return c;
    }
  }
  return null;
}

function rangeIn(part) {
  // two plain-numbered, used clauses start < end with no [Not used] clause between them
  const cs = part.clauses;
  if (cs.length < 3) return null;
  for (let tries = 0; tries < 6; tries++) {
    const i = int(0, cs.length - 2);
    const len = int(1, Math.min(5, cs.length - 1 - i));
    const a = cs[i], b = cs[i + len];
    if (a.id.endsWith('A') || b.id.endsWith('A')) continue;
    let bad = false;
    for (let k = i; k <= i + len; k++) if (cs[k].notUsed) { bad = true; break; }
    if (!bad && a.num < b.num) return [a.id, b.id];
  }
  return null;
}

function brokenClauseId() {
  const part = randomPart(0.3);
  // beyond the last clause of a Part whose text is present: cannot exist
  const n = chance(0.3) ? 99 : part.maxNum + int(1, 40);
  return `${part.id}.${n === part.maxNum ? n + 1 : n}`;
}

function marked(text, expected, kind) {
  pendingExpect.push({ expected, text: text.split(G).join(' '), kind });
  return MARK + text;
}

/** Returns { text, conn } where conn (optional) is a connector to use before the text. */
function refPhrase(budget) {
  const s = stats.status;
  // Deliberate problems: about 1% broken, 0.5% deprecated, always in a simple one-line form.
  if (s.broken < 0.01 * stats.references && chance(0.06)) {
    stats.references++; s.broken++;
    const kw = chance(0.15) ? `SEC${G}Section` : 'Section';
    form('broken-clause');
    return { text: marked(`${kw}${G}${brokenClauseId()}`, 'broken', 'clause beyond the end of its Part') };
  }
  if (notUsedClauses.length && s.deprecated < 0.005 * stats.references && chance(0.04)) {
    stats.references++; s.deprecated++;
    form('deprecated-clause');
    const { clause } = pick(notUsedClauses);
    return { text: marked(`Section${G}${clause.id}`, 'deprecated', 'cites a [Not used] clause') };
  }

  let f = weighted([
    [30, 'clause'], [5, 'sec-clause'], [8, 'part'], [3, 'part-titled'], [8, 'paragraph'], [2, 'section'],
    [6, 'list'], [4, 'range'], [2, 'bare-range'], [5, 'appendix'], [1, 'appendix-titled'],
    [6, 'appendix-clause'], [1, 'appendix-clause-by-title'], [1, 'appendix-list'],
    [3, 'schedule'], [3, 'external'], [1, 'secmp'], [1, 'sec-and-condition'],
    [2, 'split'],
  ]);
  if (f === 'split' && noSplit) f = 'clause';
  switch (f) {
    case 'clause': {
      okRefs(); form(f);
      return { text: `Section${G}${randomClause(randomPart()).id}` };
    }
    case 'sec-clause': {
      okRefs(); form(f);
      return { text: `SEC${G}Section${G}${randomClause(randomPart()).id}` };
    }
    case 'split': {
      // a reference split across a line break, as in text extracted from PDFs
      okRefs(); form(f);
      return { text: `Section${BRK}${randomClause(randomPart()).id}` };
    }
    case 'part': {
      okRefs(); form(f);
      const p = randomPart();
      if (p === currentPart && chance(0.3)) return { text: `this${G}Section${G}${p.id}` };
      return { text: `Section${G}${p.id}` };
    }
    case 'part-titled': {
      okRefs(); form(f);
      let p = randomPart();
      while (p.title.includes('(')) p = pick(parts); // a nested ")" would end the title early
      return { text: `Section${G}${p.id} (${p.title})` };
    }
    case 'paragraph': {
      const c = clauseWithParas(randomPart());
      if (!c) { okRefs(); form('clause'); return { text: `Section${G}${randomClause(randomPart()).id}` }; }
      okRefs(); form(f);
      const para = pick(c.paras);
      const sub = para.subs.length && chance(0.5) ? `(${pick(para.subs)})` : '';
      return { text: `Section${G}${c.id}(${para.label})${sub}` };
    }
    case 'section': {
      okRefs(); form(f);
      return { text: `Section${G}${pick(SECTIONS)[0]}` };
    }
    case 'list': {
      const n = int(2, 4);
      const ids = new Set();
      const letterList = chance(0.12);
      for (let tries = 0; ids.size < n && tries < 20; tries++) {
        if (letterList) { ids.add(pick(SECTIONS)[0]); continue; }
        const p = randomPart(0.8);
        ids.add(chance(0.4) ? p.id : randomClause(p).id);
      }
      const arr = [...ids];
      okRefs(arr.length); form(f, arr.length);
      const kw = chance(0.2) ? `SEC${G}Sections` : 'Sections';
      const body = arr.length === 1 ? arr[0]
        : `${arr.slice(0, -1).join(', ')} and ${arr[arr.length - 1]}`;
      return { text: `${kw}${G}${body}`.replace(/^(SEC\x01)?Sections\x01([^,\s]+)$/, '$1Section\x01$2') };
    }
    case 'range':
    case 'bare-range': {
      let r = null;
      for (let t = 0; t < 4 && !r; t++) r = rangeIn(randomPart());
      if (!r) { okRefs(); form('clause'); return { text: `Section${G}${randomClause(randomPart()).id}` }; }
      okRefs(); form(f);
      if (f === 'bare-range') return { text: `${r[0]}-${r[1]}`, conn: pick(['the provisions of', 'in accordance with']) };
      // "Section D6.3 to D6.4" or "Sections H10.9 to H10.13"
      return { text: `${chance(0.5) ? 'Section' : 'Sections'}${G}${r[0]}${G}to${G}${r[1]}` };
    }
    case 'appendix': {
      okRefs(); form(f);
      return { text: `Appendix${G}${pick(appendices).id}` };
    }
    case 'appendix-titled': {
      okRefs(); form(f);
      const a = pick(appendices);
      return { text: `Appendix${G}${a.id} '${a.title}'` };
    }
    case 'appendix-clause': {
      okRefs(); form(f);
      const a = pick(appendices);
      return { text: `Clause${G}${pick(a.clauseIds)}${G}of${G}Appendix${G}${a.id}` };
    }
    case 'appendix-clause-by-title': {
      okRefs(); form(f);
      const want = pick([...TITLE_CITABLE_APPENDICES]);
      const a = appendices.find((x) => x.id === want);
      return { text: `Clause${G}${pick(a.clauseIds)} of the ${a.title}` };
    }
    case 'appendix-list': {
      const n = int(2, 3);
      const ids = new Set();
      for (let t = 0; ids.size < n && t < 10; t++) ids.add(pick(appendices).id);
      const arr = [...ids];
      okRefs(arr.length); form(f, arr.length);
      if (arr.length === 1) return { text: `Appendix${G}${arr[0]}` };
      return { text: `Appendices${G}${arr.slice(0, -1).join(', ')} and ${arr[arr.length - 1]}` };
    }
    case 'schedule': {
      okRefs(); form(f);
      return { text: pick(SCHEDULE_REFS).split(' ').join(G) };
    }
    case 'external': {
      stats.references++; stats.status.external++; form(f);
      const [conn, text] = pick(EXTERNAL_REFS);
      return { text: text.replace(/^(Section|section|Condition) /, `$1${G}`), conn };
    }
    case 'secmp': {
      stats.references++; stats.status.modification++; form(f);
      const n = pick(SECMPS);
      return { text: chance(0.8) ? `SECMP${n}` : `SECMP${G}${n}`, conn: pick(['as modified by', 'following the implementation of']) };
    }
    case 'sec-and-condition': {
      stats.references += 2; stats.status.ok++; stats.status.external++; form(f, 2);
      const p = randomPart(0.2);
      return { text: `SEC${G}Section${G}${randomClause(p).id} and Condition${G}22 of the DCC Licence`, conn: 'in accordance with' };
    }
  }
  throw new Error(`unhandled form ${f}`);
}

// How many references the text needs now to keep the target density.
function refDeficit(extraChars) {
  return (committedChars + unitChars + extraChars) * densityPerChar - stats.references;
}

function budgetFor(extraChars) {
  const d = refDeficit(extraChars);
  if (d <= 0) return 0;
  return Math.min(4, Math.max(1, Math.round(d)));
}

function withRef(budget, defaultConn) {
  const r = refPhrase(budget);
  return `${r.conn ?? defaultConn ?? pick(CONNECTORS)} ${r.text}`;
}

// A fragment such as "process each Service Request in accordance with Section H4.3".
function fragment(budget) {
  let s = `${pick(ACTIONS)} ${objectPhrase()}${qualifier()}`;
  if (budget <= 0) return chance(0.6) ? `${s} ${pick(ADVERBIALS)}` : s;
  const before = stats.references;
  s += ` ${withRef(budget)}`;
  let used = stats.references - before;
  if (budget - used >= 1) {
    s += `${pick([' and', ', and', ' and, where applicable,'])} ${withRef(budget - used)}`;
  }
  return s;
}

function sentence(subjects = SUBJECTS) {
  const budget = budgetFor(160);
  const subj = subjectPhrase(subjects);
  const modal = pick(MODALS);
  if (budget >= 2 && chance(0.45)) {
    const before = stats.references;
    const opener = refPhrase(1);
    const o = `${pick(OPENERS)} ${opener.text}`;
    const rest = budget - (stats.references - before);
    unitChars += 60;
    return `${o}, ${subj} ${modal} ${fragment(rest)}.`;
  }
  if (budget === 0 && chance(0.3)) {
    return `${cap(conditionPhrase())}, ${subj} ${modal} ${fragment(0)}.`;
  }
  if (budget >= 1 && chance(0.08)) {
    return `Nothing in ${refPhrase(1).text} shall require ${subj} to ${fragment(budget - 1)}.`;
  }
  return `${cap(subj)} ${modal} ${fragment(budget)}.`;
}

// ---------------------------------------------------------------------------------------
// Wrapping


/**
 * The length of `w` once emit() has removed its markers (a term's marker is 3 characters).
 * Markers only ever start a word (a reference's MARK, a term's TM or HM), so only the start
 * is looked at.
 */
function visibleLength(w) {
  let n = w.length;
  for (let i = 0; ;) {
    const c = w.charCodeAt(i);
    if (c === 3) { n--; i++; }
    else if (c === 4 || c === 5) { n -= 3; i += 3; }
    else return n;
  }
}

/** The first character of `w` that will be seen. */
function visibleStart(w) {
  let i = 0;
  for (;;) {
    const c = w.charCodeAt(i);
    if (c === 3) i++;
    else if (c === 4 || c === 5) i += 3;
    else return c;
  }
}

const isDigitCode = (c) => c >= 48 && c <= 57;
const isUpperCode = (c) => c >= 65 && c <= 90;
/** BAD_LINE_START.test(w), by hand (it is asked of every word). */
function badLineStart(w) {
  const c = w.charCodeAt(0);
  if (c === 40 || c === 34 || c === 0x201c || c === 39 || c === 91 || isDigitCode(c)) return true;
  if (!isUpperCode(c)) return false;
  const d = w.charCodeAt(1);
  return isDigitCode(d) || (isUpperCode(d) && isDigitCode(w.charCodeAt(2)));
}

/**
 * Wraps `text` (first line prefixed with `label`) into lines of about `width` characters.
 * Never starts a continuation line with something that would look like a heading, clause
 * number, paragraph label or definition; honours BRK (a deliberate split reference). With
 * `lowerStarts`, a continuation line starts with a lower-case word (a definition's
 * continuation, which a wrapped term's last word must not be mistaken for). With `nextLabel`,
 * the second line starts with it (alone if the text fits on the first line).
 */
function wrap(label, text, out, width, lowerStarts = false, nextLabel = null) {
  const raw = text.split(' ');
  const words = [];
  const lengths = [];
  const hasBreak = text.includes(BRK);
  for (let w of raw) {
    if (w === '') continue;
    // A term's use starts its word: counted here (emit() counts the rest: headings).
    const c0 = w.charCodeAt(0);
    if (c0 === 4) {
      termUses[termAt(w, 1)]++;
      wrappedUses++;
      w = w.slice(3);
    }
    if (hasBreak && w.includes(BRK)) {
      const [x, y] = w.split(BRK);
      words.push(x, BRK, y);
      lengths.push(visibleLength(x), 0, visibleLength(y));
      continue;
    }
    const n = visibleLength(w);
    let glue = badLineStart(w);
    if (!glue && lowerStarts) {
      const c = visibleStart(w);
      glue = !(c >= 97 && c <= 122);
    }
    const k = words.length - 1;
    if (k >= 0 && words[k] !== BRK && glue) {
      words[k] += G + w;
      lengths[k] += 1 + n;
    } else {
      words.push(w);
      lengths.push(n);
    }
  }
  let line = label;
  let length = visibleLength(label);
  const flush = () => {
    out.push(line);
    line = '';
    length = 0;
    if (nextLabel !== null && out.length === 1) {
      line = nextLabel;
      length = nextLabel.length;
    }
  };
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w === BRK) { flush(); continue; }
    const n = lengths[k];
    if (line === '') {
      line = w;
      length = n;
    } else if (length + 1 + n > width) {
      flush();
      if (line === '') {
        line = w;
        length = n;
      } else {
        line += ' ' + w; // after nextLabel
        length += 1 + n;
      }
    } else {
      line += ' ' + w;
      length += 1 + n;
    }
  }
  if (line !== '') flush();
  if (nextLabel !== null && out.length === 1) out.push(nextLabel);
}

// ---------------------------------------------------------------------------------------
// File buffers

const files = []; // { name, lines: [], chars, expected: [] }
const sectionFile = {}; // letter -> current file
let expectedAll = [];

function newFile(name) {
  const f = { name, lines: [], chars: 0, termUses: 0, termHeadingUses: 0 };
  files.push(f);
  return f;
}

const TERM_USE = /[\x04\x05][\x80-\xff]{2}/g;

/**
 * Appends generated lines (which may contain G, MARK, TM and HM) to a file, resolving marks
 * and counting term uses. The glue (G, as long as a space) is left for main() to replace in
 * each file's whole text at once.
 */
function emit(file, lines) {
  const counted = (m) => {
    const t = termAt(m, 1);
    if (m.charCodeAt(0) === 4) { termUses[t]++; file.termUses++; } else { termHeadingUses[t]++; file.termHeadingUses++; }
    return '';
  };
  for (let line of lines) {
    if (line.includes(TM) || line.includes(HM)) line = line.replace(TERM_USE, counted);
    if (line.includes(MARK)) {
      let idx;
      while ((idx = line.indexOf(MARK)) !== -1) {
        line = line.slice(0, idx) + line.slice(idx + 1);
        const e = pendingExpect.shift();
        expectedAll.push({ file: file.name, line: file.lines.length + 1, character: idx, text: e.text,
          expected: e.expected, note: e.kind });
      }
    }
    file.lines.push(line);
    file.chars += line.length + 1;
    committedChars += line.length + 1;
  }
  unitChars = 0;
}

const lineWidth = () => int(76, 96);

function unit(file, label, text) {
  const out = [];
  wrap(label, text, out, lineWidth());
  emit(file, out);
  file.termUses += wrappedUses;
  wrappedUses = 0;
}

// ---------------------------------------------------------------------------------------
// Writers

function writeClause(file, part, clause, isFirst) {
  const lines = [''];
  if (!isFirst && chance(0.12)) lines.push(pick(CROSS_HEADINGS_MARKED));
  emit(file, lines);
  if (clause.notUsed) {
    emit(file, [`${clause.id} [Not used]`]);
    return;
  }
  if (clause.paras.length === 0) {
    const n = int(1, 3);
    const ss = [];
    for (let k = 0; k < n; k++) { const s = sentence(); ss.push(s); unitChars += s.length; }
    unit(file, clause.id, ss.join(' '));
    return;
  }
  // intro + paragraphs (a), (b) ... with (i), (ii) beneath some
  let intro;
  const b = budgetFor(80);
  if (b > 0 && chance(0.5)) {
    intro = `${pick(OPENERS)} ${refPhrase(1).text}, ${subjectPhrase(SUBJECTS)} ${pick(MODALS)}:`;
  } else {
    const modal = pick(MODALS);
    intro = `${cap(subjectPhrase(SUBJECTS))} ${modal}${modal.endsWith(',') ? '' : ','} in respect of ${objectPhrase()}:`;
  }
  unitChars += intro.length;
  unit(file, clause.id, intro);
  const nParas = clause.paras.length;
  clause.paras.forEach((para, pi) => {
    const lastPara = pi === nParas - 1;
    const joiner = pi === nParas - 2 ? pick(['; and', '; or', ';']) : lastPara ? '.' : ';';
    if (para.subs.length) {
      unit(file, `(${para.label})`, `in respect of ${objectPhrase()}${chance(0.5) ? `, ${conditionPhrase()}` : ''}:`);
      para.subs.forEach((sub, si) => {
        const lastSub = si === para.subs.length - 1;
        const end = lastSub ? joiner : si === para.subs.length - 2 ? '; or' : ';';
        const t = `${fragment(budgetFor(100))}${end}`;
        unitChars += t.length;
        unit(file, `(${sub})`, t);
      });
    } else {
      const cond = chance(0.25) ? `${conditionPhrase()}, ` : '';
      const t = `${cond}${fragment(budgetFor(100))}${joiner}`;
      unitChars += t.length;
      unit(file, `(${para.label})`, t);
    }
  });
}

// The glossary: Section A1.1 as a definitions table reflowed into text, one definition a
// line (a long one goes on in lower case on the next), sorted by term: mostly
// "Term means ...", some "Term has the meaning given to that expression in Section H4.2"
// (a pointer, an ordinary reference), a few quoted ("Term" means ...), the acronyms
// ("CEP means the Consumer Energy Portal") and a few long terms wrapped, their last word
// starting the next line.

const DEFINED_BY = ['has the meaning given to that expression in', 'has the meaning given to that expression in',
  'has the meaning given to it in', 'has the meaning set out in', 'is defined in', 'shall have the meaning given to it in'];
const DOC_NOUNS = ['record', 'notice', 'document', 'statement', 'report', 'register', 'plan', 'list', 'request',
  'message', 'arrangement', 'instruction', 'assessment', 'programme'];
const VERBS = ['manage', 'review', 'operate', 'approve', 'record', 'maintain', 'monitor', 'publish', 'validate'];
const VERBS3 = ['manages', 'reviews', 'operates', 'approves', 'records', 'maintains', 'monitors', 'publishes', 'validates'];
/** "a record", "an instruction", "any notice": a determiner from `determiners` and a noun. */
function aNoun(determiners) {
  const noun = pick(DOC_NOUNS);
  const d = pick(determiners);
  return `${d === 'a' && /^[aeiou]/.test(noun) ? 'an' : d} ${noun}`;
}
const glossaryEntries = []; // { term, file, line, character, form, pointer? } in the order written
let pointersWritten = 0;

/** Which form each term's definition takes: fixed per seed, whatever the size. */
function assignDefinitionForms(rng) {
  for (const t of TERMS) {
    const r = rng();
    if (t.expansion) t.form = 'acronym';
    else if (t.wrapped) t.form = 'wrapped';
    else if (t.kind === 'j') t.form = 'means';
    else if (r < 0.09) t.form = 'pointer';
    else if (r < 0.105) t.form = 'quoted';
    else t.form = 'means';
  }
}

/**
 * The reference a pointer definition carries: mostly a clause of a real Part; the 3rd and the
 * 20th are broken (a clause after the last of its Part), the 8th cites a [Not used] clause.
 */
function pointerReference() {
  const s = stats.status;
  const n = ++pointersWritten;
  if (n === 3 || n === 20) {
    stats.references++; s.broken++; form('pointer');
    return marked(`Section${G}${brokenClauseId()}`, 'broken', 'definition pointing beyond the end of a Part');
  }
  if (n === 8 && notUsedClauses.length) {
    stats.references++; s.deprecated++; form('pointer');
    return marked(`Section${G}${pick(notUsedClauses).clause.id}`, 'deprecated', 'definition pointing at a [Not used] clause');
  }
  okRefs(); form('pointer');
  const r = rand();
  if (r < 0.6) return `Section${G}${randomClause(pick(parts)).id}`;
  if (r < 0.85) {
    let p = pick(parts);
    while (p.title.includes('(')) p = pick(parts);
    return `Section${G}${p.id} (${p.title})`;
  }
  const a = pick(appendices);
  return `Clause${G}${pick(a.clauseIds)}${G}of${G}Appendix${G}${a.id}`;
}

function definitionBody(t) {
  let body;
  switch (t.kind) {
    case 'c':
      body = chance(0.5)
        ? `means ${aNoun(['a', 'any', 'each'])} ${pick(['issued', 'prepared', 'maintained', 'submitted', 'agreed'])} by ${actorNP()} in respect of ${thingNP(t)}`
        : `means ${aNoun(['a', 'any'])} by which ${actorNP(null, true)} ${pick(VERBS3)} ${thingNP(t)}`;
      break;
    case 'a':
      body = `means ${pick(['any person', 'a person', 'each organisation', 'any body'])} ${pick(['appointed', 'nominated', 'authorised', 'designated', 'registered'])} by ${actorNP(t)} to ${pick(VERBS)} ${thingNP()}`;
      break;
    case 'u':
      body = `means the ${pick(['body', 'committee', 'person', 'office'])} ${pick(['established', 'appointed', 'constituted'])} to ${pick(VERBS)} ${thingNP()} on behalf of ${actorNP(t)}`;
      break;
    case 'd':
      body = `means the ${pick(DOC_NOUNS)} ${pick(['maintained', 'published', 'operated', 'kept'])} by ${actorNP()} that records ${thingNP(t)}`;
      break;
    case 'm':
      body = `means all ${pick(['information', 'data', 'material', 'equipment'])} relating to ${thingNP(t)} ${pick(['held', 'processed', 'provided', 'used'])} by ${actorNP()}`;
      break;
    case 'p':
      body = `means the ${pick(['procedures', 'criteria', 'arrangements', 'requirements', 'costs'])} ${pick(['established', 'agreed', 'approved', 'published'])} by ${actorNP()} for ${thingNP(t)}`;
      break;
    default: // 'j'
      body = `means, in respect of ${thingNP()}, that it has been ${pick(['installed and enrolled', 'registered and tested'])}`;
  }
  if (budgetFor(120) > 0 && chance(0.6)) body += ` ${withRef(1)}`;
  else if (chance(0.3)) body += ` ${pick(ADVERBIALS)}`;
  return body;
}

function writeGlossary(file) {
  emit(file, ['']);
  unit(file, 'A1.1', 'In this Code, except where the context otherwise requires, the expressions below' +
    ' shall have the meanings given to them below:');
  const sorted = [...TERMS].sort((x, y) => x.term.localeCompare(y.term, 'en'));
  noSplit = true;
  let curly = true;
  let alone = true;
  sorted.forEach((t, i) => {
    const end = i === sorted.length - 1 ? '.' : ';';
    const width = lineWidth();
    const out = [];
    let head = t.term;
    let body;
    let pointer = null;
    if (t.form === 'acronym') {
      body = `means the ${use(termNamed(t.expansion))}`;
    } else if (t.form === 'pointer') {
      const before = pendingExpect.length;
      pointer = pointerReference();
      body = `${pick(DEFINED_BY)} ${pointer}`;
      pointer = pointer.split(G).join(' ').split(MARK).join('');
      if (pendingExpect.length > before) pendingExpect[pendingExpect.length - 1].kind += ` (${t.term})`;
    } else {
      body = definitionBody(t);
      if (t.form === 'quoted') {
        head = curly ? `\u201c${t.term}\u201d` : `"${t.term}"`;
        curly = false;
      }
    }
    unitChars += head.length + body.length;
    if (t.form === 'wrapped') {
      // "Consumer Data Access Consent means ..." then "Register ..." (or "Register" alone, once)
      const words = t.term.split(' ');
      const lastWord = words.pop();
      const first = words.join(' ');
      if (alone) {
        body = `means the ${pick(DOC_NOUNS)} published by ${actorNP()}`;
      } else {
        while (visibleLength(first) + visibleLength(body) < width + 24) body += ` in respect of ${thingNP(t)}`;
      }
      wrap(first, body + end, out, width, true, lastWord);
      alone = false;
    } else {
      wrap(head, body + end, out, width, true);
    }
    glossaryEntries.push({ term: t.term, file: file.name, line: file.lines.length + 1, character: head === t.term ? 0 : 1,
      form: t.form, ...(pointer ? { pointer } : {}), index: t.index });
    emit(file, out);
    file.termUses += wrappedUses;
    wrappedUses = 0;
  });
  noSplit = false;
  stats.definitions = sorted.length;
}

function writePart(file, part) {
  currentPart = part;
  currentLetter = part.letter;
  const sep = chance(0.2) ? '  ' : ' ';
  emit(file, ['', `${part.id}${sep}${markTerms(part.title, HM)}`]);
  let first = true;
  for (const clause of part.clauses) {
    if (part.id === 'A1' && first) {
      writeGlossary(file);
      first = false;
      continue;
    }
    writeClause(file, part, clause, first);
    first = false;
  }
}

function writeAppendix(a) {
  const file = newFile(`appendix-${a.id.toLowerCase()}.sec`);
  currentLetter = pick(SECTIONS)[0];
  currentPart = null;
  emit(file, [markTerms(`Appendix ${a.id}: ${a.title}`, HM)]);
  for (const top of a.tops) {
    emit(file, ['', `${top.num} ${markTerms(top.head, HM)}`]);
    for (const sub of top.subs) {
      emit(file, ['']);
      const n = int(1, 3);
      const ss = [];
      for (let k = 0; k < n; k++) { const s = sentence(APPX_SUBJECTS); ss.push(s); unitChars += s.length; }
      unit(file, sub.num, ss.join(' '));
      for (let d = 1; d <= sub.deep; d++) {
        const s = sentence(APPX_SUBJECTS);
        unitChars += s.length;
        unit(file, `${sub.num}.${d}`, s);
      }
    }
  }
}

function sectionHeading(letter, title) {
  // mostly the usual form; a couple of Sections use the other published styles
  if (letter === 'M') return `SECTION M \u2013 ${title.toUpperCase()}`;
  if (letter === 'P') return `Section P - ${title}`;
  return `Section ${letter}: ${title}`;
}

function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).replace(/-$/, '');
}

function fileForSection(letter, maxChars) {
  let f = sectionFile[letter];
  if (f && f.chars < maxChars) return f;
  const [, title] = SECTIONS.find((s) => s[0] === letter);
  const base = `section-${letter.toLowerCase()}-${slug(title)}`;
  const n = files.filter((x) => x.name.startsWith(base)).length;
  f = newFile(n === 0 ? `${base}.sec` : `${base}-${n + 1}.sec`);
  sectionFile[letter] = f;
  if (n === 0) emit(f, [markTerms(sectionHeading(letter, title), HM)]);
  return f;
}

// ---------------------------------------------------------------------------------------
// Main

function generate(opts) {
  rand = makeRng(opts.seed);
  densityPerChar = opts.refsPerMb / MIB;
  // The glossary's forms and the terms' popularity: from their own stream, so that they do
  // not depend on the size.
  const glossaryRng = makeRng(opts.seed + 0x5ec14);
  assignDefinitionForms(glossaryRng);
  thingsZipf = zipfTable(THINGS, glossaryRng, TERMS.filter((t) => t.wrapped));
  actorsZipf = zipfTable(ACTORS, glossaryRng);
  const targetChars = Math.round(opts.sizeMb * MIB);
  const maxFileChars = opts.maxFileKb * 1024;

  // Average generated size of one clause (measured), to scale the real Parts so that they
  // use at most about 55% of the target; synthetic Parts fill the rest.
  const BYTES_PER_CLAUSE = 390;
  const realParts = SECTIONS.reduce((n, s) => n + s[2].length, 0);
  const defaultClauses = 36;
  const scale = Math.min(1, (targetChars * 0.55) / (realParts * defaultClauses * BYTES_PER_CLAUSE));
  const clausesFor = () => Math.max(4, Math.round(int(12, 60) * scale));

  for (const [letter, , ps] of SECTIONS) {
    for (const [id, title] of ps) {
      let n = clausesFor();
      if (id === 'A1') n = Math.max(n, 6);
      if (id === 'H10') n = Math.max(n, 13); // H10.9-H10.13 exists, as in the seed
      if (id === 'X5') n = Math.max(n, 6);   // SEC Section X5.4
      if (id === 'H3') n = Math.max(n, 22);  // Section H3.22
      if (id === 'H14') n = Math.max(n, 36); // H14.36
      const part = planPart(letter, id, title, false, n);
      if (id === 'A1') part.clauses[0].paras = []; // A1.1 holds the definitions, not paragraphs
    }
  }
  for (const [id, title] of APPENDICES) planAppendix(id, title, scale);

  // 1. the real Parts, Section by Section
  for (const [letter] of SECTIONS) {
    for (const part of partsByLetter[letter]) writePart(fileForSection(letter, maxFileChars), part);
  }
  // 2. the Appendices
  for (const a of appendices) writeAppendix(a);
  // 3. synthetic Parts, round-robin over the Sections, until the target size is reached
  const nextNum = {};
  for (const [letter, , ps] of SECTIONS) {
    nextNum[letter] = 1 + Math.max(...ps.map(([id]) => Number(id.slice(1).replace(/[A-Z]$/, ''))));
  }
  let synthetic = 0;
  let li = 0;
  while (committedChars < targetChars) {
    const letter = SECTIONS[li % SECTIONS.length][0];
    li++;
    const id = `${letter}${nextNum[letter]++}`;
    const title = `${pick(SYN_ADJ)} ${pick(SYN_NOUN)} ${pick(SYN_TAIL)}`;
    const part = planPart(letter, id, title, true, int(20, 90));
    synthetic++;
    writePart(fileForSection(letter, maxFileChars), part);
  }
  if (pendingExpect.length) throw new Error(`internal: ${pendingExpect.length} unplaced marks`);

  let clauses = 0, paragraphs = 0, inserted = 0;
  for (const p of parts) {
    clauses += p.clauses.length;
    for (const c of p.clauses) {
      paragraphs += c.paras.reduce((n, x) => n + 1 + x.subs.length, 0);
      if (c.id.endsWith('A')) inserted++;
    }
  }
  return {
    synthetic, clauses, paragraphs, inserted,
    appendixClauses: appendices.reduce((n, a) => n + a.clauseIds.length + a.tops.length, 0),
  };
}

const countBy = (list, key) => {
  const counts = {};
  for (const x of list) counts[key(x)] = (counts[key(x)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
};

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = process.hrtime.bigint();
  const shape = generate(opts);

  mkdirSync(opts.out, { recursive: true });
  // remove files from an earlier run (only our own naming patterns)
  for (const name of readdirSync(opts.out)) {
    if (/^(section|appendix)-[a-z0-9-]+\.sec$/.test(name) || ['expected.json', 'summary.json', 'terms.json'].includes(name)) {
      rmSync(join(opts.out, name));
    }
  }
  let bytes = 0;
  for (const f of files) {
    const buf = Buffer.from(f.lines.join('\n') + '\n', 'utf8');
    for (let i = 0; i < buf.length; i++) if (buf[i] === 1) buf[i] = 32; // G: a space
    bytes += buf.length;
    writeFileSync(join(opts.out, f.name), buf);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;

  const summary = {
    seed: opts.seed,
    sizeMb: opts.sizeMb,
    out: opts.out,
    files: files.length,
    bytes,
    lines: files.reduce((n, f) => n + f.lines.length, 0),
    references: stats.references,
    referencesPerMb: Math.round(stats.references / (bytes / MIB)),
    broken: stats.status.broken,
    deprecated: stats.status.deprecated,
    notUsedTargets: stats.status.deprecated,
    expectedStatus: stats.status,
    forms: Object.fromEntries(Object.entries(stats.forms).sort(([a], [b]) => a.localeCompare(b))),
    sections: SECTIONS.length,
    parts: parts.length,
    syntheticParts: shape.synthetic,
    clauses: shape.clauses,
    insertedClauses: shape.inserted,
    notUsedClauses: notUsedClauses.length,
    paragraphs: shape.paragraphs,
    definitions: stats.definitions ?? 0,
    terms: TERMS.length,
    definitionForms: countBy(glossaryEntries, (e) => e.form),
    termUses: termUses.reduce((a, b) => a + b, 0) + termHeadingUses.reduce((a, b) => a + b, 0),
    termUsesInHeadings: termHeadingUses.reduce((a, b) => a + b, 0),
    termUsesPerMb: Math.round(termUses.reduce((a, b) => a + b, 0) / (bytes / MIB)),
    unusedTerms: TERMS.filter((t) => termUses[t.index] + termHeadingUses[t.index] === 0).length,
    appendices: appendices.length,
    appendixClauses: shape.appendixClauses,
    generationMs: Math.round(ms),
  };
  const { generationMs, out, ...stable } = summary;
  writeFileSync(join(opts.out, 'summary.json'), JSON.stringify(stable, null, 2) + '\n');
  writeFileSync(join(opts.out, 'expected.json'), JSON.stringify(expectedAll, null, 1) + '\n');
  const glossary = {
    terms: glossaryEntries.map(({ index, ...e }) => ({ ...e, uses: termUses[index] + termHeadingUses[index], usesInHeadings: termHeadingUses[index] })),
    usesByFile: Object.fromEntries(files.map((f) => [f.name, { uses: f.termUses + f.termHeadingUses, inHeadings: f.termHeadingUses }])),
  };
  writeFileSync(join(opts.out, 'terms.json'), JSON.stringify(glossary, null, 1) + '\n');
  if (!opts.quiet) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
}

main();
