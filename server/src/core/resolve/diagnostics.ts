// Resolved references → diagnostics with stable string codes. Severities come from the
// defaults below, overridden per code by sec.config.json or editor settings ('off' drops).

import type { SeveritySetting } from '../config/config';
import { levelOf } from '../model/ids';
import type { CoreDiagnostic, DiagnosticCode, Reference, UnexpandedRange } from '../model/types';
import { MAX_RANGE_MEMBERS, rangeMemberBudget } from '../parse/references';
import type { Resolution } from './statuses';
import { checkCitedTitle } from './titleCheck';

export const DEFAULT_SEVERITIES: Record<DiagnosticCode, SeveritySetting> = {
  'broken-reference': 'error',
  'deprecated-reference': 'warning',
  'title-mismatch': 'warning',
  'ambiguous-reference': 'information',
  'unverified-reference': 'off',
  'duplicate-number': 'warning',
  'numbering-order': 'information',
  'invalid-config': 'warning',
  'malformed-change': 'error',
  'reference-to-deleted': 'warning',
  'instruction-text-not-found': 'error',
  'file-too-large': 'warning',
  'not-in-catalogue': 'warning',
  'range-too-wide': 'information',
  'amendment-base-mismatch': 'warning',
  'amendment-conflict': 'warning',
  'duplicate-definition': 'warning',
  'term-case-mismatch': 'warning',
  'near-miss-term': 'information',
  'unused-definition': 'hint',
};

export interface ResolvedReference {
  reference: Reference;
  resolution: Resolution;
  /**
   * This reference's diagnostics, offsets relative to the reference's start: worked out once
   * per resolution, and still right when an edit elsewhere moves the reference.
   */
  found?: readonly CoreDiagnostic[];
}

/** The real titles a cited title may match: the target's heading and the names of its document. */
export type TitleSource = (target: string) => readonly string[];

const TITLED_LEVELS = new Set(['section', 'part', 'document', 'version']);
const NONE: readonly CoreDiagnostic[] = [];

export function referenceDiagnostics(resolved: readonly ResolvedReference[], titlesOf: TitleSource): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  for (let i = 0; i < resolved.length; i++) {
    const entry = resolved[i];
    entry.found ??= diagnose(entry.reference, entry.resolution, titlesOf);
    if (entry.found.length === 0) continue;
    const base = entry.reference.start;
    for (const diagnostic of entry.found) diagnostics.push({ ...diagnostic, start: diagnostic.start + base, end: diagnostic.end + base });
  }
  return diagnostics;
}

/** One reference's diagnostics, relative to its start. */
function diagnose(reference: Reference, resolution: Resolution, titlesOf: TitleSource): readonly CoreDiagnostic[] {
  // Members between the written ends of a range are cited but not written: no diagnostics.
  if (reference.viaRange) return NONE;
  // Most references: found, and no title to compare.
  if ((resolution.status === 'ok' || resolution.status === 'external') && !reference.title && !reference.unexpanded) return NONE;
  const diagnostics: CoreDiagnostic[] = [];
  const start = 0;
  const end = reference.end - reference.start;
  if (reference.unexpanded) diagnostics.push(rangeTooWide(reference, reference.unexpanded));
  const target = resolution.target;
  switch (resolution.status) {
    case 'broken':
      diagnostics.push({
        start, end, severity: 'error', code: 'broken-reference',
        message: `Broken reference: ${target} does not exist. ${resolution.reason ?? ''}`.trim(),
        data: { target, nearestExisting: resolution.nearestExisting },
      });
      break;
    case 'deprecated':
      if (resolution.deletedBy) {
        diagnostics.push({
          start, end, severity: 'warning', code: 'reference-to-deleted',
          message: `Reference to deleted text: ${resolution.reason}`,
          data: { target, deletedBy: resolution.deletedBy },
        });
        break;
      }
      diagnostics.push({
        start, end, severity: 'warning', code: 'deprecated-reference',
        message: `Deprecated reference: ${resolution.reason ?? `${target} must no longer be cited.`}` +
          // A reason often says itself what to cite ("... cite the incorporation provisions instead."): the replacement is named, not urged again.
          (resolution.replacement ? ` Its replacement is ${resolution.replacement}.` : ''),
        data: { target, replacement: resolution.replacement },
      });
      break;
    case 'ambiguous':
      diagnostics.push({
        start, end, severity: 'information', code: 'ambiguous-reference',
        message: `Ambiguous reference: ${resolution.reason ?? ''} Name the document, e.g. "${reference.text} of Appendix AK".`,
      });
      break;
    case 'unverified':
      if (resolution.notInCatalogue) {
        diagnostics.push({
          start, end, severity: 'warning', code: 'not-in-catalogue',
          message: `Not in the catalogue: ${resolution.reason ?? ''} If the current Code has it, load the current Contents with "catalogue" in sec.config.json.`,
          data: { target, nearestExisting: resolution.nearestExisting },
        });
        break;
      }
      diagnostics.push({
        start, end, severity: 'hint', code: 'unverified-reference',
        message: `Unverified reference: ${resolution.reason ?? ''}`.trim(),
        data: { target },
      });
      break;
    default:
      break;
  }
  if (reference.title && target && resolution.status !== 'broken' && TITLED_LEVELS.has(levelOf(target))) {
    const titles = titlesOf(target);
    const verdict = checkCitedTitle(reference.title, titles);
    if (verdict.kind === 'mismatch') {
      diagnostics.push({
        start: verdict.start - reference.start, end: verdict.end - reference.start, severity: 'warning', code: 'title-mismatch',
        message: `Title mismatch: "${verdict.cited}" is not the title of ${target}, which is "${titles[0]}".`,
        data: { target, title: titles[0], cited: verdict.cited },
      });
    }
  }
  return diagnostics.length > 0 ? diagnostics : NONE;
}

function rangeTooWide(reference: Reference, range: UnexpandedRange): CoreDiagnostic {
  const ends = `${reference.target} to ${reference.rangePartner}`;
  const why = range.overBudget
    ? `this file's ranges already cite as many members as a file of its size may (${rangeMemberBudget(0)}, and one more per 64 characters)`
    : `it has ${range.members} members, more than the ${MAX_RANGE_MEMBERS} a range may cite one by one`;
  return {
    start: 0, end: range.span, severity: 'information', code: 'range-too-wide',
    message: `Range not expanded: ${why}, so only its ends are cited (${ends}); find-references and rename do not see the members between. Cite the Part, or split the range.`,
    data: { members: range.members },
  };
}

/** Applies configured severities: a setting replaces the default; 'off' removes the diagnostic. */
export function applySeverities(
  diagnostics: readonly CoreDiagnostic[],
  overrides: Partial<Record<DiagnosticCode, SeveritySetting>>,
): CoreDiagnostic[] {
  const result: CoreDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const setting = overrides[diagnostic.code] ?? DEFAULT_SEVERITIES[diagnostic.code];
    if (setting === 'off') continue;
    result.push(setting === diagnostic.severity || diagnostic.fixedSeverity ? diagnostic : { ...diagnostic, severity: setting });
  }
  return result;
}
