#!/usr/bin/env node
// Part of `npm run build`: copies the script-tag build (dist/*.js, flat) into the integrations that ship it
// with themselves: the Shopify theme app extension's assets/ (no sub-folders allowed there) and the
// WordPress plugin's assets/. The copies are build output (git-ignored); the old ones are removed first.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './entries.mjs';

const dist = join(root, 'dist');
const targets = [join(root, 'integrations', 'shopify', 'assets'), join(root, 'integrations', 'wordpress', 'retainkit', 'assets')];
const files = readdirSync(dist).filter((name) => name.endsWith('.js'));
if (!files.includes('retainkit.js')) {
  console.log('integration-assets: no dist/retainkit.js; run vite build first');
  process.exit(1);
}
for (const target of targets) {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(target)) if (name.endsWith('.js')) rmSync(join(target, name));
  for (const name of files) copyFileSync(join(dist, name), join(target, name));
}
