// Editor settings (`sec.*`) merged with the workspace's sec.config.json.
import type { SecConfig, SeveritySetting } from '../core/config/config';
import { DIAGNOSTIC_CODES } from '../core/config/config';
import type { DiagnosticCode } from '../core/model/types';

export interface EditorSettings {
  catalogueEnabled: boolean;
  severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
  exclude: string[];
  codeLensEnabled: boolean;
}

export const DEFAULT_SETTINGS: EditorSettings = { catalogueEnabled: true, severities: {}, exclude: [], codeLensEnabled: true };

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Reads the `sec` settings section; anything malformed falls back to the default. */
export function readSettings(raw: unknown): EditorSettings {
  const section = (raw ?? {}) as Record<string, unknown>;
  const catalogue = section.catalogue as Record<string, unknown> | undefined;
  const codeLens = section.codeLens as Record<string, unknown> | undefined;
  const diagnostics = section.diagnostics as Record<string, unknown> | undefined;
  const severities: Partial<Record<DiagnosticCode, SeveritySetting>> = {};
  const severity = diagnostics?.severity;
  if (severity && typeof severity === 'object') {
    for (const [code, value] of Object.entries(severity as Record<string, unknown>)) {
      if (DIAGNOSTIC_CODES.includes(code as DiagnosticCode) && typeof value === 'string' && SEVERITIES.has(value)) {
        severities[code as DiagnosticCode] = value as SeveritySetting;
      }
    }
  }
  const exclude = Array.isArray(section.exclude) ? section.exclude.filter((item): item is string => typeof item === 'string') : [];
  return {
    catalogueEnabled: typeof catalogue?.enabled === 'boolean' ? catalogue.enabled : true,
    severities,
    exclude,
    codeLensEnabled: typeof codeLens?.enabled === 'boolean' ? codeLens.enabled : true,
  };
}

/** The configuration the index runs with: the file's settings, with the editor's on top. */
export function effectiveConfig(file: SecConfig, settings: EditorSettings): SecConfig {
  return {
    ...file,
    catalogue: file.catalogue && settings.catalogueEnabled,
    severities: { ...file.severities, ...settings.severities },
    exclude: [...file.exclude, ...settings.exclude],
  };
}
