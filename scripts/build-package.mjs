#!/usr/bin/env node
// Part of `npm run build`, after Vite's script-tag build (dist/): the build for bundlers and what the
// package describes of itself.
//   1. lib/: every module of src/ as ES2022 JavaScript with its .d.ts (tsc -p tsconfig.lib.json), Lit and idb
//      left as imports of the package's dependencies;
//   2. custom-elements.json, editor/ and types/jsx.d.ts (custom-elements-manifest.config.mjs);
//   3. lib/react/: React 18 wrappers from the manifest (scripts/react-wrappers.mjs).
// (package.json's `exports` and `sideEffects` are written before Vite's build: scripts/package-fields.mjs.)
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './entries.mjs';

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

run(bin('cem'), ['analyze']);
run(process.execPath, [join(root, 'scripts', 'react-wrappers.mjs')]);
