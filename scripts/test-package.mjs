#!/usr/bin/env node
// `npm run test:package`: the package as a developer meets it. `npm pack`s the built package (run
// `npm run build` first; it builds when lib/ or dist/ is missing), installs the tarball into a fresh
// consumer project in a temporary folder (with the same TypeScript, Vite and React types as this
// repository, from the npm cache when there), then checks:
//   - Node (no DOM) imports every entry without throwing: what a server rendering the page does;
//   - a strict TypeScript file (skipLibCheck off) that uses elements and an event's typed detail compiles,
//     and a wrong detail field is an error;
//   - a Vite app that imports two widgets and Lit itself builds with exactly one copy of Lit;
//   - React 19, Preact and Solid JSX with the elements type-check (retainkit/jsx), and the React 18 wrappers
//     (retainkit/react);
//   - package.json's exports match the loader's map (scripts/entries.mjs).
// Prints one line per check and `test:package: N passed, N failed`; writes the counts to
// RETAINKIT_SUMMARY_FILE when set (scripts/test.mjs counts them). Exit code non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checks } from './checks.mjs';
import { packageFields, readEntries, root } from './entries.mjs';

const { check, fail, report } = checks('test:package');
const started = Date.now();
/** Runs a command; throws with its output when it fails. */
function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0)
    throw new Error(`${[command, ...args].join(' ')} exited ${result.status}\n${result.stdout}${result.stderr}`.slice(-4000));
  return result.stdout;
}
const write = (dir, files) => {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
};

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entries = readEntries();
const work = mkdtempSync(join(tmpdir(), 'retainkit-package-'));
try {
  if (!existsSync(join(root, 'lib', 'retainkit.js')) || !existsSync(join(root, 'dist', 'retainkit.js')))
    run('npm', ['run', '--silent', 'build'], root);

  await check("package.json's exports and sideEffects follow the loader's map", () => {
    const fields = packageFields(entries);
    if (JSON.stringify([pkg.exports, pkg.sideEffects]) !== JSON.stringify([fields.exports, fields.sideEffects]))
      throw new Error('package.json is stale: run `npm run build` (scripts/package-fields.mjs rewrites it) and commit it');
  });

  const tarball = join(
    work,
    run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], root).trim().split('\n').pop(),
  );
  const app = join(work, 'app');
  write(app, {
    'package.json': JSON.stringify({
      name: 'retainkit-consumer',
      private: true,
      type: 'module',
      dependencies: {
        retainkit: `file:${tarball}`,
        lit: pkg.dependencies.lit,
        react: pkg.devDependencies.react,
        preact: pkg.devDependencies.preact,
        'solid-js': pkg.devDependencies['solid-js'],
        typescript: pkg.devDependencies.typescript,
        vite: pkg.devDependencies.vite,
        '@types/react': pkg.devDependencies['@types/react'],
      },
      overrides: pkg.overrides,
    }),
  });
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], app);
  console.log(`test:package: ${pkg.name}@${pkg.version} installed from ${tarball}`);

  await check('the tarball ships lib/, dist/ (flat), types, the manifest and no src/', () => {
    const installed = join(app, 'node_modules', 'retainkit');
    for (const file of [
      'lib/retainkit.js',
      'lib/retainkit.d.ts',
      'dist/retainkit.js',
      'types/jsx.d.ts',
      'custom-elements.json',
      'editor/web-types.json',
    ])
      if (!existsSync(join(installed, file))) throw new Error(`missing ${file}`);
    if (existsSync(join(installed, 'src'))) throw new Error('src/ was packed');
    const nested = readdirSync(join(installed, 'dist'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    if (nested.length) throw new Error(`dist/ has folders: ${nested.map((entry) => entry.name).join(', ')}`);
    const manifest = readFileSync(join(installed, 'custom-elements.json'), 'utf8');
    if (/"(path|module)":\s*"\/?src\//.test(manifest)) throw new Error('custom-elements.json points at src/');
  });

  const specifiers = ['retainkit', ...entries.map(({ name }) => `retainkit/${name}`), 'retainkit/react'];
  for (const specifier of specifiers) {
    await check(`Node imports ${specifier} without a DOM`, () => {
      const out = run(
        process.execPath,
        ['--input-type=module', '-e', `const m = await import('${specifier}'); console.log(typeof window, Object.keys(m).join(','))`],
        app,
      );
      if (!out.startsWith('undefined')) throw new Error(`window existed: ${out}`);
    });
  }

  write(app, {
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        jsx: 'react-jsx',
        types: [],
      },
      include: ['src'],
    }),
    'src/strict.ts': `import type {} from 'retainkit';
import 'retainkit/spin-wheel';
import 'retainkit/loyalty-badge';
import type { RetainSpinWheel } from 'retainkit/spin-wheel';

const wheel: RetainSpinWheel | null = document.querySelector('retain-spin-wheel');
const badge = document.createElement('retain-loyalty-badge');
badge.points = 1300;
wheel?.addEventListener('retain-spin-ended', (event) => {
  const code: string | null = event.detail.code;
  const slice: number = event.detail.slice;
  console.log(code, slice, event.detail.instance);
});
document.addEventListener('retain-points-changed', (event) => console.log(event.detail.delta.toFixed(0)));
wheel?.addEventListener('retain-spin-ended', (event) => {
  // @ts-expect-error: the detail is typed, so a field it lacks does not compile
  console.log(event.detail.notAField);
});
// The loader's global API and its ready event, as a store's component waits for them (docs/install.md).
const ready: WindowEventMap['retainkit-ready'] = new Event('retainkit-ready');
addEventListener('retainkit-ready', () => void window.retainkit?.watch(document.body), { once: true });
console.log(ready.type, window.retainkit?.version);
`,
    'src/react19.tsx': `import type {} from 'retainkit/jsx';

export function Promo() {
  return (
    <section>
      <retain-spin-wheel instance="home" cooldown="30d" onretain-spin-ended={(event) => console.log(event.detail.code)} />
      <retain-review-showcase view="grid" page-size="5" />
      <retain-order order-id="1001" total="59.90" currency="EUR" />
    </section>
  );
}
`,
    'src/react18.tsx': `import { RetainLoyaltyBadge, RetainSpinWheel } from 'retainkit/react';

export function Account() {
  return (
    <>
      <RetainLoyaltyBadge points={1300} onRetainPointsChanged={(event) => console.log(event.detail.delta)} />
      <RetainSpinWheel onRetainSpinEnded={(event) => console.log(event.detail.prize)} />
    </>
  );
}
`,
  });
  await check(
    'strict TypeScript (skipLibCheck off) with elements, typed events, React 19 JSX and the React 18 wrappers type-checks',
    () => {
      run(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], app);
    },
  );
  // Preact and Solid read the same generated types (retainkit/jsx) through their own JSX namespaces.
  const jsxProject = (name, jsx) =>
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { jsx, jsxImportSource: name },
      include: [`jsx/${name}.tsx`],
    });
  write(app, {
    'tsconfig.preact.json': jsxProject('preact', 'react-jsx'),
    'jsx/preact.tsx': `import type {} from 'retainkit/jsx';

export const Promo = () => <retain-spin-wheel instance="home" cooldown="30d" onretain-spin-ended={(event) => console.log(event.detail.code)} />;
// @ts-expect-error: the event's detail is typed
export const Wrong = () => <retain-spin-wheel onretain-spin-ended={(event) => console.log(event.detail.notAField)} />;
`,
    'tsconfig.solid.json': jsxProject('solid-js', 'preserve'),
    'jsx/solid-js.tsx': `import type {} from 'retainkit/jsx/solid';

export const Promo = () => <retain-spin-wheel instance="home" on:retain-spin-ended={(event) => console.log(event.detail.code)} />;
// @ts-expect-error: the event's detail is typed
export const Wrong = () => <retain-spin-wheel on:retain-spin-ended={(event) => console.log(event.detail.notAField)} />;
`,
  });
  for (const name of ['preact', 'solid']) {
    await check(
      `${name === 'solid' ? 'Solid' : 'Preact'} JSX with the elements type-checks (and a wrong event detail field does not)`,
      () => {
        run(join(app, 'node_modules', '.bin', 'tsc'), ['-p', `tsconfig.${name}.json`], app);
      },
    );
  }
  await check('a wrong event detail field fails to type-check (the check above can fail)', () => {
    write(app, {
      'src/wrong.ts':
        "import 'retainkit/spin-wheel';\ndocument.addEventListener('retain-spin-ended', (event) => event.detail.notAField);\n",
    });
    const result = spawnSync(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
    rmSync(join(app, 'src', 'wrong.ts'));
    if (result.status === 0 || !result.stdout.includes("Property 'notAField' does not exist"))
      throw new Error(`tsc accepted it:\n${result.stdout}`);
  });

  write(app, {
    'index.html': '<!doctype html><html><body><app-shell></app-shell><script type="module" src="/main.js"></script></body></html>\n',
    'main.js': `import { LitElement, html } from 'lit';
import 'retainkit/spin-wheel';
import 'retainkit/review-showcase';

customElements.define('app-shell', class extends LitElement {
  render() {
    return html\`<retain-spin-wheel></retain-spin-wheel><retain-review-showcase></retain-review-showcase>\`;
  }
});
`,
  });
  await check('a Vite app using Lit and importing two widgets builds with exactly one copy of Lit', () => {
    run(join(app, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], app);
    const assets = join(app, 'dist', 'assets');
    const code = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(assets, name), 'utf8'))
      .join('\n');
    // Each copy of Lit registers its version once in each of these lists.
    for (const marker of ['litElementVersions', 'reactiveElementVersions', 'litHtmlVersions']) {
      const copies = code.split(marker).length - 1;
      if (copies !== 1) throw new Error(`${marker} appears ${copies} times in the app's bundle`);
    }
    if (!code.includes('retain-spin-wheel') || !code.includes('retain-review-showcase'))
      throw new Error('the widgets are not in the bundle');
  });
} catch (error) {
  fail(String(error?.message ?? error));
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`test:package: ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(report());
