// The Custom Elements Manifest (`npm run cem`, part of `npm run build`) and what editors and frameworks
// read from it, all generated here by well-kept tools:
//   - custom-elements.json, its module paths pointing at the shipped lib/*.js and each event typed with its
//     Event class (the kit's own plugin below);
//   - editor/vscode.html-custom-data.json, editor/vscode.css-custom-data.json (custom-element-vs-code-integration);
//   - editor/web-types.json for JetBrains IDEs (custom-element-jet-brains-integration);
//   - types/jsx.d.ts: JSX element types for React 19, Preact and Solid (@wc-toolkit/jsx-types), which
//     types/react.d.ts, types/preact.d.ts and types/solid.d.ts hand to each framework's JSX namespace.
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { jsxTypesPlugin } from '@wc-toolkit/jsx-types';

/** Where the package ships a source module: `src/x/y.ts` → `lib/x/y.js`. */
const shipped = (path) => path.replace(/^(\.?\/)?src\//, 'lib/').replace(/\.ts$/, '.js');

/** The fields every event detail carries (`RetainDetail` in src/core/events.ts), left out of each event's own list. */
const COMMON_DETAIL = 'RetainDetail';

/**
 * The kit's own step, after the analyzer and before the generators:
 *  - lists each event's own detail fields (`detail`: name, type, description, optional, personal), read from the
 *    event class (`class … extends RetainEvent<SomeDetail>` with `super('retain-…', detail, { personal })`)
 *    and its detail interface with those it extends, but not `RetainDetail`'s own (id, widget, instance,
 *    timestamp, counters): the docs' event tables (scripts/docs-api.mjs) print them;
 *  - takes an attribute's type and default from its `@attr {type} [name=default]` JSDoc when it gives them: the
 *    property's own type and initial value are the code's (`Value`, `null` for "not given, fall back"), not
 *    what a store writes in the attribute;
 *  - types each `@fires` event by the kit's own declaration of it on `GlobalEventHandlersEventMap` (the one
 *    place the kit types its events): `retain-spin-ended` is `GlobalEventHandlersEventMap['retain-spin-ended']`,
 *    that is `RetainSpinEndedEvent` with its typed `detail`, a type that resolves wherever the kit's types
 *    are loaded, without an import of its own;
 *  - points every module path at the shipped `lib/*.js` (the package ships no `src/`).
 */
export function retainkitPlugin() {
  const declared = new Set();
  /** Detail interfaces by name: their own fields and the interfaces they extend. */
  const interfaces = new Map();
  /** Type aliases that are unions of string literals (`'nps' | 'csat'`, or `(typeof LIST)[number]` of a const list), by name. */
  const literalUnions = new Map();
  /** `const LIST = ['a', 'b'] as const` lists, by name, for `(typeof LIST)[number]` aliases. */
  const constLists = new Map();
  /** A detail field's type with the kit's literal-union aliases written out, for a reader who has no source. */
  const expand = (type) =>
    type.replace(/\b[A-Z]\w*\b/g, (name) => {
      const found = literalUnions.get(name) ?? [];
      // Two unions of one name in different files: the field's could be either (rename one).
      if (new Set(found.map((union) => union.text ?? union.list)).size > 1)
        throw new Error(
          `type ${name} is declared in ${found.map((union) => union.file).join(' and ')}: rename one, the docs expand it by name`,
        );
      const alias = found[0];
      const list = alias?.list ? constLists.get(alias.list) : undefined;
      // A union may name another (`'native' | LinkChannel`): written out too.
      return alias?.text ? expand(alias.text) : list ? list.map((item) => `'${item}'`).join(' | ') : name;
    });
  const addUnion = (node, union) =>
    literalUnions.set(node.name.text, [...(literalUnions.get(node.name.text) ?? []), { ...union, file: node.getSourceFile().fileName }]);
  /** Event name → its detail interface's name and its personal fields. */
  const eventDetails = new Map();
  const fieldsOf = (name, seen = new Set()) => {
    const found = interfaces.get(name);
    if (!found || name === COMMON_DETAIL || seen.has(name)) return [];
    seen.add(name);
    return [...found.extends.flatMap((parent) => fieldsOf(parent, seen)), ...found.fields];
  };
  /** Class name → attribute name → the type and default its `@attr {type} [name=default]` JSDoc gives. */
  const documentedAttributes = new Map();
  return {
    name: 'retainkit',
    analyzePhase({ ts, node }) {
      if (ts.isClassDeclaration(node) && node.name) {
        const documented = new Map();
        for (const tag of ts.getJSDocTags(node)) {
          if (!['attr', 'attribute'].includes(tag.tagName.text)) continue;
          // `@attr {type} [name=default] - …`, type and default each optional.
          const match = /^\s*(?:\{([^}]*)\}\s*)?(?:\[([\w-]+)=([^\]]+)\]|([\w-]+))/.exec(ts.getTextOfJSDocComment(tag.comment) ?? '');
          if (match && (match[1] || match[3])) documented.set(match[2] ?? match[4], { type: match[1]?.trim(), default: match[3]?.trim() });
        }
        if (documented.size) documentedAttributes.set(node.name.text, documented);
      }
      if (ts.isTypeAliasDeclaration(node)) {
        const type = node.type;
        const literal = (member) => ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal);
        if (ts.isUnionTypeNode(type) && type.types.some(literal) && type.types.every((m) => literal(m) || ts.isTypeReferenceNode(m)))
          addUnion(node, { text: type.getText() });
        else if (ts.isIndexedAccessTypeNode(type) && type.indexType.getText() === 'number') {
          const list = /^\(typeof (\w+)\)$/.exec(type.objectType.getText())?.[1];
          if (list) addUnion(node, { list });
        }
      }
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isAsExpression(node.initializer)) {
        const array = node.initializer.expression;
        if (ts.isArrayLiteralExpression(array) && array.elements.every(ts.isStringLiteral))
          constLists.set(
            node.name.text,
            array.elements.map((element) => element.text),
          );
      }
      if (ts.isInterfaceDeclaration(node)) {
        if (node.name.text === 'GlobalEventHandlersEventMap') {
          for (const member of node.members)
            if (ts.isPropertySignature(member) && ts.isStringLiteral(member.name)) declared.add(member.name.text);
          return;
        }
        const parents = (node.heritageClauses ?? []).flatMap((clause) => clause.types.map((type) => type.expression.getText()));
        const fields = node.members.filter(ts.isPropertySignature).map((member) => ({
          name: member.name.getText(),
          type: member.type?.getText() ?? '',
          optional: Boolean(member.questionToken),
          description: ts
            .getJSDocCommentsAndTags(member)
            .map((doc) => (typeof doc.comment === 'string' ? doc.comment : ''))
            .join(' ')
            .trim(),
        }));
        interfaces.set(node.name.text, { extends: parents, fields });
      }
      if (ts.isClassDeclaration(node)) {
        const base = node.heritageClauses?.flatMap((clause) => clause.types).find((type) => type.expression.getText() === 'RetainEvent');
        const detailType = base?.typeArguments?.[0]?.getText();
        if (!detailType) return;
        const visit = (child) => {
          if (ts.isCallExpression(child) && child.expression.kind === ts.SyntaxKind.SuperKeyword) {
            const [name, , options] = child.arguments;
            if (!name || !ts.isStringLiteral(name)) return;
            const personal =
              options && ts.isObjectLiteralExpression(options)
                ? options.properties
                    .filter((property) => property.name?.getText() === 'personal')
                    .flatMap((property) =>
                      ts.isPropertyAssignment(property) && ts.isArrayLiteralExpression(property.initializer)
                        ? property.initializer.elements.filter(ts.isStringLiteral).map((element) => element.text)
                        : [],
                    )
                : [];
            eventDetails.set(name.text, { detailType, personal });
          } else ts.forEachChild(child, visit);
        };
        ts.forEachChild(node, visit);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const attribute of declaration.attributes ?? []) {
            const documented = documentedAttributes.get(declaration.name)?.get(attribute.name);
            if (documented?.type) attribute.type = { text: documented.type };
            if (documented?.default !== undefined) attribute.default = documented.default;
          }
          for (const event of declaration.events ?? []) {
            if (!event.type && declared.has(event.name)) event.type = { text: `GlobalEventHandlersEventMap['${event.name}']` };
            const details = eventDetails.get(event.name);
            if (details)
              event.detail = fieldsOf(details.detailType).map((field) => ({
                ...field,
                type: expand(field.type),
                ...(details.personal.includes(field.name) ? { personal: true } : {}),
              }));
          }
        }
      }
      const rewrite = (value) => {
        if (Array.isArray(value)) value.forEach(rewrite);
        else if (value && typeof value === 'object')
          for (const [key, inner] of Object.entries(value)) {
            if ((key === 'path' || key === 'module') && typeof inner === 'string') value[key] = shipped(inner);
            else rewrite(inner);
          }
      };
      rewrite(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    retainkitPlugin(),
    customElementVsCodePlugin({
      outdir: 'editor',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({ outdir: 'editor', webTypesFileName: 'web-types.json', packageJson: false, hideLogs: true }),
    jsxTypesPlugin({
      outdir: 'types',
      fileName: 'jsx.d.ts',
      componentTypePath: (_name, _tag, modulePath) => `../${modulePath}`,
      stronglyTypedEvents: true,
      hideLogs: true,
    }),
  ],
};
