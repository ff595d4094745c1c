/**
 * `JSON.parse` of a large review document without a long task. One `JSON.parse` of 10,000 inline reviews
 * (several megabytes) holds the page for well over 50 ms on a slow phone; here the elements of the
 * document's top-level array under `key` are parsed a group at a time, yielding to the browser between
 * slices, and the rest of the document (product, aggregate) is parsed whole.
 *
 * The result is always `JSON.parse(text)`'s, and so is the error: the scan only finds where the groups
 * are cut (skipping strings, counting brackets), and whatever it does not expect (a second array under
 * the same key, text that is not JSON) is handed to `JSON.parse` whole.
 */
import { Slice } from '../core/slice.js';

/** Characters of array text per `JSON.parse`: about a millisecond on a slow phone. */
const GROUP = 1 << 17;
/** Tokens scanned between looks at the clock. */
const TICK = 1023;

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;

/** True when the quote at `at` is escaped (an odd run of backslashes before it). */
function escaped(text: string, at: number): boolean {
  let k = at - 1;
  while (text.charCodeAt(k) === BACKSLASH) k--;
  return (at - 1 - k) % 2 === 1;
}

/** The first index at or after `at` that is not JSON whitespace. */
function skipSpace(text: string, at: number): number {
  let c = text.charCodeAt(at);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++at);
  return at;
}

/** Parses `text` like `JSON.parse`, the elements of the top-level `key` array in slices. */
export async function parseInSlices(text: string, key: string): Promise<unknown> {
  const start = skipSpace(text, 0);
  if (text.charCodeAt(start) !== OPEN_OBJECT) return JSON.parse(text);
  const quotedKey = JSON.stringify(key);
  const items: unknown[] = [];
  const slice = new Slice();
  let depth = 0;
  let ticks = 0;
  /** End of the last string at depth 1 that was `key` (perhaps a key, if a colon follows). */
  let keyEnd = -1;
  let arrayStart = -1;
  let arrayEnd = -1;
  let groupStart = -1;
  const flush = (to: number) => {
    for (const item of JSON.parse(`[${text.slice(groupStart, to)}]`) as unknown[]) items.push(item);
  };

  try {
    for (let i = start; i < text.length; i++) {
      if ((++ticks & TICK) === 0 && slice.due) await slice.pause();
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        let end = text.indexOf('"', i + 1);
        while (end !== -1 && escaped(text, end)) end = text.indexOf('"', end + 1);
        if (end === -1) break;
        if (depth === 1) keyEnd = text.startsWith(quotedKey, i) && end - i === quotedKey.length - 1 ? end : -1;
        i = end;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        depth++;
        if (depth === 2 && c === OPEN_ARRAY && keyEnd !== -1 && text.slice(keyEnd + 1, i).trim() === ':') {
          // A second array under the key: JSON.parse keeps the last one; leave it to JSON.parse.
          if (arrayStart !== -1) return JSON.parse(text);
          arrayStart = i;
          groupStart = i + 1;
        }
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--;
        if (groupStart === -1 || arrayEnd !== -1) continue;
        if (depth === 1) {
          flush(i);
          arrayEnd = i;
        } else if (depth === 2 && i - groupStart >= GROUP) {
          // An element of the array ends here: cut the group at the comma after it.
          const comma = skipSpace(text, i + 1);
          if (text.charCodeAt(comma) === COMMA) {
            flush(comma);
            groupStart = comma + 1;
            i = comma;
          }
        }
      }
    }
    if (depth !== 0 || arrayEnd === -1) return JSON.parse(text);
    const value = JSON.parse(`${text.slice(0, arrayStart)}[]${text.slice(arrayEnd + 1)}`) as Record<string, unknown>;
    value[key] = items;
    return value;
  } catch {
    // Not JSON after all: JSON.parse says where, in the words of the browser.
    return JSON.parse(text);
  }
}
