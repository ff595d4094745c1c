/**
 * A dynamic import tried once more, a moment later, when its module could not be fetched. WebKit fetches
 * a failed module again, so a chunk request dropped by a busy connection or server does not cost the
 * shopper a widget or a part of one (it happened on loaded CI machines). Chromium and Firefox keep a
 * failed module for the page's life: there the second try fails at once, as the first did, and the
 * caller's fallback follows. A module whose code threw (a page's Trusted Types refusing Lit) is not tried
 * again: it would throw again (and in WebKit the second try did not settle: test/strict-page.test.ts).
 */
const RETRY_AFTER_MS = 300;

/**
 * The engines' words for a module that could not be fetched: WebKit's "Importing a module script failed",
 * Chromium's "Failed to fetch dynamically imported module", Firefox's "error loading dynamically imported module".
 */
const NOT_FETCHED = /module script failed|dynamically imported module/;

export async function retriedImport<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!NOT_FETCHED.test(String(error))) throw error;
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
    return load();
  }
}
