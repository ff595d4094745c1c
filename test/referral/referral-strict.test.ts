/**
 * `<retain-referral>` on a store page as a store pastes it, under the strict policy the README asks stores to
 * allow (`script-src 'self'; style-src 'self'`, Trusted Types with lit-html and retainkit), on a 320 px phone:
 * it renders, copies and shares with no policy violation, no error and no warning, and nothing is wider than
 * the phone.
 */
import { expect } from '@open-wc/testing';
import { openPage, usePageTest, whenRendered, type StorePage } from '../support/pages.js';
import { waitUntil } from '../support/wait.js';

const part = (page: StorePage, id: string, name: string) =>
  page.doc.getElementById(id)!.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);

describe('<retain-referral> on a strict page, on a phone', () => {
  const test = usePageTest();

  it('renders, copies and shares under the strict policy at 320 px: no violation, no error, nothing too wide', async () => {
    const page = await openPage({ body: 'referral', csp: 'strict', db: test.db, width: 320, height: 900 });
    const written: string[] = [];
    Object.defineProperty(page.win.navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (value: string) => void written.push(value) },
    });
    // Without the Web Share API (as on a desktop), so that the share links show.
    Object.defineProperty(page.win.navigator, 'share', { configurable: true, value: undefined });
    await whenRendered(page, 'retain-referral');
    await waitUntil(() => part(page, 'issued', 'link')?.textContent?.includes('https://store.example/r/strict-page'), 'the issued link');

    const shared: string[] = [];
    page.doc.addEventListener('retain-referral-shared', (event) => shared.push(event.detail.channel));
    page.doc.addEventListener('click', (event) => event.preventDefault());
    part(page, 'given', 'copy-button')!.click();
    await waitUntil(() => written.length === 1, 'copied');
    expect(written[0]).to.equal('https://store.example/?ref=ANNA10-A-RATHER-LONG-REFERRAL-CODE-1234567890');
    part(page, 'given', 'channel-whatsapp')!.click();
    expect(shared).to.deep.equal(['whatsapp']);

    const width = page.doc.documentElement.clientWidth;
    expect(width).to.be.at.most(320);
    expect(page.doc.documentElement.scrollWidth, 'no sideways scroll').to.be.at.most(width);
    for (const id of ['given', 'issued']) {
      for (const el of page.doc.getElementById(id)!.shadowRoot!.querySelectorAll<HTMLElement>('[part]')) {
        expect(el.getBoundingClientRect().right, `${id} ${el.getAttribute('part')}`).to.be.at.most(width);
      }
    }
    expect(page.report.violations, 'policy violations').to.deep.equal([]);
    expect(page.report.errors, 'errors').to.deep.equal([]);
    expect(page.report.warnings, 'warnings').to.deep.equal([]);
  });
});
