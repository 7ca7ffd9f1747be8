// A list counter written the way Word shows it, for the number formats the Code's documents
// use: 1, a, A, i, I, 01. Letters go a … z, aa … zz, aaa, as Word's and the Code's labels do.
import { toRoman } from '../parse/paragraphLabels';

const SUPPORTED = new Set(['decimal', 'decimalZero', 'lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman', 'bullet', 'none']);

export function isSupportedFormat(format: string): boolean {
  return SUPPORTED.has(format);
}

function letters(value: number): string {
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

/** The counter in a format; formats outside the supported set are shown as decimal, as the caller reports. */
export function formatNumber(format: string, value: number): string {
  if (format === 'none') return '';
  if (format === 'bullet') return '•';
  // Word shows a counter that fell to zero or below (start 0) as a number in every format.
  if (value <= 0) return String(value);
  switch (format) {
    case 'lowerLetter':
      return letters(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerRoman':
      return toRoman(value);
    case 'upperRoman':
      return toRoman(value).toUpperCase();
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value);
    default:
      return String(value);
  }
}
