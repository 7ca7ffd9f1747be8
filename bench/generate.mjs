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
// benchmark can measure recall and precision, not only speed.
//
// Same arguments => byte-identical output (seeded PRNG, no clocks, no Map-order tricks).
// Plain Node.js, no dependencies.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
// Vocabulary (SEC-like legal prose). Capitalised phrases are defined in Section A1.

const TERMS = [
  'Alert', 'Alt HAN Forum', 'Authority', 'Business Continuity and Disaster Recovery Procedures', 'Change Board',
  'Charging Statement', 'Code Administrator', 'Command', 'Communications Hub', 'Critical Service Request',
  'Data Protection Legislation', 'DCC', 'DCC Gateway Connection', 'DCC Systems', 'DCC User Interface',
  'Decommissioning', 'Device', 'Eligible User', 'Enrolment', 'Incident', 'Incident Management Log',
  'Modification Proposal', 'Network Party', 'Panel', 'Party', 'Registration Data',
  'Registration Data Provider', 'Regulatory Year', 'Response', 'Secretary of State', 'Security Sub-Committee',
  'Self-Service Interface', 'Service Request', 'Services', 'Smart Metering Inventory', 'Smart Metering System',
  'SMKI PMA', 'SMKI Repository', 'SMKI Services', 'Supplier Party', 'Technical Sub-Committee',
  'Testing Participant', 'Testing Services', 'Threshold Anomaly Detection Procedures', 'User', 'User Role',
  'Working Day', 'Withdrawal',
];

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
  'reject', 'retain a record of', 'take into account', 'consult the Parties on', 'assess', 'ensure the accuracy of',
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

const G = '\x01'; // glue: a space that the wrapper must not break at
const BRK = '\x02'; // forced line break inside a reference ("Section\nH4.3")
const MARK = '\x03'; // marks the start of a deliberately broken/deprecated reference

const stats = {
  references: 0,
  status: { ok: 0, broken: 0, deprecated: 0, external: 0, modification: 0 },
  forms: {},
};
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

  const f = weighted([
    [30, 'clause'], [5, 'sec-clause'], [8, 'part'], [3, 'part-titled'], [8, 'paragraph'], [2, 'section'],
    [6, 'list'], [4, 'range'], [2, 'bare-range'], [5, 'appendix'], [1, 'appendix-titled'],
    [6, 'appendix-clause'], [1, 'appendix-clause-by-title'], [1, 'appendix-list'],
    [3, 'schedule'], [3, 'external'], [1, 'secmp'], [1, 'sec-and-condition'],
    [2, 'split'],
  ]);
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
  let s = `${pick(ACTIONS)} ${pick(OBJECTS)}`;
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
  const subj = pick(subjects);
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
    return `${cap(pick(CONDITIONS))}, ${subj} ${modal} ${fragment(0)}.`;
  }
  if (budget >= 1 && chance(0.08)) {
    return `Nothing in ${refPhrase(1).text} shall require ${subj} to ${fragment(budget - 1)}.`;
  }
  return `${cap(subj)} ${modal} ${fragment(budget)}.`;
}

// ---------------------------------------------------------------------------------------
// Wrapping

const BAD_LINE_START = /^(?:[("“'\[]|\d|[A-Z]{1,2}\d)/;

/**
 * Wraps `text` (first line prefixed with `label`) into lines of about `width` characters.
 * Never starts a continuation line with something that would look like a heading, clause
 * number, paragraph label or definition; honours BRK (a deliberate split reference).
 */
function wrap(label, text, out, width) {
  const raw = text.split(' ');
  const words = [];
  for (const w of raw) {
    if (w === '') continue;
    if (w.includes(BRK)) {
      const [x, y] = w.split(BRK);
      words.push(x, BRK, y);
      continue;
    }
    if (words.length && words[words.length - 1] !== BRK && BAD_LINE_START.test(w)) {
      words[words.length - 1] += G + w;
    } else {
      words.push(w);
    }
  }
  let line = label;
  const flush = () => {
    out.push(line);
    line = '';
  };
  for (const w of words) {
    if (w === BRK) { flush(); continue; }
    if (line === '') {
      line = w;
    } else if (line.length + 1 + w.length > width) {
      flush();
      line = w;
    } else {
      line += ' ' + w;
    }
  }
  if (line !== '') flush();
}

// ---------------------------------------------------------------------------------------
// File buffers

const files = []; // { name, lines: [], chars, expected: [] }
const sectionFile = {}; // letter -> current file
let expectedAll = [];

function newFile(name) {
  const f = { name, lines: [], chars: 0 };
  files.push(f);
  return f;
}

/** Appends generated lines (which may contain G and MARK) to a file, resolving marks. */
function emit(file, lines) {
  for (let line of lines) {
    if (line.includes(MARK)) {
      let idx;
      while ((idx = line.indexOf(MARK)) !== -1) {
        line = line.slice(0, idx) + line.slice(idx + 1);
        const e = pendingExpect.shift();
        expectedAll.push({ file: file.name, line: file.lines.length + 1, character: idx, text: e.text,
          expected: e.expected, note: e.kind });
      }
    }
    if (line.includes(G)) line = line.split(G).join(' ');
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
}

// ---------------------------------------------------------------------------------------
// Writers

function writeClause(file, part, clause, isFirst) {
  const lines = [''];
  if (!isFirst && chance(0.12)) lines.push(pick(CROSS_HEADINGS));
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
    intro = `${pick(OPENERS)} ${refPhrase(1).text}, ${pick(SUBJECTS)} ${pick(MODALS)}:`;
  } else {
    intro = `${cap(pick(SUBJECTS))} ${pick(MODALS)}, in respect of ${pick(OBJECTS)}:`;
  }
  unitChars += intro.length;
  unit(file, clause.id, intro);
  const nParas = clause.paras.length;
  clause.paras.forEach((para, pi) => {
    const lastPara = pi === nParas - 1;
    const joiner = pi === nParas - 2 ? pick(['; and', '; or', ';']) : lastPara ? '.' : ';';
    if (para.subs.length) {
      unit(file, `(${para.label})`, `in respect of ${pick(OBJECTS)}${chance(0.5) ? `, ${pick(CONDITIONS)}` : ''}:`);
      para.subs.forEach((sub, si) => {
        const lastSub = si === para.subs.length - 1;
        const end = lastSub ? joiner : si === para.subs.length - 2 ? '; or' : ';';
        const t = `${fragment(budgetFor(100))}${end}`;
        unitChars += t.length;
        unit(file, `(${sub})`, t);
      });
    } else {
      const cond = chance(0.25) ? `${pick(CONDITIONS)}, ` : '';
      const t = `${cond}${fragment(budgetFor(100))}${joiner}`;
      unitChars += t.length;
      unit(file, `(${para.label})`, t);
    }
  });
}

function writeDefinitions(file) {
  emit(file, ['']);
  unit(file, 'A1.1', 'In this Code, except where the context otherwise requires, the expressions below' +
    ' shall have the meanings given to them below:');
  const terms = [...TERMS].sort((x, y) => x.localeCompare(y, 'en'));
  for (const term of terms) {
    let body;
    const b = budgetFor(120);
    if (b > 0 && chance(0.5)) {
      body = chance(0.5)
        ? `has the meaning given to that expression in ${refPhrase(1).text};`
        : `means the ${term.toLowerCase().includes('procedures') ? 'document' : 'arrangements'} described in ${refPhrase(1).text};`;
    } else {
      body = `means ${pick(['any', 'each', 'the'])} ${pick(['person', 'arrangement', 'document', 'process', 'message'])} ${pick(['established', 'designated', 'described', 'identified', 'nominated'])} ${withRef(b)};`;
    }
    unitChars += body.length;
    unit(file, `"${term}"`, body);
  }
  stats.definitions = terms.length;
}

function writePart(file, part) {
  currentPart = part;
  currentLetter = part.letter;
  const sep = chance(0.2) ? '  ' : ' ';
  emit(file, ['', `${part.id}${sep}${part.title}`]);
  let first = true;
  for (const clause of part.clauses) {
    if (part.id === 'A1' && first) {
      writeDefinitions(file);
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
  emit(file, [`Appendix ${a.id}: ${a.title}`]);
  for (const top of a.tops) {
    emit(file, ['', `${top.num} ${top.head}`]);
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
  if (n === 0) emit(f, [sectionHeading(letter, title)]);
  return f;
}

// ---------------------------------------------------------------------------------------
// Main

function generate(opts) {
  rand = makeRng(opts.seed);
  densityPerChar = opts.refsPerMb / MIB;
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

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = process.hrtime.bigint();
  const shape = generate(opts);

  mkdirSync(opts.out, { recursive: true });
  // remove files from an earlier run (only our own naming patterns)
  for (const name of readdirSync(opts.out)) {
    if (/^(section|appendix)-[a-z0-9-]+\.sec$/.test(name) || name === 'expected.json' || name === 'summary.json') {
      rmSync(join(opts.out, name));
    }
  }
  let bytes = 0;
  for (const f of files) {
    const buf = Buffer.from(f.lines.join('\n') + '\n', 'utf8');
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
    appendices: appendices.length,
    appendixClauses: shape.appendixClauses,
    generationMs: Math.round(ms),
  };
  const { generationMs, out, ...stable } = summary;
  writeFileSync(join(opts.out, 'summary.json'), JSON.stringify(stable, null, 2) + '\n');
  writeFileSync(join(opts.out, 'expected.json'), JSON.stringify(expectedAll, null, 1) + '\n');
  if (!opts.quiet) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
}

main();
