/**
 * A dynamic import tried once more, a moment later, when it fails. WebKit fetches a failed module again,
 * so a chunk request dropped by a busy connection or server does not cost the shopper a widget or a part
 * of one (it happened on loaded CI machines). Chromium and Firefox keep a failed module for the page's
 * life: there the second try fails at once, as the first did, and the caller's fallback follows.
 */
const RETRY_AFTER_MS = 300;

export async function retriedImport<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
    return load();
  }
}
