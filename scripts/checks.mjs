// Named checks for the Node-side test runners (the end-to-end test, the package test, the integrations):
// one line per check, the closing `<label>: N passed, N failed` line, and the counts written to
// RETAINKIT_SUMMARY_FILE for scripts/test.mjs, which adds them to the run's own closing line.
import { writeFileSync } from 'node:fs';

export function checks(label) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  return {
    counts,
    async check(name, body) {
      try {
        await body();
        counts.passed += 1;
        console.log(`  ✓ ${name}`);
      } catch (error) {
        counts.failed += 1;
        const where = String(error?.stack ?? '')
          .split('\n')
          .find((line) => /test\/|scripts\//.test(line) && !line.includes('checks.mjs'));
        const message = String(error?.message ?? error)
          .split('\n')
          .slice(0, 40)
          .join('\n      ');
        console.log(`  ✗ ${name}\n      ${message}${where ? `\n      ${where.trim()}` : ''}`);
      }
    },
    skip(name, why) {
      counts.skipped += 1;
      console.log(`  - ${name} (skipped: ${why})`);
    },
    fail(why) {
      counts.failed += 1;
      console.log(`  ✗ ${why}`);
    },
    /** Prints the closing line, writes the counts; returns the exit code. */
    report() {
      const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
      console.log(`${label}: ${counts.passed} passed, ${counts.failed} failed${skipped}`);
      if (process.env.RETAINKIT_SUMMARY_FILE) writeFileSync(process.env.RETAINKIT_SUMMARY_FILE, JSON.stringify(counts));
      return counts.failed ? 1 : 0;
    },
  };
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
