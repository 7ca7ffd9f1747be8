// One line per diagnostic code, for reports read outside the editor (a SARIF rule's short
// description, a CI annotation's title). The full explanations are the READMEs' tables.

import type { DiagnosticCode } from '../model/types';

export const CODE_SUMMARIES: Record<DiagnosticCode, string> = {
  'broken-reference': 'The cited unit does not exist in text the workspace has.',
  'not-in-catalogue': 'The cited unit is not in the SEC catalogue, and its Section\'s or document\'s text is not in the workspace.',
  'deprecated-reference': 'The cited unit is not used, deleted or deprecated: cite its replacement.',
  'title-mismatch': 'The title written with the reference is not the target\'s title.',
  'ambiguous-reference': 'A clause number with no document: say which document.',
  'unverified-reference': 'The target\'s text is not in the workspace, so it cannot be checked.',
  'duplicate-number': 'The same number is defined twice in one file.',
  'numbering-order': 'A gap in the numbering, or a number going backwards.',
  'invalid-config': 'sec.config.json, or a catalogue it names, is not valid: the defaults apply to what is wrong.',
  'malformed-change': 'Tracked-change markup that is unclosed, nested, or a substitution without "~>".',
  'reference-to-deleted': 'The cited unit is deleted by tracked changes in an amendment.',
  'instruction-text-not-found': 'An amendment instruction quotes words that do not occur in its target.',
  'file-too-large': 'A file above 32 MB is not checked.',
  'range-too-wide': 'A range too wide to expand is checked by its two ends only.',
  'amendment-base-mismatch': 'A draft\'s text of a unit is not the unit\'s text in the workspace: the Code has moved on since it was drafted.',
  'amendment-conflict': 'Two drafts change the same unit in ways that cannot both be applied.',
  'duplicate-definition': 'A term is defined twice where the same definitions apply.',
  'term-case-mismatch': 'A defined term written with other capitals.',
  'near-miss-term': 'A capitalised expression one letter or one inflection away from a defined term.',
  'unused-definition': 'A term defined and used nowhere in the workspace.',
};
