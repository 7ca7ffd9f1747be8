// What the desktop suite (suite/) and the web worker suite (web/) both use: reading VS Code's
// answers, and the examples' deliberate problems. Plain CommonJS that requires nothing, so that
// it loads in a Node extension host and bundles for a web worker alike.
'use strict';

/** A diagnostic's code as a string: `code` is a string/number, or `{ value, target }` when it has a codeDescription. */
function diagnosticCode(diagnostic) {
  const code = diagnostic.code;
  if (code && typeof code === 'object') return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** The position of `character` characters into the first occurrence of `needle` in `document` (throws if absent). */
function positionOf(document, needle, character = 0) {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not found in ${document.uri.toString()}`);
  return document.positionAt(offset + character);
}

/** The plain text of a hover's contents (MarkdownString, MarkedString or string), joined. */
function hoverText(hovers) {
  return (hovers || [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** The examples' files the suites open, relative to the workspace folder. */
const EXAMPLES = {
  draft: 'amendments/secmp0099-draft.sec',
  secondDraft: 'amendments/mp101-draft.sec',
  sectionH: 'section-h-dcc-services.sec',
  sectionX: 'section-x-transition.sec',
  appendixAK: 'appendix-ak-svtad.sec',
};

/** The problems examples/README.md lists for the draft: [needle in the draft, code]. */
const EXPECTED_PROBLEMS = [
  ['Section X5.9', 'broken-reference'],
  ['Section H4.21', 'broken-reference'],
  ['Section H4.7', 'deprecated-reference'],
  ['Section X3.', 'deprecated-reference'], // "under Section X3." (not "Section X3" inside other text)
  ['DCC User Gateway', 'title-mismatch'],
  ['Section G12', 'not-in-catalogue'],
  // Needs the defined terms (issue 14): "Service request" for the term "Service Request" of
  // section-a-definitions.sec. (The draft's near miss "Planed Maintenance" is information, not listed.)
  ['Service request', 'term-case-mismatch'],
  // The second example draft, MP101, changes the same words of H4.10 (its H10.5 change applies cleanly: information).
  ['Amend Section H4.10 as follows:', 'amendment-conflict'],
];

module.exports = { diagnosticCode, positionOf, hoverText, EXAMPLES, EXPECTED_PROBLEMS };
