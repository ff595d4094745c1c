// ESLint 9 flat config: JavaScript and typescript-eslint recommended rules (syntax only; type-aware rules
// are left out to keep `npm run lint` fast on 2 cores), plus Lit, web-component and Lit accessibility
// rules for the element code. Formatting is Prettier's job (`prettier --check`), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'lib/',
      'editor/',
      'types/jsx.d.ts',
      // Build output copied into the integrations (scripts/integration-assets.mjs).
      'integrations/shopify/assets/*.js',
      'integrations/wordpress/retainkit/assets/',
      'node_modules/',
      'coverage/',
      'test-results/',
      'bench-results/',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      // `applied ? set.delete(id) : set.add(id)` and `ready && start()` are fine statements.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
      'prefer-const': 'error',
    },
  },
  // The kit and the demo run in the browser; Lit templates and custom elements live there.
  {
    files: ['src/**/*.ts', 'demo/**/*.ts', 'test/**/*.ts'],
    languageOptions: { globals: globals.browser },
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'demo/**/*.ts', 'test/**/*.ts'],
    ...wc.configs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement', 'RetainElement'] } },
  },
  { files: ['src/**/*.ts', 'demo/**/*.ts', 'test/**/*.ts'], ...litA11y.configs.recommended },
  // The demo's one classic script (order-first-view.js: it must run before the first paint) runs in the browser too.
  { files: ['demo/*.js'], languageOptions: { globals: globals.browser, sourceType: 'script' } },
  // One voice in the console: the kit warns through warn() in src/core/config.ts (one prefix, `retainkit:`).
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/config.ts'],
    rules: { 'no-console': ['error', { allow: ['error'] }] },
  },
  // One way to declare a reactive property: the kit's own @property and @state (src/core/decorators.ts says why).
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'lit/decorators.js',
              message: 'Import property and state from src/core/decorators.ts (0.18 KB less in every first load).',
            },
          ],
        },
      ],
    },
  },
  // Tests: chai's property assertions (`expect(x).to.be.true`) are expressions; mocha's globals.
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Tests put hostile text (`<script>`, `a>b`) in attributes on purpose.
      'lit/attribute-value-entities': 'off',
    },
  },
  // Node: scripts, configs, test endpoints, the end-to-end runner, the demo's server side.
  {
    files: [
      '**/*.mjs',
      '**/*.js',
      'vite.config.ts',
      'scripts/**/*.ts',
      'demo/server/**/*.ts',
      'test/e2e/**',
      'test/bench/**',
      'test/integrations/**',
    ],
    languageOptions: { globals: globals.node },
  },
  // The end-to-end runner and the benchmarks are Node, but the functions they hand to page.evaluate run in the page.
  // So do the web-test-runner plugins' in-page functions.
  {
    files: ['test/e2e/**', 'test/bench/**', 'test/integrations/**', 'scripts/wtr-*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
