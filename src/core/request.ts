/**
 * Asking the store's own endpoint for something it decides (a spin's outcome, a next-order code): a JSON POST
 * that gives up after a while, and says so in words (each engine words an abort its own way).
 */

export interface StoreAnswer {
  status: number;
  ok: boolean;
  /** The JSON the store answered; undefined for an answer without a body (204). */
  answer: unknown;
}

/**
 * POSTs `body` as JSON to `url` (same-origin credentials) and reads the JSON answer, all within `timeoutMs`.
 * Rejects on a network error, a body that is not JSON, or the timeout.
 */
export async function postToStore(url: string, body: unknown, timeoutMs: number): Promise<StoreAnswer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
      signal: abort.signal,
    });
    const text = await response.text();
    let answer: unknown;
    try {
      answer = text.trim() ? JSON.parse(text) : undefined;
    } catch {
      if (response.ok) throw new Error('the store answered with malformed JSON');
    }
    return { status: response.status, ok: response.ok, answer };
  } catch (error) {
    throw abort.signal.aborted ? new Error(`the store did not answer in time (${timeoutMs} ms)`) : error;
  } finally {
    clearTimeout(timer);
  }
}
