/**
 * Fails a test on any unexpected `console.warn` or `console.error`, and lets a test assert the warnings
 * it expects: `const warnings = watchConsole(); …; expect(warnings.take()).to.have.length(1)`.
 * Every test already runs inside one watch (console-guard-everywhere.ts, added by
 * scripts/wtr-console-guard.mjs); a test's own watch nests in it and restores it when stopped.
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

// The stand-ins a watch puts on the console, so a test can tell that a watch is on.
const standIns = new WeakSet<object>();

/** True while a watch is on: console.warn and console.error are a watch's stand-ins. */
export function consoleWatched(): boolean {
  return standIns.has(console.warn) && standIns.has(console.error);
}

export function watchConsole(): ConsoleWatch {
  const seen: Record<Level, string[]> = { warn: [], error: [] };
  const original = { warn: console.warn, error: console.error };
  for (const level of ['warn', 'error'] as const) {
    const standIn = (...args: unknown[]) => {
      const text = args.map((a) => (a instanceof Element ? `<${a.localName}>` : a instanceof Error ? a.message : String(a))).join(' ');
      if (IGNORED.some((pattern) => pattern.test(text))) return;
      seen[level].push(text);
    };
    standIns.add(standIn);
    console[level] = standIn;
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
