/**
 * The test runner itself, in every engine: the key names tests use work in Chromium, Firefox and WebKit
 * (web-test-runner.config.mjs translates them for puppeteer's and WebDriver's keyboards), emulateMedia and
 * setViewport work there too (scripts/wtr-portable-commands.mjs), and a failed assertion on a DOM element
 * can be reported (scripts/wtr-safe-messages.mjs) instead of hanging the file, the console guard is on in
 * a file that does not import it (scripts/wtr-console-guard.mjs), and an error in node that nothing awaited
 * does not end the run (test/support/passed-failed-reporter.mjs).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { consoleWatched } from './support/console-guard.js';
import { waitUntil } from './support/wait.js';

describe('test tooling', () => {
  describe('sendKeys, the same in every engine', () => {
    it('Tab and Shift+Tab move focus', async () => {
      const root = await fixture<HTMLElement>(html`<div><button id="a">a</button><button id="b">b</button></div>`);
      root.querySelector<HTMLButtonElement>('#a')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.id).to.equal('b');
      await sendKeys({ press: 'Shift+Tab' });
      expect(document.activeElement?.id).to.equal('a');
    });

    it('Space ticks a checkbox and clicks a button', async () => {
      let clicks = 0;
      const root = await fixture<HTMLElement>(
        html`<div><input type="checkbox" id="c" aria-label="c" /><button id="b" @click=${() => clicks++}>b</button></div>`,
      );
      root.querySelector<HTMLInputElement>('#c')!.focus();
      await sendKeys({ press: 'Space' });
      expect(root.querySelector<HTMLInputElement>('#c')!.checked).to.equal(true);
      root.querySelector<HTMLButtonElement>('#b')!.focus();
      await sendKeys({ press: 'Space' });
      expect(clicks).to.equal(1);
    });

    it('types text (repeated letters and spaces too) and presses Enter', async () => {
      let submitted = '';
      const root = await fixture<HTMLElement>(html`
        <form
          @submit=${(event: SubmitEvent) => {
            event.preventDefault();
            submitted = new FormData(event.target as HTMLFormElement).get('q') as string;
          }}
        >
          <input name="q" aria-label="q" /><button>go</button>
        </form>
      `);
      root.querySelector<HTMLInputElement>('input')!.focus();
      await sendKeys({ type: 'green tea  2' });
      await sendKeys({ press: 'Enter' });
      expect(submitted).to.equal('green tea  2');
    });
  });

  describe('emulateMedia and setViewport, in every engine', () => {
    afterEach(async () => {
      await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
      await setViewport({ width: 800, height: 600 });
    });

    it('scripts see the emulated reduced motion and colour scheme, and hear the change', async () => {
      const list = matchMedia('(prefers-reduced-motion: reduce)');
      const heard: boolean[] = [];
      list.addEventListener('change', (event) => heard.push(event.matches));
      await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
      await waitUntil(() => heard.length === 1, 'no change event for reduced motion');
      expect(list.matches).to.equal(true);
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
      expect(matchMedia('(prefers-reduced-motion)').matches).to.equal(true);
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      expect(matchMedia('(prefers-color-scheme: light)').matches).to.equal(false);
      await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
      await waitUntil(() => heard.length === 2, 'no change event back');
      expect(heard).to.deep.equal([true, false]);
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(false);
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(false);
    });

    it('setViewport gives the page the asked viewport', async () => {
      // 480: MiniBrowser (WebKit) cannot get narrower than about 450 px.
      await setViewport({ width: 480, height: 640 });
      await waitUntil(() => innerWidth === 480 && innerHeight === 640, `viewport is ${innerWidth}×${innerHeight}`);
      expect(matchMedia('(max-width: 500px)').matches).to.equal(true);
    });
  });

  it('results holding DOM elements, functions and cycles can be sent to the runner', async () => {
    const path = '/__web-dev-server__web-socket.js';
    const { stable } = (await import(/* @vite-ignore */ path)) as { stable: (value: unknown) => string };
    const cycle: Record<string, unknown> = { name: 'cycle' };
    cycle.self = cycle;
    const button = document.createElement('button');
    button.setAttribute('part', 'submit');
    const sent = JSON.parse(stable({ error: { actual: button, expected: document.body, fn: function spy() {}, cycle } }));
    expect(sent.error.actual).to.equal('<button part="submit">');
    expect(sent.error.expected).to.match(/^<body/);
    expect(sent.error.fn).to.equal('[Function spy]');
    expect(sent.error.cycle).to.deep.equal({ name: 'cycle', self: '[Circular]' });
  });

  it('a promise rejected in node with nothing awaiting it does not stop the run', async () => {
    // Without the reporter's handler wtr stops every engine's run at once, and this file never finishes.
    expect((await fetch('/test-api/runner/reject', { method: 'POST' })).status).to.equal(204);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await fetch('/test-api/runner/reject', { method: 'GET' })).status, 'the server still answers').to.equal(404);
  });

  it('the console guard watches every test, in a file that does not ask for it', () => {
    // This file starts no watch itself: the runner's plugin put the guard in.
    expect(consoleWatched()).to.equal(true);
  });
});
