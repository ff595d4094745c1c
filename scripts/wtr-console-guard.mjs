// A web-test-runner plugin: every test file imports test/support/console-guard-everywhere.ts first, so any
// unexpected console.warn or console.error fails the test, in a new file too, without it asking.
const TEST_FILE = /^\/test\/(?!e2e\/|bench\/).*\.test\.ts$/;

export function consoleGuardPlugin() {
  return {
    name: 'retainkit-console-guard',
    transform(context) {
      if (!TEST_FILE.test(context.path) || typeof context.body !== 'string') return undefined;
      return { body: `import '/test/support/console-guard-everywhere.ts';\n${context.body}` };
    },
  };
}
