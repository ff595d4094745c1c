/**
 * A Vite plugin for the build: the kit's Lit template literals shipped without the whitespace of the
 * source. The minifier leaves template literals as written, so each widget's looks and markup came with
 * their indentation and line breaks, in every first load. Only the literal parts change; the `${…}`
 * between them are kept as they are: `css` minified (minify-css.ts), `html` and `svg` with each line
 * break and its indentation made one space (minify-html.ts).
 */
import { RolldownMagicString } from 'rolldown';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { minifyCss } from './minify-css.ts';
import { collapseLineBreaks } from './minify-html.ts';

const MINIFY: Record<string, (text: string) => string> = { css: minifyCss, html: collapseLineBreaks, svg: collapseLineBreaks };

/**
 * Each literal part of the templates tagged `css`, `html` or `svg`, with its tag: where its text sits in
 * `source`, between the backtick or `}` and the backtick or `${`.
 */
function literalParts(file: ts.SourceFile): [tag: string, start: number, end: number][] {
  const parts: [string, number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text in MINIFY) {
      const { template } = node;
      const literals = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const literal of literals) {
        const closesWithPlaceholder = ts.isTemplateHead(literal) || ts.isTemplateMiddle(literal);
        parts.push([node.tag.text, literal.getStart(file) + 1, literal.end - (closesWithPlaceholder ? 2 : 1)]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return parts;
}

export function templateLiterals(): Plugin {
  return {
    name: 'retainkit:template-literals',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\b(css|html|svg)`/.test(code)) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      const output = new RolldownMagicString(code);
      for (const [tag, start, end] of literalParts(file)) {
        const text = code.slice(start, end);
        const minified = MINIFY[tag](text);
        if (minified !== text) output.overwrite(start, end, minified);
      }
      if (!output.hasChanged()) return null;
      return { code: output.toString(), map: output.generateMap({ hires: true, source: id }).toString() };
    },
  };
}
