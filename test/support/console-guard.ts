/**
 * Fails a test on any unexpected `console.warn` or `console.error`, and lets a test assert the warnings
 * it expects: `const warnings = watchConsole(); …; expect(warnings.take()).to.have.length(1)`.
 */
type Level = 'warn' | 'error';

export interface ConsoleWatch {
  /** Returns the messages seen so far (each the joined string form of the arguments) and clears them. */
  take(level?: Level): string[];
  /** Restores the console; throws when messages were left untaken. */
  stop(): void;
}

// Lit's once-per-page dev-mode notice is not a problem of the code under test.
const IGNORED = [/Lit is in dev mode/, /Multiple versions of Lit loaded/];

export function watchConsole(): ConsoleWatch {
  const seen: Record<Level, string[]> = { warn: [], error: [] };
  const original = { warn: console.warn, error: console.error };
  for (const level of ['warn', 'error'] as const) {
    console[level] = (...args: unknown[]) => {
      const text = args.map((a) => (a instanceof Element ? `<${a.localName}>` : a instanceof Error ? a.message : String(a))).join(' ');
      if (IGNORED.some((pattern) => pattern.test(text))) return;
      seen[level].push(text);
    };
  }
  return {
    take(level: Level = 'warn') {
      return seen[level].splice(0);
    },
    stop() {
      console.warn = original.warn;
      console.error = original.error;
      const left = [...seen.warn.map((m) => `warn: ${m}`), ...seen.error.map((m) => `error: ${m}`)];
      if (left.length) throw new Error(`Unexpected console output:\n${left.join('\n')}`);
    },
  };
}
