/** Types for partials.mjs (plain JavaScript, so Node runs it without TypeScript). */
export function expandPartials(html: string, dir: string): string;
