// secls: the SEC reference checker on the command line, sharing the language server's engine.
import { setFlagsFromString } from 'node:v8';
import { embeddedCatalogue } from '../core/embeddedCatalogue';
import { catalogueIn, runCatalogue } from './catalogueCommand';
import { runApply, runRedline } from './changeCommands';
import { parseCheckArguments } from './checkArguments';
import { runCheck } from './checkCommand';
import { runConflicts } from './conflictsCommand';
import { runTerms } from './termsCommand';
import { runConsolidate } from './consolidateCommand';
import { reported } from './reported';
import { isWordCommand, WORD_USAGE } from './wordUsage';
import { stdoutSink } from './output';

const USAGE = `Usage: secls check [--format text|json|sarif|github] [--no-catalogue] [PATH...]
       secls apply FILE                 print FILE with its tracked changes accepted
       secls redline FILE [-o OUT.html] write FILE's tracked changes as an HTML redline
       secls catalogue build CONTENTS... [-o catalogue.json]
                                        read a Contents page copied from the current SEC
                                        (or a folder of them) into a catalogue for sec.config.json
       secls catalogue show TARGET      what the catalogue in use here knows of a target
       secls conflicts [PATH...]        list every pair of drafts' changes to the same unit
       secls terms [PATH...] [--json]   list the defined terms: where each is defined, where
                                        it applies, how many times it is used
       secls consolidate BASELINE_DIR DRAFT... -o OUT_DIR [--version 6.20] [--date 2026-12-31] [--reason TEXT]
                                        apply the drafts, in order, to a copy of the baseline
${WORD_USAGE}

check: reports broken, deprecated and mismatched references in SEC drafting files (*.sec).
PATH defaults to the current folder (searched recursively for *.sec); a file named
explicitly is checked whatever its extension.

Options:
  --format FORMAT  text (default): path:line:col  severity  code  message, then a summary
                   json: one JSON document (0-based lines and characters, as in LSP)
                   sarif: SARIF 2.1.0, for code scanning (a rule per code, a result per problem)
                   github: GitHub Actions annotations (::error file=…,line=…::message)
  --json           the same as --format json
  --no-catalogue   resolve against the workspace text only, not the embedded SEC catalogue
  -h, --help       show this help
  -v, --version    show the version, and the SEC version of the catalogue in use here

Exit status: 0 no errors, 1 errors found, 2 usage error or a path that could not be read
(the other files are still checked).
conflicts: 0 no conflict, 1 conflicts found, 2 usage error. terms: 0, 2 usage error.
consolidate: 0 written, 1 written but references to removed units remain, 2 usage error,
3 refused: a draft does not apply or two drafts conflict (nothing written).
export/import: 0 written, 1 written with malformed changes, 2 refused (nothing written).`;

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'development';

// A check runs for about a second: most of its code is optimised while it runs, by the compiler
// on the second core. Inlining less makes that compiling a third cheaper and the optimised code
// arrive sooner, for code hardly slower: on the 20 MB benchmark, 250 ms less CPU and 90 ms less
// time (docs/performance.md). A long-running language server keeps V8's default.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');

/** The catalogue a check here would use, and its SEC version: `--version` answers "how current are your checks?". */
function catalogueVersion(): string {
  try {
    const { catalogue } = catalogueIn(process.cwd());
    return `catalogue: ${catalogue.describe()}`;
  } catch {
    return `catalogue: ${embeddedCatalogue().describe()}`;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const stdout = stdoutSink();
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${VERSION}\n${catalogueVersion()}\n`);
    return 0;
  }
  const commands: Record<string, (cwd: string, args: string[]) => { output: string; exitCode: number }> = {
    apply: runApply, redline: runRedline, catalogue: runCatalogue, conflicts: runConflicts, consolidate: runConsolidate, terms: runTerms,
  };
  if (Object.hasOwn(commands, command)) {
    if ((command === 'conflicts' || command === 'consolidate' || command === 'terms') && (rest.includes('-h') || rest.includes('--help'))) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    return reported(() => commands[command](process.cwd(), rest), stdout);
  }
  if (command !== 'check') {
    process.stderr.write(`secls: unknown command "${command}"\n\n${USAGE}\n`);
    return 2;
  }
  const parsed = parseCheckArguments(rest, VERSION);
  if ('help' in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`secls: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  return runCheck(parsed.options, stdout);
}

const argv = process.argv.slice(2);
// Required on demand: loading the Word libraries would slow every other command's start.
const run = isWordCommand(argv[0]) ? (require('./wordCommands') as typeof import('./wordCommands')).runWordCommand : main;
void run(argv).then((exitCode) => {
  process.exitCode = exitCode;
});
