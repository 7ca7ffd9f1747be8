// What `secls` says about its Word commands, apart from the commands themselves: the Word
// libraries are loaded only when a Word command runs, so that `secls check` starts as fast as before.

export const WORD_USAGE = `       secls export FILE [-o OUT.docx] [--author NAME] [--date DATE]
                                        write FILE as a Word document with tracked changes
       secls import FILE.docx [-o OUT.sec] [--author NAME]
                                        read a Word document back into CriticMarkup (to OUT, else stdout)`;

export function isWordCommand(command: string | undefined): boolean {
  return command === 'export' || command === 'import';
}
