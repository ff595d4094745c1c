/**
 * Streams a CSV file through Papa Parse a chunk at a time (inside the report's worker, so Papa's own
 * worker is off), numbering rows as a spreadsheet does and turning what Papa reports into problems that
 * name the row. The file is decoded once, as a stream (UTF-8, or UTF-16 when its byte order mark says so),
 * and Papa is given the text. A quote left open swallows the following lines into one field (to the next quote, or to
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

/** About how much of the file Papa parses at a time (the file's stream gives far smaller pieces). */
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

/** The file's encoding from its first bytes: a byte order mark, else UTF-8. */
function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

type StreamEvent = 'data' | 'end' | 'error';
type Listener = (value?: unknown) => void;

/**
 * The file's text, decoded once as a stream, for Papa Parse. Papa's own browser file reader decodes each
 * byte slice alone, so a multi-byte letter split by a slice boundary becomes two U+FFFD, and a UTF-16
 * file's later slices (without their byte order mark) are read as UTF-8. Papa takes this through its
 * Node stream path (it checks `readable`, `read` and `on`): it listens to 'data', 'end' and 'error' and
 * removes those listeners when done; it never calls `read`, nor `pause` or `resume` here (nothing pauses
 * the parser). Its abort does not tell the stream: call `stop`.
 */
class DecodedText {
  readonly readable = true;
  /** Bytes of the file read so far (up to the piece last handed to Papa, while Papa parses it). */
  bytesRead = 0;
  private readonly listeners = new Map<StreamEvent, Set<Listener>>();
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private stopped = false;

  constructor(private readonly file: Blob) {}

  read(): null {
    return null;
  }

  on(event: StreamEvent, listener: Listener): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }

  removeListener(event: StreamEvent, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  private emit(event: StreamEvent, value?: unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(value);
  }

  /** Reads the file to its end (or until stopped), handing Papa pieces of about CHUNK_BYTES of it. */
  async start(): Promise<void> {
    try {
      const head = new Uint8Array(await this.file.slice(0, 3).arrayBuffer());
      if (this.stopped) return;
      const decoder = new TextDecoder(encodingOf(head)); // drops the byte order mark itself
      const reader = (this.reader = this.file.stream().getReader());
      let pieces: string[] = [];
      let pending = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (this.stopped) return;
        const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
        if (text) pieces.push(text);
        if (value) {
          this.bytesRead += value.byteLength;
          pending += value.byteLength;
        }
        if ((pending >= CHUNK_BYTES || done) && pieces.length) {
          const chunk = pieces.join('');
          pieces = [];
          pending = 0;
          this.emit('data', chunk); // Papa parses it before this returns
          if (this.stopped) return;
        }
        if (done) {
          this.emit('end');
          return;
        }
      }
    } catch (error) {
      if (!this.stopped) this.emit('error', error);
    }
  }

  /** Stops reading: the rest of the file is not read. */
  stop(): void {
    this.stopped = true;
    this.reader?.cancel().catch(() => undefined);
  }
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
    const text = new DecodedText(file);
    Papa.parse<string[]>(text as unknown as Papa.LocalFile, {
      worker: false,
      skipEmptyLines: false,
      chunk(results, parser) {
        try {
          rowNumber = take(results.data, results.errors, results.meta.delimiter, rowNumber);
          sink.progress(Math.min(0.99, text.bytesRead / file.size));
          if (stopped) parser.abort();
        } catch (error) {
          stopped = true;
          parser.abort();
          reject(error);
        }
      },
      // Also called by `parser.abort()`.
      complete() {
        text.stop();
        if (!header && !stopped) problems.add({ kind: 'empty-file', file: which });
        sink.progress(1);
        resolve();
      },
      error(error) {
        text.stop();
        reject(error);
      },
    });
    void text.start();
  });
}
