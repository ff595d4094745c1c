/**
 * Streams a CSV file through Papa Parse a chunk at a time (inside the report's worker, so Papa's own
 * worker is off), numbering rows as a spreadsheet does and turning what Papa reports into problems that
 * name the row. A quote left open swallows the rest of the file into one field: that row is dropped and
 * the text after it is read again, so the good rows after a broken one are kept.
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

/** Reads `file` into `sink`; resolves once done or stopped. */
export function readCsv(file: Blob, sink: CsvSink, problems: ProblemLog, which: Problem['file'] = 'orders'): Promise<void> {
  let header: string[] | undefined;
  /** Spreadsheet row number of the last record seen (the header is 1). */
  let rowNumber = 0;
  let stopped = false;
  /** Text after a quote left open, to read again once the file is done. */
  let rest: { text: string; after: number } | undefined;

  const take = (records: string[][], errors: Papa.ParseError[], firstRow: number): void => {
    const broken = new Map<number, Papa.ParseError>();
    for (const error of errors) {
      if (error.code === 'UndetectableDelimiter' || error.row === undefined) continue;
      if (!broken.has(error.row) || error.code === 'MissingQuotes') broken.set(error.row, error);
    }
    records.forEach((cells, i) => {
      if (stopped) return;
      const row = firstRow + i;
      rowNumber = row;
      if (!header) {
        if (isEmpty(cells)) return;
        header = cells.map((name) => name.replace(/^\ufeff/, '').trim());
        const firstRows = records.slice(i + 1, i + 6).filter((r) => !isEmpty(r));
        if (!sink.header(header, firstRows)) stopped = true;
        return;
      }
      const error = broken.get(i);
      if (error?.code === 'MissingQuotes') {
        problems.add({ kind: 'open-quote', file: which, row });
        const field = cells[cells.length - 1] ?? '';
        const newline = field.search(/\r?\n/);
        if (newline >= 0) rest = { text: field.slice(newline).replace(/^\r?\n/, ''), after: row };
        return;
      }
      if (error) {
        problems.add({ kind: 'bad-quote', file: which, row });
        return;
      }
      if (isEmpty(cells)) return;
      if (cells.length !== header.length) {
        problems.add({ kind: 'field-count', file: which, row, value: String(cells.length), expected: String(header.length) });
        return;
      }
      sink.row(cells, row);
    });
  };

  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(file as File, {
      worker: false,
      skipEmptyLines: false,
      chunkSize: CHUNK_BYTES,
      chunk(results, parser) {
        try {
          take(results.data, results.errors, rowNumber + 1);
          sink.progress(Math.min(0.99, results.meta.cursor / Math.max(1, file.size)));
          if (stopped) parser.abort();
        } catch (error) {
          stopped = true;
          parser.abort();
          reject(error);
        }
      },
      complete() {
        try {
          // The rest after each quote left open, read again (it may hold another one).
          while (rest && !stopped) {
            const { text, after } = rest;
            rest = undefined;
            const again = Papa.parse<string[]>(text, { skipEmptyLines: false });
            take(again.data, again.errors, after + 1);
          }
          if (!header && !stopped) problems.add({ kind: 'empty-file', file: which });
          sink.progress(1);
          resolve();
        } catch (error) {
          reject(error);
        }
      },
      error(error) {
        reject(error);
      },
    });
  });
}
