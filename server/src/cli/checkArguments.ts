// The arguments of `secls check`: options, then paths.
import type { CheckOptions } from './checkCommand';
import { FORMATS, FormatName } from './reportFormats';

export type CheckArguments = { options: CheckOptions } | { help: true } | { error: string };

export function parseCheckArguments(args: readonly string[], version: string): CheckArguments {
  const options: CheckOptions = {
    format: 'text', version, catalogue: true, paths: [], cwd: process.cwd(), stderr: (line) => void process.stderr.write(`${line}\n`),
  };
  for (let i = 0; i < args.length; i++) {
    const argument = args[i];
    if (argument === '--json') options.format = 'json';
    else if (argument === '--format' || argument.startsWith('--format=')) {
      const value = argument === '--format' ? args[++i] : argument.slice('--format='.length);
      if (!FORMATS.includes(value as FormatName)) return { error: `--format needs one of ${FORMATS.join(', ')}${value ? `, not "${value}"` : ''}` };
      options.format = value as FormatName;
    } else if (argument === '--no-catalogue') options.catalogue = false;
    else if (argument === '-h' || argument === '--help') return { help: true };
    else if (argument.startsWith('-') && argument !== '-') return { error: `unknown option "${argument}"` };
    else options.paths.push(argument);
  }
  return { options };
}
