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

/**
 * The kit's own step, after the analyzer and before the generators:
 *  - types each `@fires` event by the kit's own declaration of it on `GlobalEventHandlersEventMap` (the one
 *    place the kit types its events): `retain-spin-ended` is `GlobalEventHandlersEventMap['retain-spin-ended']`,
 *    that is `RetainSpinEndedEvent` with its typed `detail`, a type that resolves wherever the kit's types
 *    are loaded, without an import of its own;
 *  - points every module path at the shipped `lib/*.js` (the package ships no `src/`).
 */
function retainkitPlugin() {
  const declared = new Set();
  return {
    name: 'retainkit',
    analyzePhase({ ts, node }) {
      if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'GlobalEventHandlersEventMap') return;
      for (const member of node.members)
        if (ts.isPropertySignature(member) && ts.isStringLiteral(member.name)) declared.add(member.name.text);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            if (!event.type && declared.has(event.name)) event.type = { text: `GlobalEventHandlersEventMap['${event.name}']` };
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
