import { expect } from '@open-wc/testing';
import { retriedImport } from '../../src/core/retried-import.js';

const isWebKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Chromium/.test(navigator.userAgent);

async function requests(key: string): Promise<number> {
  return (await fetch(`/test-api/module/requests?key=${key}`)).json();
}

describe('retriedImport', () => {
  it('tries a failed import once more, a moment later, and resolves with the second try', async () => {
    let calls = 0;
    const started = performance.now();
    const value = await retriedImport(async () => {
      if (++calls === 1) throw new TypeError('Importing a module script failed.');
      return 'module';
    });
    expect(value).to.equal('module');
    expect(calls).to.equal(2);
    expect(performance.now() - started, 'waited before the second try').to.be.at.least(250);
  });

  it('rejects with the second failure when both fail, and tries no third time', async () => {
    let calls = 0;
    const error = await retriedImport(async () => {
      calls++;
      throw new TypeError(`Importing a module script failed. (${calls})`);
    }).catch((e: unknown) => e);
    expect(String(error)).to.equal('TypeError: Importing a module script failed. (2)');
    expect(calls).to.equal(2);
  });

  it('does not try again a module whose code threw: it rejects at once with that error', async () => {
    let calls = 0;
    const error = await retriedImport(async () => {
      calls++;
      throw new TypeError('Failed to execute createPolicy: "lit-html" is not allowed');
    }).catch((e: unknown) => e);
    expect(String(error)).to.contain('lit-html');
    expect(calls).to.equal(1);
  });

  it('a real module whose first request failed: WebKit fetches it again and loads it; Chromium and Firefox keep the failure', async () => {
    const key = Math.random().toString(36).slice(2);
    const url = `/test-api/module.js?key=${key}&fail=1`;
    const result = await retriedImport(() => import(/* @vite-ignore */ url) as Promise<{ loaded: number }>).then(
      (module) => module.loaded,
      () => 'failed',
    );
    if (isWebKit) {
      expect(result, 'loaded by the second request').to.equal(2);
      expect(await requests(key)).to.equal(2);
    } else {
      expect(result).to.equal('failed');
      expect(await requests(key), 'the engine did not ask again').to.equal(1);
    }
  });
});
