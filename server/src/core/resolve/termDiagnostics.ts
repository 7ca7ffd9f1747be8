// A file's defined-term diagnostics, high precision first (README, "Diagnostic codes"):
//   duplicate-definition  a term defined twice in the same scope;
//   term-case-mismatch    a term of two words or more written with other capitals;
//   near-miss-term        a capitalised expression one letter or inflection from a term of as many words;
//   unused-definition     a term used nowhere: local terms always, the Code's own only when the
//                         workspace holds the whole Code (every Section the catalogue lists).
// No state and no IO: what the workspace knows comes in `TermCheckSources`.

import type { CoreDiagnostic, DefinedTerm } from '../model/types';
import type { Glossary } from './glossary';
import type { CaseMismatch, NearMiss } from './termMatcher';

export interface TermCheckSources {
  glossary: Glossary;
  /** Is the term used anywhere in the workspace? */
  isUsed: (term: string) => boolean;
  /** Does the workspace hold every Section of the Code? */
  wholeCode: boolean;
  /** "section-a-definitions.sec line 12". */
  where: (uri: string, offset: number) => string;
}

export interface FileTermFindings {
  uri: string;
  definitions: readonly DefinedTerm[];
  caseMismatches: readonly CaseMismatch[];
  nearMisses: readonly NearMiss[];
}

export function termDiagnostics(file: FileTermFindings, sources: TermCheckSources): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  for (const mismatch of file.caseMismatches) diagnostics.push(caseMismatch(mismatch, sources));
  for (const miss of file.nearMisses) diagnostics.push(nearMiss(miss));
  for (const definition of file.definitions) diagnostics.push(...definitionProblems(file.uri, definition, sources));
  return diagnostics;
}

function caseMismatch({ start, end, term }: CaseMismatch, sources: TermCheckSources): CoreDiagnostic {
  const entry = sources.glossary.defined(term);
  const at = entry?.definitions[0];
  const where = at ? ` (defined in ${sources.where(at.uri, at.definition.start)})` : '';
  return {
    start, end, severity: 'warning', code: 'term-case-mismatch',
    message: `"${term}" is a defined term${where}: write it with its capitals, or reword if the ordinary meaning is meant.`,
    data: { term },
  };
}

function nearMiss({ start, end, terms }: NearMiss): CoreDiagnostic {
  const quoted = terms.map((term) => `"${term}"`).join(' or ');
  return {
    start, end, severity: 'information', code: 'near-miss-term',
    message: `This is not a defined term. Did you mean ${quoted}?`,
    data: { suggestions: terms },
  };
}

function definitionProblems(uri: string, definition: DefinedTerm, sources: TermCheckSources): CoreDiagnostic[] {
  const entry = sources.glossary.byDefinition.get(definition);
  const counted = entry?.definitions.find((source) => source.definition === definition);
  if (!entry || !counted) return [];
  const problems: CoreDiagnostic[] = [];
  const other = sources.glossary.duplicateOf(entry, counted);
  if (other) {
    const scope = definition.scope ? `in ${definition.scope.id}` : 'for the whole Code';
    problems.push({
      start: definition.start, end: definition.end, severity: 'warning', code: 'duplicate-definition',
      message: `"${definition.term}" is defined ${scope} here and in ${sources.where(other.uri, other.definition.start)}: keep one definition.`,
      data: { otherUri: other.uri, otherStart: other.definition.start },
    });
  }
  if ((definition.scope !== undefined || sources.wholeCode) && !counted.draft && !sources.isUsed(entry.term)) {
    const where = definition.scope ? `in ${definition.scope.id}` : 'in the workspace';
    problems.push({ start: definition.start, end: definition.end, severity: 'hint', code: 'unused-definition', message: `"${entry.term}" is defined but not used ${where}.` });
  }
  return problems;
}
