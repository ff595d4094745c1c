// The plain closing line CI reads: `N passed, N failed` (and `, N skipped` when any were), counted over
// every engine. A test file that failed to load (or whose browser session broke) counts as one failed test.
//
// web-test-runner's default reporter keeps drawing after `onTestRunFinished`, so the line is not printed
// there: with RETAINKIT_SUMMARY_FILE set (scripts/test.mjs sets it) the counts go to that file as JSON and
// the script prints the line after wtr has exited; otherwise (`npx wtr` directly) the line is printed
// when the process exits, after everything else.
import { writeFileSync } from 'node:fs';
import { eachTest, engineName } from './test-results.mjs';

/** Totals over all sessions, and per browser in `byBrowser`. */
export function countSessions(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0, byBrowser: {} };
  for (const session of sessions) {
    const name = engineName(session);
    const engine = (counts.byBrowser[name] ??= { passed: 0, failed: 0, skipped: 0 });
    const here = { passed: 0, failed: 0, skipped: 0 };
    eachTest(session.testResults, (test) => (here[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed'] += 1));
    const loadFailed = !session.testResults || (session.errors?.length ?? 0) > 0;
    if (loadFailed && !session.passed) here.failed += 1;
    for (const key of ['passed', 'failed', 'skipped']) {
      counts[key] += here[key];
      engine[key] += here[key];
    }
  }
  return counts;
}

const firstLine = (error) =>
  String(error?.message ?? error ?? '')
    .split('\n')[0]
    .slice(0, 200);

/**
 * One line per failed test (engine, file, test, the error's first line), and per file whose session broke.
 * Printed just above the closing line: a CI log is read from its end, and the default reporter's account of
 * a failure may be thousands of lines further up.
 */
export function listFailures(sessions) {
  const lines = [];
  for (const session of sessions) {
    const where = `${engineName(session)} ${session.testFile.replace(`${process.cwd()}/`, '')}`;
    const tests = [];
    eachTest(session.testResults, (test, path) => {
      if (!test.skipped && !test.passed) tests.push(`${[...path, test.name].join(' › ')}: ${firstLine(test.error)}`);
    });
    for (const test of tests) lines.push(`${where} › ${test}`);
    for (const error of session.errors ?? []) lines.push(`${where}: ${firstLine(error)}`);
    if (!session.passed && tests.length === 0 && !(session.errors?.length > 0)) lines.push(`${where}: failed`);
  }
  return lines;
}

export function formatCounts({ passed, failed, skipped = 0 }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/**
 * Says, on stderr, why wtr exits before its run finished: which files were still running in which engine,
 * where process.exit was called from, and any error thrown in node that nothing caught (wtr stops the whole
 * run on one). Once in about twenty CI runs on a loaded machine wtr ended mid-run; the last one showed wtr's
 * own stop (exit code 1, no signal), as a promise rejected in node with nothing awaiting it ends a run.
 */
function explainEarlyExit(sessions, isFinished) {
  const exit = process.exit;
  let caller = '';
  const uncaught = [];
  process.exit = function exitSaid(code) {
    if (!isFinished()) caller = new Error(`process.exit(${code ?? ''}) called`).stack ?? '';
    return exit.call(process, code);
  };
  // A monitor sees the error without changing what happens to it.
  process.on('uncaughtExceptionMonitor', (error, origin) => uncaught.push(`${origin}: ${error?.stack ?? error}`));
  process.once('exit', (code) => {
    if (isFinished()) return;
    const running = [...sessions.all()]
      .filter((session) => session.status !== 'FINISHED')
      .map((session) => `  ${engineName(session)} ${session.testFile} (${session.status})`);
    const errors = uncaught.length ? `Uncaught in node:\n${uncaught.join('\n')}\n` : '';
    process.stderr.write(
      `\nwtr exited with code ${code} before its run finished. Not finished:\n${running.join('\n')}\n${errors}${caller}\n`,
    );
  });
}

/**
 * A promise rejected in node with nothing awaiting it (in a launcher's driver or a test endpoint: the tests
 * themselves run in the browsers) would reach wtr's handler of uncaught errors, which stops the whole run with
 * nothing counted. Logged instead, and listed at the end; a test it broke still fails, on its own timeouts.
 */
function keepRunningOnRejection(rejections) {
  process.on('unhandledRejection', (reason) => {
    rejections.push(firstLine(reason));
    console.error('Unhandled rejection in node (the run goes on):', reason);
  });
}

export function passedFailedReporter() {
  let finished = false;
  const rejections = [];
  return {
    start({ sessions }) {
      explainEarlyExit(sessions, () => finished);
      keepRunningOnRejection(rejections);
    },
    onTestRunFinished({ sessions }) {
      finished = true;
      const counts = { ...countSessions(sessions), failures: listFailures(sessions), rejections };
      const file = process.env.RETAINKIT_SUMMARY_FILE;
      if (file) {
        writeFileSync(file, JSON.stringify(counts));
      } else {
        // stdout is synchronous for files, pipes and terminals on Linux, so this is the last line.
        const failures = [...rejections.map((line) => `! unhandled in node: ${line}`), ...counts.failures.map((line) => `✗ ${line}`)]
          .map((line) => `${line}\n`)
          .join('');
        process.once('exit', () => process.stdout.write(`\n${failures}${formatCounts(counts)}\n`));
      }
    },
  };
}
