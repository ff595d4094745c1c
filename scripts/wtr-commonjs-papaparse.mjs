// A web-test-runner plugin: serves Papa Parse (a UMD file, the one CommonJS dependency the kit loads) as an
// ES module, so `import Papa from 'papaparse'` works in the tests as it does in Vite's build (which
// converts CommonJS itself). Its UMD wrapper sees a `module` object and puts Papa on `module.exports`.

export function papaparseEsmPlugin() {
  return {
    name: 'retainkit-papaparse-esm',
    transform(context) {
      if (!/\/node_modules\/papaparse\/papaparse(\.min)?\.js$/.test(context.path)) return undefined;
      const body = `const module = { exports: {} };\nconst exports = module.exports;\n${context.body}\nexport default module.exports;\n`;
      return { body, transformCache: true };
    },
  };
}
