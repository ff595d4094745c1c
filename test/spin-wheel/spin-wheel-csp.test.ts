/**
 * The wheel on a store page with a strict Content-Security-Policy (`test/support/spin-wheel-strict.html`:
 * `script-src 'self'; style-src 'self'` and Trusted Types with Lit's policy name only). Inline `style="…"`
 * attributes are refused there: the wheel sets its angles and colours through the CSSOM instead.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sliceAt } from '../../src/spin-wheel/rotation.js';
import type { RetainSpinWheel } from '../../src/spin-wheel/spin-wheel.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { shadow, spinButton } from '../support/spin-wheel.js';
import { waitUntil } from '../support/wait.js';

interface StrictPage extends Window {
  violations: string[];
  errors: string[];
  strictReady: Promise<unknown>;
}

/** The angle of a computed `matrix(a, b, …)` transform, in degrees within [0, 360). */
function angleOf(transform: string): number {
  const [a, b] = /^matrix\(([^)]+)\)$/.exec(transform)![1].split(',').map(Number);
  return ((((Math.atan2(b, a) * 180) / Math.PI) % 360) + 360) % 360;
}

async function openStrictPage(db: string): Promise<{ frame: HTMLIFrameElement; page: StrictPage }> {
  const frame = document.createElement('iframe');
  frame.width = '480';
  frame.height = '900';
  frame.src = `/test/support/spin-wheel-strict.html?db=${encodeURIComponent(db)}`;
  document.body.append(frame);
  await waitUntil(() => (frame.contentWindow as StrictPage | null)?.strictReady, 'the strict page did not start');
  const page = frame.contentWindow as StrictPage;
  await page.strictReady;
  return { frame, page };
}

describe('retain-spin-wheel under a strict Content-Security-Policy', () => {
  let db: string;
  let console: ConsoleWatch;
  let frame: HTMLIFrameElement | undefined;

  beforeEach(() => {
    db = freshDatabase().name;
    console = watchConsole();
  });
  afterEach(async () => {
    frame?.remove();
    frame = undefined;
    console.stop();
    await deleteDatabases();
  });

  it('draws the wheel turned and coloured, spins and shows the result, with no violation and no error', async () => {
    const opened = await openStrictPage(db);
    frame = opened.frame;
    const { page } = opened;
    const el = page.document.querySelector<RetainSpinWheel>('#inline')!;
    await waitUntil(
      () => el.shadowRoot && shadow(el, '.actions') && !shadow<HTMLFormElement>(el, '.actions')!.hidden,
      'the wheel did not load',
    );
    const wheel = shadow(el, '[part~=wheel]')!;
    const style = (node: Element) => page.getComputedStyle(node);
    // At rest, slice 1 of 4 sits under the pointer: the wheel is turned back by half a slice.
    expect(style(wheel).transform).to.match(/^matrix\(/);
    expect(angleOf(style(wheel).transform)).to.be.closeTo(315, 0.01);
    const paths = [...el.shadowRoot!.querySelectorAll('[part~=wheel] path')];
    // The palette's first colour, and the store's own colour for slice 3: not the black of no fill.
    expect(style(paths[0]).fill).to.equal('rgb(200, 50, 74)');
    expect(style(paths[2]).fill).to.equal('rgb(47, 93, 80)');
    const labels = [...el.shadowRoot!.querySelectorAll('[part~=label]')];
    // Each label lies along its slice's middle (-45° for the first of four), in the size worked out for it.
    expect(style(labels[0]).getPropertyValue('--_a').trim()).to.equal('-45deg');
    expect(style(labels[1]).getPropertyValue('--_a').trim()).to.equal('45deg');
    expect(style(labels[0]).getPropertyValue('--_fs').trim()).to.match(/cqi$/);

    const ended = oneEvent(el, 'retain-spin-ended');
    spinButton(el).click();
    const { slice } = (await ended).detail;
    expect(sliceAt(angleOf(style(wheel).transform), 4)).to.equal(slice);
    await waitUntil(() => shadow(el, '[part~=result]'), 'no result card');

    // The popup: its own styles and its dialog under the same policy.
    const popup = page.document.querySelector<RetainSpinWheel>('#popup')!;
    await waitUntil(() => popup.shadowRoot && shadow(popup, '[part~=launcher]'), 'no launcher');
    shadow<HTMLButtonElement>(popup, '[part~=launcher]')!.click();
    await waitUntil(
      () => shadow<HTMLDialogElement>(popup, 'dialog')?.open && shadow(popup, '[part~=wheel] path'),
      'the popup did not open',
    );
    expect(page.getComputedStyle(shadow(popup, 'dialog')!).position).to.equal('fixed');
    expect(style(shadow(popup, '[part~=wheel] path')!).fill).to.equal('rgb(200, 50, 74)');
    const popupEnded = oneEvent(popup, 'retain-spin-ended');
    spinButton(popup).click();
    await popupEnded;

    // A violation is reported in a task of its own: one more round trip lets any late one arrive.
    await new Promise((resolve) => page.setTimeout(resolve, 0));
    expect(page.violations).to.deep.equal([]);
    expect(page.errors).to.deep.equal([]);
  });
});
