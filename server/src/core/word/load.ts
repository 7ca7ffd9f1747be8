// The Word converters, loaded when first asked for. In the bundles this require is rewritten to
// the bundle of their own, ./word.js beside the bundle (scripts/build.mjs); unbundled (the
// compiled tests) it is the module itself.
export type WordEngines = typeof import('./engines');

let loaded: WordEngines | undefined;

export function wordEngines(): WordEngines {
  loaded ??= require('./engines') as WordEngines;
  return loaded;
}
