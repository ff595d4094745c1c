/**
 * A Vite plugin for the build: the kit's Lit `css` literals shipped without their indentation, line breaks
 * and comments (minify-css.ts says what is taken out). The minifier leaves template literals as written, so
 * each widget's looks came with the whitespace of the source, in every first load. Only the literal parts
 * change; the `${…}` between them are kept as they are.
 */
import { RolldownMagicString } from 'rolldown';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { minifyCss } from './minify-css.ts';

/** Where each literal part's text sits in `source`: between the backtick or `}` and the backtick or `${`. */
function cssParts(file: ts.SourceFile): [start: number, end: number][] {
  const parts: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css') {
      const { template } = node;
      const literals = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const literal of literals) {
        const closesWithPlaceholder = ts.isTemplateHead(literal) || ts.isTemplateMiddle(literal);
        parts.push([literal.getStart(file) + 1, literal.end - (closesWithPlaceholder ? 2 : 1)]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return parts;
}

export function cssLiterals(): Plugin {
  return {
    name: 'retainkit:css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      const output = new RolldownMagicString(code);
      for (const [start, end] of cssParts(file)) {
        const text = code.slice(start, end);
        const minified = minifyCss(text);
        if (minified !== text) output.overwrite(start, end, minified);
      }
      if (!output.hasChanged()) return null;
      return { code: output.toString(), map: output.generateMap({ hires: true, source: id }).toString() };
    },
  };
}
