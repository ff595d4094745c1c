/**
 * The test runner itself, in every engine: the key names tests use work in Chromium, Firefox and WebKit
 * (web-test-runner.config.mjs translates them for puppeteer's and WebDriver's keyboards), and a failed
 * assertion on a DOM element can be reported (scripts/wtr-safe-messages.mjs) instead of hanging the file.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

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

    it('types text and presses Enter', async () => {
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
      await sendKeys({ type: 'tea 2' });
      await sendKeys({ press: 'Enter' });
      expect(submitted).to.equal('tea 2');
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
});
