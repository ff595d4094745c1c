// What the two reporters (passed-failed-reporter.mjs, timing-reporter.mjs) read of web-test-runner's sessions.

/** The engine a session ran in, by the name people know it by (WebKitGTK's WebDriver says "MiniBrowser"). */
export const engineName = (session) => (session.browser?.name === 'MiniBrowser' ? 'WebKit' : (session.browser?.name ?? 'browser'));

/** Calls `visit(test, path)` for every test of a session's results, `path` naming its suites. */
export function eachTest(suite, visit, path = []) {
  if (!suite) return;
  for (const test of suite.tests) visit(test, path);
  for (const child of suite.suites) eachTest(child, visit, [...path, child.name]);
}
