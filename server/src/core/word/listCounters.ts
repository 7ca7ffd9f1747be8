// Word's list counters, advanced paragraph by paragraph as Word does when it draws the numbers:
// instances (numIds) of one abstract list share its counters, so a later instance continues an
// earlier one, except that an instance overriding a level's start restarts that level where
// the instance is first used at it; a level restarts after a use of a higher level, unless
// lvlRestart says otherwise.
import { formatNumber, isSupportedFormat } from './numberFormats';
import { abstractIdOf, LevelDefinition, levelOf, ListPosition, NumberingDefinitions, StyleTable } from './numberingDefinitions';

const LEVELS = 9;

export interface ListLabel {
  label: string;
  /** What separates the label from the text (a space, or nothing). */
  suffix: string;
}

export class ListCounters {
  private readonly counts = new Map<string, Array<number | undefined>>();
  private readonly levelsSeen = new Set<string>();
  private readonly formatsReported = new Set<string>();

  constructor(
    private readonly definitions: NumberingDefinitions,
    private readonly styles: StyleTable,
    private readonly report: (message: string) => void,
  ) {}

  /** Counts one more paragraph at a list position and gives its label as Word shows it. */
  next(position: ListPosition): ListLabel | undefined {
    const definition = this.level(position.numId, position.level);
    if (definition === undefined) return undefined;
    const counts = this.countsOf(position);
    counts[position.level] = (counts[position.level] ?? definition.start - 1) + 1;
    for (let deeper = position.level + 1; deeper < LEVELS; deeper++) {
      const restartAfter = this.level(position.numId, deeper)?.restartAfter;
      if (restartAfter === undefined || position.level < restartAfter) counts[deeper] = undefined;
    }
    if (definition.format === 'bullet') return { label: '•', suffix: definition.suffix };
    return { label: this.render(position, definition, counts), suffix: definition.suffix };
  }

  private level(numId: string, level: number): LevelDefinition | undefined {
    return levelOf(this.definitions, this.styles, numId, level);
  }

  private countsOf({ numId, level }: ListPosition): Array<number | undefined> {
    const key = abstractIdOf(this.definitions, this.styles, numId) ?? `instance ${numId}`;
    let counts = this.counts.get(key);
    if (counts === undefined) {
      counts = [];
      this.counts.set(key, counts);
    }
    const firstUse = `${numId} ${level}`;
    if (!this.levelsSeen.has(firstUse)) {
      this.levelsSeen.add(firstUse);
      if (this.definitions.instances.get(numId)?.startOverrides.has(level)) counts[level] = undefined;
    }
    return counts;
  }

  private render(position: ListPosition, definition: LevelDefinition, counts: Array<number | undefined>): string {
    return definition.text.replace(/%([1-9])/g, (_, digit: string) => {
      const index = Number(digit) - 1;
      const shown = this.level(position.numId, index);
      // A level not used yet shows its start, as Word does.
      const value = counts[index] ?? shown?.start ?? 1;
      const format = definition.legal && index < position.level ? 'decimal' : shown?.format ?? 'decimal';
      if (!isSupportedFormat(format) && !this.formatsReported.has(format)) {
        this.formatsReported.add(format);
        this.report(`list numbers in Word's "${format}" format are written as decimal numbers`);
      }
      return formatNumber(format, value);
    });
  }
}
