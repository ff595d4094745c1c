/**
 * CSS without what CSS does not read, for the kit's Lit `css` literals in the build (css-literals.ts):
 * comments, runs of whitespace (one space kept, which a descendant selector or a value list needs), and
 * the spaces beside `{`, `}`, `;` and `,`. Quoted strings (`content: '✓ '`) are kept as they are; a text
 * with a quote that does not close in it (a string across a `${…}`) is returned whole.
 */
/** `text` minified; strings untouched. */
export function minifyCss(text: string): string {
  const pieces = text.split(/('[^'\n]*'|"[^"\n]*")/);
  // A quote outside the strings found opens here and closes elsewhere: nothing is safe to touch.
  if (pieces.some((piece, i) => i % 2 === 0 && /['"]/.test(piece))) return text;
  return pieces
    .map((piece, i) =>
      i % 2
        ? piece
        : piece
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1'),
    )
    .join('');
}
