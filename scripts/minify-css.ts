/**
 * CSS without what CSS does not read, for the kit's Lit `css` literals in the build (template-literals.ts):
 * comments, runs of whitespace (one space kept, which a descendant selector or a value list needs), and
 * the spaces beside `{`, `}`, `;` and `,`. Quoted strings (`content: '✓ '`) are kept as they are, and a
 * comment may hold quotes (`/* a store's "10" *\/`); a text with a quote or a comment that does not close
 * in it (a string across a `${…}`) is returned whole.
 */
/** `text` minified; strings untouched. */
export function minifyCss(text: string): string {
  // The code between the strings, comments dropped (each as a space: it separates what is around it).
  const code = [''];
  const strings: string[] = [];
  text.split(/('[^'\n]*'|"[^"\n]*"|\/\*[\s\S]*?\*\/)/).forEach((piece, i) => {
    if (i % 2 === 0) code[code.length - 1] += piece;
    else if (piece.startsWith('/*')) code[code.length - 1] += ' ';
    else {
      strings.push(piece);
      code.push('');
    }
  });
  // A quote or a comment that opens here and closes elsewhere: nothing is safe to touch.
  if (code.some((run) => /['"]|\/\*/.test(run))) return text;
  return code.map((run, i) => run.replace(/\s+/g, ' ').replace(/ ?([{};,]) ?/g, '$1') + (strings[i] ?? '')).join('');
}
