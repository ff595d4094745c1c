#!/usr/bin/env node
// Where the browser tests' CPU goes, file by file: runs `node scripts/test.mjs` with the arguments given (best one
// engine at a time, on an otherwise idle machine), samples the machine's busy time (/proc/stat, Linux) every 500 ms,
// and lays each test file's span (the timing reporter's RETAINKIT_TIMINGS_FILE) over it. CI's run is bound by its two
// cores, not by waits: a file that waits costs CI little, one that keeps the cores busy costs it its CPU.
//   node scripts/test-cpu.mjs --browsers=firefox [files…]   (TOP=40 for more lines)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const TOP = Number(process.env.TOP ?? 25);
/** Clock ticks per second of /proc/stat's counters (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** Busy and idle ticks of all cores so far. */
function cpuTicks() {
  const counts = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = counts[3] + counts[4];
  return { busy: counts.reduce((sum, count) => sum + count, 0) - idle, idle };
}

const work = mkdtempSync(join(tmpdir(), 'test-cpu-'));
const timingsFile = join(work, 'timings.json');
const samples = [];
const sample = () => samples.push({ at: Date.now(), ...cpuTicks() });
sample();
const sampler = setInterval(sample, 500);
const child = spawn(process.execPath, [join(root, 'scripts', 'test.mjs'), ...process.argv.slice(2)], {
  cwd: root,
  env: { ...process.env, RETAINKIT_TIMINGS_FILE: timingsFile },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const code = await new Promise((resolve) => child.on('exit', resolve));
clearInterval(sampler);
sample();

/** Busy ticks at `at`: the first sample from then on (samples are 500 ms apart). */
const busyAt = (at) => (samples.find((s) => s.at >= at) ?? samples[samples.length - 1]).busy;
const files = JSON.parse(readFileSync(timingsFile, 'utf8')).map((file) => ({
  name: `${file.engine} ${relative(root, file.file)}`,
  wall: file.seconds,
  cpu: (busyAt(file.end) - busyAt(file.start)) / TICKS,
}));
rmSync(work, { recursive: true, force: true });

const first = samples[0];
const last = samples[samples.length - 1];
const wall = (last.at - first.at) / 1000;
const busy = (last.busy - first.busy) / TICKS;
const total = busy + (last.idle - first.idle) / TICKS;
console.log(
  `tests exited ${code}: ${wall.toFixed(0)} s, ${busy.toFixed(0)} core-seconds busy of ${total.toFixed(0)} (${((100 * busy) / total).toFixed(0)} %)`,
);
const inFiles = files.reduce((sum, file) => sum + file.cpu, 0);
console.log(`in the test files: ${inFiles.toFixed(0)} core-seconds over ${files.reduce((sum, file) => sum + file.wall, 0).toFixed(0)} s`);
console.log('core-s   wall s  share of the machine  file');
for (const file of files.sort((a, b) => b.cpu - a.cpu).slice(0, TOP)) {
  const share = `${((100 * file.cpu) / file.wall / (total / wall)).toFixed(0)} %`;
  console.log(`${file.cpu.toFixed(1).padStart(6)}  ${file.wall.toFixed(1).padStart(7)}  ${share.padStart(20)}  ${file.name}`);
}
process.exit(code ?? 1);
