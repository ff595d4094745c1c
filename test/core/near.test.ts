/**
 * core/near.ts's `onceSeen`, the "seen" count and event every widget uses: once stopped (the widget removed from the
 * page), it never calls back. The browser may still deliver entries it queued before `disconnect()` (the spec leaves
 * them queued); a stand-in IntersectionObserver delivers such an entry here, as a loaded machine does at random.
 */
import { expect } from '@open-wc/testing';
import { onceSeen } from '../../src/core/near.js';
import { waitUntil } from '../support/wait.js';

type Entry = Pick<IntersectionObserverEntry, 'isIntersecting' | 'intersectionRatio' | 'intersectionRect' | 'rootBounds'>;
type Callback = (entries: Entry[]) => void;

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
    const entry = (isIntersecting: boolean): Entry => ({
      isIntersecting,
      intersectionRatio: isIntersecting ? 1 : 0,
      intersectionRect: new DOMRectReadOnly(0, 0, 100, isIntersecting ? 100 : 0),
      rootBounds: new DOMRectReadOnly(0, 0, 800, 600),
    });
    body((isIntersecting) => callbacks.forEach((callback) => callback([entry(isIntersecting)])));
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

  it('a sliver at the screen’s edge is not seen; half of the element is, and half the screen filled by a tall one', async () => {
    // The observer's first entry comes at once, whatever its threshold, and says "intersecting" for a sliver.
    const frames = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    };
    const spacer = Object.assign(document.createElement('div'), { style: `height: ${innerHeight * 8}px` });
    const box = (height: number, top: number) => {
      const el = document.createElement('div');
      el.style.cssText = `position: absolute; left: 0; width: 100px; height: ${height}px; top: ${top}px`;
      document.body.append(el);
      return el;
    };
    document.body.append(spacer);
    const small = box(200, innerHeight - 20);
    const tall = box(innerHeight * 3, innerHeight * 2);
    const seen: string[] = [];
    const stops = [onceSeen(small, () => seen.push('small')), onceSeen(tall, () => seen.push('tall'))];
    try {
      await frames(4);
      expect(seen, '20 px of 200 on screen').to.deep.equal([]);
      scrollTo(0, 120);
      await waitUntil(() => seen.includes('small'), 'half of the small box on screen', { timeout: 5000 });
      scrollTo(0, innerHeight * 2 + 10);
      await waitUntil(() => seen.includes('tall'), 'the tall box filling the screen', { timeout: 5000 });
    } finally {
      stops.forEach((stop) => stop());
      scrollTo(0, 0);
      [spacer, small, tall].forEach((el) => el.remove());
    }
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
