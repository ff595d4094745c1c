/**
 * A segment's customers as CSV, built in the worker's memory from the owner's own file: the report keeps
 * only hashed keys, so the emails come from the file just read and nowhere else. Cells a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@` first) are escaped.
 */
import Papa from 'papaparse';
import type { RfmCustomer } from './metrics/types.js';

export const SEGMENT_CSV_COLUMNS = [
  'customer',
  'orders',
  'revenue',
  'days_since_last_order',
  'recency_score',
  'frequency_score',
  'monetary_score',
];

export function segmentCsv(members: readonly RfmCustomer[], contacts: ReadonlyMap<string, string>): string {
  const rows = members.map((member) => [
    contacts.get(member.customer) ?? member.customer,
    member.orders,
    Math.round(member.revenue * 100) / 100,
    member.recencyDays,
    member.r,
    member.f,
    member.m,
  ]);
  return Papa.unparse({ fields: SEGMENT_CSV_COLUMNS, data: rows }, { escapeFormulae: true, newline: '\r\n' });
}
