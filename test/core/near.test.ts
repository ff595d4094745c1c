/**
 * core/near.ts's `onceSeen`, the "seen" count and event every widget uses: once stopped (the widget removed from the
 * page), it never calls back. The browser may still deliver entries it queued before `disconnect()` (the spec leaves
 * them queued); a stand-in IntersectionObserver delivers such an entry here, as a loaded machine does at random.
 */
import { expect } from '@open-wc/testing';
import { onceSeen } from '../../src/core/near.js';

type Callback = (entries: Pick<IntersectionObserverEntry, 'isIntersecting'>[]) => void;

/** Runs `body` with a stand-in IntersectionObserver whose callbacks the test calls itself. */
function withStandIn(body: (deliver: (isIntersecting: boolean) => void) => void): void {
  const real = globalThis.IntersectionObserver;
  const callbacks: Callback[] = [];
  globalThis.IntersectionObserver = class {
    constructor(callback: Callback) {
      callbacks.push(callback);
    }
    observe(): void {}
    disconnect(): void {}
  } as unknown as typeof IntersectionObserver;
  try {
    body((isIntersecting) => callbacks.forEach((callback) => callback([{ isIntersecting }])));
  } finally {
    globalThis.IntersectionObserver = real;
  }
}

describe('onceSeen', () => {
  it('calls back once, when the element is first half in view', () => {
    withStandIn((deliver) => {
      let seen = 0;
      onceSeen(document.body, () => seen++);
      deliver(false);
      expect(seen).to.equal(0);
      deliver(true);
      deliver(true);
      expect(seen).to.equal(1);
    });
  });

  it('never calls back once stopped, even for an entry the browser queued before the stop', () => {
    withStandIn((deliver) => {
      let seen = 0;
      const stop = onceSeen(document.body, () => seen++);
      stop();
      deliver(true);
      expect(seen, 'seen after it was stopped').to.equal(0);
    });
  });
});
