/**
 * Streams a CSV file through Papa Parse a chunk at a time (inside the report's worker, so Papa's own
 * worker is off), numbering rows as a spreadsheet does and turning what Papa reports into problems that
 * name the row. A quote left open swallows the following lines into one field (to the next quote, or to
 * the end of the file): that row is dropped and the lines it swallowed are read again, so the good rows
 * after a broken one are kept.
 */
import Papa from 'papaparse';
import type { Problem, ProblemLog } from './problems.js';

export interface CsvSink {
  /** The header row; return false to stop reading (the owner must map the columns first). */
  header(names: string[], firstRows: string[][]): boolean;
  /** A data row of the header's width; `row` is its spreadsheet row number (the header is row 1). */
  row(cells: string[], row: number): void;
  /** Share of the file read so far, 0 to 1. */
  progress(fraction: number): void;
}

const CHUNK_BYTES = 1 << 20;

const isEmpty = (cells: string[]) => cells.length === 1 && cells[0].trim() === '';

/**
 * The text that followed a quote left open, as it was in the file: Papa swallowed it into one field (to
 * the end of the file, or to the next quote, which it took as the closing one), and the fields after.
 */
function swallowed(cells: string[], error: Papa.ParseError, delimiter: string): string | undefined {
  const at = cells.findIndex((cell) => /[\r\n]/.test(cell));
  if (at < 0) return undefined;
  const field = cells[at];
  const after = field.slice(field.search(/\r?\n/)).replace(/^\r?\n/, '');
  const closed = error.code !== 'MissingQuotes';
  const rest = cells
    .slice(at + 1)
    .map((cell) => (/["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell));
  return [after + (closed ? '"' : ''), ...rest].join(delimiter);
}

/** Reads `file` into `sink`; resolves once done or stopped. */
export function readCsv(file: Blob, sink: CsvSink, problems: ProblemLog, which: Problem['file'] = 'orders'): Promise<void> {
  let header: string[] | undefined;
  /** Spreadsheet row number of the last record seen (the header is 1). */
  let rowNumber = 0;
  let stopped = false;

  /** Takes parsed records; returns the row number of the last one (a recovered quote adds rows). */
  const take = (records: string[][], errors: Papa.ParseError[], delimiter: string, before: number): number => {
    const broken = new Map<number, Papa.ParseError>();
    for (const error of errors) {
      if (error.type !== 'Quotes' || error.row === undefined) continue;
      if (!broken.has(error.row) || error.code === 'MissingQuotes') broken.set(error.row, error);
    }
    let row = before;
    records.forEach((cells, i) => {
      if (stopped) return;
      row++;
      if (!header) {
        if (isEmpty(cells)) return;
        header = cells.map((name) => name.replace(/^\ufeff/, '').trim());
        const firstRows = records.slice(i + 1, i + 6).filter((r) => !isEmpty(r));
        if (!sink.header(header, firstRows)) stopped = true;
        return;
      }
      const error = broken.get(i);
      if (error) {
        const rest = swallowed(cells, error, delimiter);
        problems.add({ kind: rest === undefined ? 'bad-quote' : 'open-quote', file: which, row });
        if (rest !== undefined) {
          const again = Papa.parse<string[]>(rest, { delimiter, skipEmptyLines: false });
          row = take(again.data, again.errors, delimiter, row);
        }
        return;
      }
      if (isEmpty(cells)) return;
      if (cells.length !== header.length) {
        problems.add({ kind: 'field-count', file: which, row, value: String(cells.length), expected: String(header.length) });
        return;
      }
      sink.row(cells, row);
    });
    return row;
  };

  if (file.size === 0) {
    problems.add({ kind: 'empty-file', file: which });
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(file as File, {
      worker: false,
      skipEmptyLines: false,
      chunkSize: CHUNK_BYTES,
      chunk(results, parser) {
        try {
          rowNumber = take(results.data, results.errors, results.meta.delimiter, rowNumber);
          sink.progress(Math.min(0.99, results.meta.cursor / Math.max(1, file.size)));
          if (stopped) parser.abort();
        } catch (error) {
          stopped = true;
          parser.abort();
          reject(error);
        }
      },
      complete() {
        if (!header && !stopped) problems.add({ kind: 'empty-file', file: which });
        sink.progress(1);
        resolve();
      },
      error(error) {
        reject(error);
      },
    });
  });
}
