/**
 * A Vite plugin for the build: every chunk of code (not a language's texts) starts with V8's compile hint
 * `//# allFunctionsCalledOnLoad`.
 *
 * Why: the kit fetches a chunk only when its code is about to run (nothing until seen), so most of a
 * chunk's functions run soon after it arrives. Without the hint, Chromium compiles each function lazily,
 * on the main thread, at its first call, and parses it twice (once to find its end, once to compile).
 * With it (Chrome 136 and later), Chromium compiles the whole chunk eagerly while the file streams in,
 * on a background thread. Other engines read a comment. Measured on the bench's product page in
 * Chromium, before and after, interleaved: lazy compiles on the main thread 719 → 151; the kit's added
 * main thread 177 → 145 ms at 1× (`PROFILE_BASE_DIST=<the build before> PROFILE_RUNS=10 PROFILE_RATE=1
 * node test/bench/profile.mjs --variant=with,base,without`).
 *
 * The hint must be the file's first line, so it goes in after minification (`postBanner`; the minifier
 * drops comments), before whatever an earlier plugin put there: the standalone loader's wrapper (that
 * plugin is `enforce: 'pre'`, so its `outputOptions` has run when this one wraps its `postBanner`).
 */
import type { Plugin } from 'vite';

const HINT = '//# allFunctionsCalledOnLoad';

/** A language's texts (a widget's `translations/ru.ts`): data, whose few functions take V8 microseconds to compile. */
const isTexts = (chunk: { moduleIds: string[] }) => chunk.moduleIds.every((id) => /[\\/]translations[\\/]/.test(id));

export function compileHints(): Plugin {
  return {
    name: 'retainkit:compile-hints',
    apply: 'build',
    outputOptions(options) {
      const earlier = options.postBanner;
      return {
        ...options,
        postBanner: async (chunk) => {
          const after = (typeof earlier === 'function' ? await earlier(chunk) : earlier) ?? '';
          if (isTexts(chunk)) return after;
          return after ? `${HINT}\n${after}` : HINT;
        },
      };
    },
  };
}
