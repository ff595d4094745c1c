/**
 * Sorts the files the owner gave into the orders export, WooCommerce's customers export and the kit's
 * events, by their first bytes (4 KB, read asynchronously: nothing here blocks the page). The order of the
 * files does not matter.
 */
import { isWooCustomers } from './formats.js';

export interface SortedFiles {
  orders?: File;
  customers?: File;
  events?: File;
  /** Files that were a second orders export (only the first is read). */
  extra: File[];
}

/** The header names of a CSV's first line (rough: enough to recognize a customers export). */
function firstLineNames(text: string): string[] {
  const line = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].sort((a, b) => line.split(b).length - line.split(a).length)[0];
  return line.split(delimiter).map((name) => name.trim().replace(/^"|"$/g, ''));
}

export async function sortFiles(files: readonly File[]): Promise<SortedFiles> {
  const sorted: SortedFiles = { extra: [] };
  for (const file of files) {
    const head = await file.slice(0, 4096).text();
    let kind: 'orders' | 'customers' | 'events';
    if (/\.(jsonl|ndjson|json)$/i.test(file.name) || /^\s*[{[]/.test(head)) kind = 'events';
    else if (isWooCustomers(firstLineNames(head))) kind = 'customers';
    else kind = 'orders';
    if (sorted[kind]) sorted.extra.push(file);
    else sorted[kind] = file;
  }
  return sorted;
}
