#!/usr/bin/env node
// First step of `npm run build`: package.json's `exports` and `sideEffects` from the loader's map
// (scripts/entries.mjs), rewritten when a widget was added or removed, and said so. Before Vite's build,
// which reads `sideEffects`: a new widget's module, imported by the loader for its effect alone, would
// otherwise be dropped from its chunk.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFields, root } from './entries.mjs';

const path = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(path, 'utf8'));
const fields = packageFields();
if (JSON.stringify([pkg.exports, pkg.sideEffects]) !== JSON.stringify([fields.exports, fields.sideEffects])) {
  Object.assign(pkg, fields);
  writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log('package-fields: package.json exports and sideEffects updated from the loader map (commit it)');
}
