// The plain closing line CI reads: `N passed, N failed` (and `, N skipped` when any were), counted over
// every engine. A test file that failed to load (or whose browser session broke) counts as one failed test.
//
// web-test-runner's default reporter keeps drawing after `onTestRunFinished`, so the line is not printed
// there: with RETAINKIT_SUMMARY_FILE set (scripts/test.mjs sets it) the counts go to that file as JSON and
// the script prints the line after wtr has exited; otherwise (`npx wtr` directly) the line is printed
// when the process exits, after everything else.
import { writeFileSync } from 'node:fs';

function countTests(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites) countTests(child, counts);
}

/** Totals over all sessions, and per browser in `byBrowser`. */
export function countSessions(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0, byBrowser: {} };
  for (const session of sessions) {
    const name = session.browser?.name === 'MiniBrowser' ? 'WebKit' : (session.browser?.name ?? 'browser');
    const engine = (counts.byBrowser[name] ??= { passed: 0, failed: 0, skipped: 0 });
    const here = { passed: 0, failed: 0, skipped: 0 };
    if (session.testResults) countTests(session.testResults, here);
    const loadFailed = !session.testResults || (session.errors?.length ?? 0) > 0;
    if (loadFailed && !session.passed) here.failed += 1;
    for (const key of ['passed', 'failed', 'skipped']) {
      counts[key] += here[key];
      engine[key] += here[key];
    }
  }
  return counts;
}

export function formatCounts({ passed, failed, skipped = 0 }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/**
 * Says, on stderr, why wtr exits before its run finished: which files were still running in which engine,
 * and where process.exit was called from. Once in about twenty CI runs on a loaded machine wtr ended mid-run
 * with nothing printed (no error, no signal, no counts); this is what the next such run will show.
 */
function explainEarlyExit(sessions, isFinished) {
  const exit = process.exit;
  let caller = '';
  process.exit = function exitSaid(code) {
    if (!isFinished()) caller = new Error(`process.exit(${code ?? ''}) called`).stack ?? '';
    return exit.call(process, code);
  };
  process.once('exit', (code) => {
    if (isFinished()) return;
    const running = [...sessions.all()]
      .filter((session) => session.status !== 'FINISHED')
      .map((session) => `  ${session.browser?.name ?? 'browser'} ${session.testFile} (${session.status})`);
    process.stderr.write(`\nwtr exited with code ${code} before its run finished. Not finished:\n${running.join('\n')}\n${caller}\n`);
  });
}

export function passedFailedReporter() {
  let finished = false;
  return {
    start({ sessions }) {
      explainEarlyExit(sessions, () => finished);
    },
    onTestRunFinished({ sessions }) {
      finished = true;
      const counts = countSessions(sessions);
      const file = process.env.RETAINKIT_SUMMARY_FILE;
      if (file) {
        writeFileSync(file, JSON.stringify(counts));
      } else {
        // stdout is synchronous for files, pipes and terminals on Linux, so this is the last line.
        process.once('exit', () => process.stdout.write(`\n${formatCounts(counts)}\n`));
      }
    },
  };
}
