/** Types for docs-page.mjs (plain JavaScript, so Node runs it without TypeScript). */
export const DOCS_CSP: string;
export function renderDoc(source: string, file?: string): { title: string; body: string };
export function docsPageHtml(title: string, body: string, root?: string): string;
export function docsResponse(
  path: string,
  dir: string,
): Promise<{ status: number; headers: Record<string, string>; body: string | Buffer }>;
