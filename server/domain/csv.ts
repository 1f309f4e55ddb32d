import { AppError } from './errors';

// RFC 4180 reading and writing, small enough to read in one go: quoted fields,
// doubled quotes, CRLF or LF line ends, and the byte-order mark spreadsheets add.

/**
 * Cells a spreadsheet would run as a formula (=, +, -, @, and tab or CR, which
 * some programs strip before looking). A leading apostrophe makes them text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

// Apostrophes already in front of a formula character count too, so that text
// which itself starts with "'=" survives an export and import unchanged.
const looksLikeFormula = (cell: string) => FORMULA_START.test(cell.replace(/^'+/, ''));

export function neutraliseFormula(cell: string): string {
  return looksLikeFormula(cell) ? `'${cell}` : cell;
}

/** Undoes neutraliseFormula on import, so exported values come back unchanged. */
export function restoreFormulaText(cell: string): string {
  return cell.startsWith("'") && looksLikeFormula(cell) ? cell.slice(1) : cell;
}

const quoted = (cell: string) => `"${cell.replaceAll('"', '""')}"`;

/**
 * A formula-like cell is neutralised and always quoted: a spreadsheet that
 * splits on another separator (a semicolon locale, a tab) or trims leading
 * whitespace would otherwise see the bare cell and could still run it.
 */
function writeCell(cell: string): string {
  if (looksLikeFormula(cell)) return quoted(`'${cell}`);
  return /[",;\t\r\n]/.test(cell) ? quoted(cell) : cell;
}

/** One CSV document, CRLF line ends as RFC 4180 asks, every cell formula-safe. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(writeCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Reads records. Stops with INVALID_INPUT after `maxRecords`, so a huge file
 * costs no more than the limit; an unclosed quote is reported with its row.
 */
export function parseCsv(text: string, { maxRecords = Number.POSITIVE_INFINITY }: { maxRecords?: number } = {}): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const endRecord = () => {
    records.push(record);
    record = [];
    if (records.length > maxRecords) throw new AppError('CSV_TOO_MANY_ROWS', { max: maxRecords - 1 }, `csv over ${maxRecords} records`);
  };

  while (i < input.length) {
    let cell = '';
    if (input[i] === '"') {
      const startRow = records.length + 1;
      i++;
      for (;;) {
        if (i >= input.length) throw new AppError('CSV_UNCLOSED_QUOTE', { row: startRow }, 'unclosed quote');
        const ch = input[i]!;
        if (ch === '"') {
          if (input[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += ch;
        i++;
      }
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new AppError('CSV_TEXT_AFTER_QUOTE', { row: startRow }, 'text after closing quote');
      }
    } else {
      while (i < input.length && input[i] !== ',' && input[i] !== '\r' && input[i] !== '\n') cell += input[i++];
    }
    record.push(cell);
    const separator = input[i];
    if (separator === ',') {
      i++;
      // A comma at the very end still opens one more, empty, cell.
      if (i === input.length) record.push('');
      continue;
    }
    if (separator === '\r') i += input[i + 1] === '\n' ? 2 : 1;
    else if (separator === '\n') i++;
    endRecord();
  }
  if (record.length) endRecord();
  return records;
}
