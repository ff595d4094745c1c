/**
 * Markup without the whitespace of the source, for the kit's Lit `html` and `svg` literals in the build
 * (template-literals.ts): each line break with the spaces and tabs around it becomes one space. To the page
 * that is the same markup: between attributes a space is a space, and in text a line break and its
 * indentation are one collapsible space, as one space is. No kit template writes line breaks into text
 * shown with `white-space: pre*` (a review's body, the one `pre-line` text, is a binding alone in its
 * element). Spaces without a line break (" · ") are the template's words, and stay.
 */
export function collapseLineBreaks(text: string): string {
  return text.replace(/[ \t]*\r?\n\s*/g, ' ');
}
