// The Word converters as one module: the entry of a bundle of their own, dist/word.js (see
// scripts/build.mjs). Their libraries (docx, fflate, fast-xml-parser) are three quarters of a
// bundle's code, so secls and the language server load them only when Word is asked for
// (wordEngines in load.ts), and the packaged extension carries them once.
export { secToDocx } from './exportDocx';
export { docxToSec } from './importDocx';
export { WordFormatError } from './wordModel';
