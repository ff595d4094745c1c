#!/usr/bin/env node
// Part of `npm run build`, after Vite's script-tag build (dist/): the build for bundlers and what the
// package describes of itself.
//   1. lib/: every module of src/ as ES2022 JavaScript with its .d.ts (tsc -p tsconfig.lib.json), Lit and idb
//      left as imports of the package's dependencies;
//   2. package.json's `exports` and `sideEffects`, from the loader's map (scripts/entries.mjs): rewritten
//      when a widget was added or removed, and said so;
//   3. custom-elements.json, editor/ and types/jsx.d.ts (custom-elements-manifest.config.mjs);
//   4. lib/react/: React 18 wrappers from the manifest (scripts/react-wrappers.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFields, root } from './entries.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);
function run(command, args) {
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    console.log(`build-package: ${[command, ...args].join(' ')} failed`);
    process.exit(1);
  }
}

rmSync(join(root, 'lib'), { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.lib.json']);

const path = join(root, 'package.json');
const text = readFileSync(path, 'utf8');
const pkg = JSON.parse(text);
const fields = packageFields();
if (JSON.stringify([pkg.exports, pkg.sideEffects]) !== JSON.stringify([fields.exports, fields.sideEffects])) {
  Object.assign(pkg, fields);
  writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log('build-package: package.json exports and sideEffects updated from the loader map (commit it)');
}

run(bin('cem'), ['analyze']);
run(process.execPath, [join(root, 'scripts', 'react-wrappers.mjs')]);
