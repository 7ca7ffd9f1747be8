// Test fixtures: inline workspaces and small helpers over the pure core (no IO).
import { Catalogue } from '../../server/src/core/catalogue/catalogue';
import { defaultConfig, SecConfig } from '../../server/src/core/config/config';
import { embeddedCatalogue } from '../../server/src/core/embeddedCatalogue';
import { EditorIndex } from '../../server/src/core/index/editorIndex';
import type { CoreDiagnostic, ParsedDocument } from '../../server/src/core/model/types';
import { DocumentNames } from '../../server/src/core/parse/documentNames';
import { parseDocument } from '../../server/src/core/parse/parseDocument';

export const catalogue: Catalogue = embeddedCatalogue();
export const names = new DocumentNames(catalogue.names(), catalogue.sectionLetters());

export function parse(text: string): ParsedDocument {
  return parseDocument(text, { names });
}

/** Targets cited by a text, in order (null for external and ambiguous references). */
export function targets(text: string): Array<string | null> {
  return parse(text).references.map((reference) => reference.target);
}

export function workspace(files: Record<string, string>, config: Partial<SecConfig> = {}, withCatalogue = true): EditorIndex {
  const index = new EditorIndex({ catalogue: withCatalogue ? catalogue : null, config: { ...defaultConfig(), ...config } });
  for (const [uri, text] of Object.entries(files)) index.updateFile(uri, text);
  return index;
}

/** `target → status` for every reference of one file of a workspace. */
export function statuses(index: EditorIndex, uri: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { reference, resolution } of index.resolve(uri).references) {
    result[reference.target ?? reference.text] = resolution.status;
  }
  return result;
}

export function codes(diagnostics: readonly CoreDiagnostic[]): string[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

/** Diagnostics of a one-file workspace. */
export function diagnose(text: string, config: Partial<SecConfig> = {}): CoreDiagnostic[] {
  return workspace({ 'file:///a.sec': text }, config).resolve('file:///a.sec').diagnostics;
}

export function slice(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}

/** What an editor index shows of every file, to compare with a fresh index's. */
export function snapshot(index: EditorIndex): unknown {
  return index.uris().sort().map((uri) => {
    const result = index.resolve(uri);
    return {
      uri,
      references: result.references.map((r) => [r.reference.start, r.reference.target, r.resolution.status, r.resolution.definition?.uri]),
      diagnostics: result.diagnostics.map((d) => [d.start, d.end, d.code, d.message]),
      termUses: result.termUses.map((use) => [use.start, use.end, use.term]),
    };
  });
}

/** A Section A definitions file: its heading, Part A1 and clause A1.1's lead-in, then one table row (or other line) each. */
export function definitionsFile(rows: readonly string[]): string {
  return [
    'Section A: Definitions and Interpretation', '', 'A1 Definitions', '',
    'A1.1 In this Code, the expressions below have the meanings given to them:', '', ...rows, '',
  ].join('\n');
}
