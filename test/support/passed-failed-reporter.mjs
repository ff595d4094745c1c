// Prints the plain closing line CI reads: `N passed, N failed` (and `, N skipped` when any were),
// counted over every engine. A test file that failed to load counts as one failed test.
function countTests(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites) countTests(child, counts);
}

export function passedFailedReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) countTests(session.testResults, counts);
        const loadFailed = !session.testResults || (session.errors?.length ?? 0) > 0;
        if (loadFailed && !session.passed) counts.failed += 1;
      }
      process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}\n`);
    },
  };
}
