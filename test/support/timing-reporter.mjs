// How long each engine took and which test files took it, printed at the end of a run. CI must finish in 15
// minutes on two loaded cores; this says where the browser tests' minutes go (an engine's span, and the
// slowest files in it), so the next change to the run's shape is made on figures. RETAINKIT_TIMINGS_FILE:
// also every file's time, as JSON.
import { writeFileSync } from 'node:fs';
import { eachTest, engineName } from './test-results.mjs';

// A file's time runs from the first status after SCHEDULED (the first file's may skip INITIALIZING's event).
const SCHEDULED = 'SCHEDULED';
const FINISHED = 'FINISHED';
const SLOWEST = 8;

/** Each test's name and milliseconds, for the JSON. */
function testDurations(suite) {
  const durations = [];
  eachTest(suite, (test, path) => durations.push([[...path, test.name].join(' › '), test.duration ?? null]));
  return durations;
}

export function timingReporter() {
  const startedAt = new Map();
  const took = new Map();
  const runStarted = Date.now();
  return {
    start({ sessions }) {
      sessions.on('session-status-updated', (session) => {
        if (session.status !== SCHEDULED && !startedAt.has(session.id)) startedAt.set(session.id, Date.now());
        if (session.status === FINISHED && startedAt.has(session.id)) {
          took.set(session.id, { session, start: startedAt.get(session.id), end: Date.now() });
        }
      });
    },
    onTestRunFinished() {
      const byEngine = new Map();
      for (const entry of took.values()) {
        const name = engineName(entry.session);
        if (!byEngine.has(name)) byEngine.set(name, []);
        byEngine.get(name).push(entry);
      }
      const lines = ['', "Time per engine (from the run's start, seconds), and its slowest test files:"];
      for (const [name, entries] of byEngine) {
        const from = Math.min(...entries.map((entry) => entry.start)) - runStarted;
        const to = Math.max(...entries.map((entry) => entry.end)) - runStarted;
        lines.push(`  ${name}: ${(from / 1000).toFixed(0)}–${(to / 1000).toFixed(0)} s`);
        const slowest = entries.sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, SLOWEST);
        for (const { session, start, end } of slowest) {
          lines.push(`    ${((end - start) / 1000).toFixed(1).padStart(6)} s  ${session.testFile.replace(`${process.cwd()}/`, '')}`);
        }
      }
      const file = process.env.RETAINKIT_TIMINGS_FILE;
      if (file) {
        const all = [...took.values()].map(({ session, start, end }) => ({
          engine: engineName(session),
          file: session.testFile,
          seconds: (end - start) / 1000,
          // Wall-clock ms, to lay a file over the machine's load sampled meanwhile (scripts/test-cpu.mjs).
          start,
          end,
          tests: testDurations(session.testResults),
        }));
        writeFileSync(file, JSON.stringify(all, null, 1));
      }
      // After wtr's own drawing stops (see passed-failed-reporter.mjs).
      process.once('exit', () => process.stderr.write(`${lines.join('\n')}\n`));
    },
  };
}
