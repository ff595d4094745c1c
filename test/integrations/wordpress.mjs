#!/usr/bin/env node
// The WordPress plugin (integrations/wordpress/retainkit/) in a real WordPress: Debian's `wordpress` (6.1),
// PHP's built-in server, MariaDB. This script starts what it needs, installs a fresh site into its own
// database, activates the plugin as WordPress does, and checks in Chromium:
//   - the loader is printed as a module script (6.1 has no Script Modules API: the fallback);
//   - shortcodes render the elements on the server and the widgets come alive with their attributes;
//   - an author's pasted <retain-spin-wheel> is stripped by WordPress (KSES) while the shortcode stays;
//   - WooCommerce's thank-you hook (called with a stand-in order: WooCommerce is not packaged in Debian)
//     prints <retain-order> and the account prompt filled from the order (the once-per-order widgets at the
//     order's first view only), and the prompt's sign-up through the plugin's REST endpoint makes the customer
//     and links the order;
//   - the settings page (logged in as the admin) saves, and its forwarding shows on the site.
// Needs root (it starts MariaDB and writes /etc/wordpress/config-127.0.0.1.php) and the packages
// `wordpress php-cli php-mysql mariadb-server` (.ci/run installs them). Run after `npm run build` (the plugin's
// assets/ and includes/elements.php). Prints `wordpress: N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { root } from '../../scripts/entries.mjs';
import { assert, checks, launchChromium, watchedPage, withScriptsOff } from './support.mjs';

const { check, fail, report } = checks('wordpress');
const here = join(root, 'test', 'integrations', 'wordpress');
const plugin = join(root, 'integrations', 'wordpress', 'retainkit');
const WORDPRESS = '/usr/share/wordpress';
const HOST = '127.0.0.1';
const CONFIG = `/etc/wordpress/config-${HOST}.php`;
const DATABASE = 'retainkit_wp_test';
const started = Date.now();

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')}: ${result.error?.message ?? ''}${result.stderr}${result.stdout}`.slice(0, 2000));
  return result.stdout;
}
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const missing = ['/usr/bin/php', `${WORDPRESS}/wp-load.php`, '/usr/sbin/mariadbd'].filter((path) => !existsSync(path));
if (missing.length) {
  fail(`not installed: ${missing.join(', ')} (apt-get install wordpress php-cli php-mysql mariadb-server)`);
  process.exit(report());
}
if (!existsSync(join(plugin, 'assets', 'retainkit.js')) || !existsSync(join(plugin, 'includes', 'elements.php'))) {
  fail('the plugin is not built: run `npm run build` first');
  process.exit(report());
}

await check('every PHP file of the plugin parses (php -l)', () => {
  for (const file of [
    'retainkit.php',
    ...['settings', 'script', 'shortcodes', 'woocommerce', 'account-endpoint', 'elements'].map((name) => `includes/${name}.php`),
  ])
    sh('php', ['-l', join(plugin, file)]);
});

// MariaDB, and a database of our own made afresh.
if (spawnSync('mysqladmin', ['ping'], { encoding: 'utf8' }).status !== 0) sh('service', ['mariadb', 'start']);
sh('mysql', [
  '-uroot',
  '-e',
  `DROP DATABASE IF EXISTS ${DATABASE}; CREATE DATABASE ${DATABASE}; CREATE USER IF NOT EXISTS 'retainkit'@'localhost' IDENTIFIED BY 'retainkit'; GRANT ALL ON ${DATABASE}.* TO 'retainkit'@'localhost';`,
]);

// wp-content of our own: the plugin (linked, as built), the WooCommerce stand-in, the default theme, reviews.
const content = mkdtempSync(join(tmpdir(), 'retainkit-wp-'));
for (const dir of ['plugins', 'mu-plugins', 'themes', 'uploads']) mkdirSync(join(content, dir));
symlinkSync(plugin, join(content, 'plugins', 'retainkit'));
symlinkSync(`${WORDPRESS}/wp-content/themes/twentytwentythree`, join(content, 'themes', 'twentytwentythree'));
copyFileSync(join(here, 'woocommerce-stand-in.php'), join(content, 'mu-plugins', 'woocommerce-stand-in.php'));
writeFileSync(
  join(content, 'reviews.json'),
  JSON.stringify({
    product: { id: 'mug-01', name: 'Stoneware mug' },
    reviews: [
      { id: 'r1', rating: 5, title: 'Keeps coffee hot', author: 'Anna K.', date: '2025-03-14' },
      { id: 'r2', rating: 4, title: 'Nice glaze', author: 'Olha', date: '2025-03-01' },
      { id: 'r3', rating: 5, title: 'Heavy and solid', author: 'Béla', date: '2025-02-20' },
    ],
  }),
);
const port = await freePort();
const origin = `http://${HOST}:${port}`;
writeFileSync(
  CONFIG,
  `<?php
// Written by retainkit's test/integrations/wordpress.mjs; removed when it ends.
define('DB_NAME', '${DATABASE}');
define('DB_USER', 'retainkit');
define('DB_PASSWORD', 'retainkit');
define('DB_HOST', 'localhost');
define('WP_HOME', '${origin}');
define('WP_SITEURL', '${origin}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${origin}/wp-content');
// The site calls nothing outside this machine (no update checks, no news feeds on the dashboard, which would
// hang on an offline CI machine), and runs no cron through a loopback request to the one-process PHP server.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', true);
$table_prefix = 'wp_';
`,
);

// Workers: one process serves one connection at a time, so a connection a browser opens and leaves idle, or a slow
// request, would hold up every other (CI run 35: the admin's login redirect waited 30 s on a loaded machine).
// A process group of its own: the workers are forked children, which outlived a kill of the server alone (each run
// left four `php -S` behind).
const server = spawn('php', ['-S', `${HOST}:${port}`, '-t', WORDPRESS, join(here, 'router.php')], {
  env: { ...process.env, RETAINKIT_WP_CONTENT: content, PHP_CLI_SERVER_WORKERS: '4' },
  stdio: ['ignore', 'ignore', 'pipe'],
  detached: true,
});
let serverLog = '';
server.stderr.on('data', (chunk) => (serverLog = (serverLog + chunk).slice(-4000)));
/** Each widget of the page: [its tag, its top in the page, its height]. */
const widgetBoxes = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('retain-spin-wheel, retain-loyalty-badge, retain-review-showcase')].map((el) => {
      const box = el.getBoundingClientRect();
      return [el.localName, Math.round(box.top + scrollY), Math.round(box.height)];
    }),
  );

const browser = await launchChromium();
try {
  for (let i = 0; i < 50; i++) {
    if (
      await fetch(`${origin}/wp-admin/install.php`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const install = await fetch(`${origin}/wp-admin/install.php?step=2`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      weblog_title: 'Tea shop',
      user_name: 'admin',
      admin_password: 'retainkit-admin',
      admin_password2: 'retainkit-admin',
      pw_weak: '1',
      admin_email: 'admin@example.com',
      blog_public: '0',
    }),
  }).then((r) => r.text());
  assert(install.includes('Success'), `WordPress did not install:\n${install.slice(0, 500)}`);
  const site = JSON.parse(sh('php', [join(here, 'setup.php'), HOST], { env: { ...process.env } }));
  console.log(
    `wordpress: WordPress ${sh('php', ['-r', `include '${WORDPRESS}/wp-includes/version.php'; echo $wp_version;`])} at ${origin}, plugin active (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );

  await check('WordPress strips an author’s pasted <retain-spin-wheel> (KSES) and keeps the shortcode', () => {
    assert(!site.pasted.includes('<retain-spin-wheel'), `the element survived: ${site.pasted}`);
    assert(site.pasted.includes('[retain_order order-id="77" total="1"]'), `the shortcode did not survive: ${site.pasted}`);
  });

  const html = await fetch(site.widgets).then((r) => r.text());
  await check('the loader is printed once, as a module script (the fallback for WordPress before 6.5)', () => {
    const tags = html.match(/<script[^>]*assets\/retainkit\.js[^>]*>/g) ?? [];
    assert(tags.length === 1, `loader tags: ${JSON.stringify(tags)}`);
    assert(/type="module"/.test(tags[0]) && !/text\/javascript/.test(tags[0]), tags[0]);
  });
  await check('shortcodes become the elements with their attributes, on the server', () => {
    for (const expected of [
      '<retain-spin-wheel instance="home" cooldown="7d" show-odds apply-url="/?discount={code}">',
      '<retain-slice type="discount" codes="TEN-A1 TEN-B2" weight="3">10% off</retain-slice>',
      '<retain-loyalty-badge points="1300"',
      '<!-- retainkit: [retain_loyalty_badge] has no attribute unknown-thing; left out -->',
      '<retain-review-showcase view="grid" page-size="2" src=',
    ])
      assert(html.includes(expected), `the page lacks ${expected}`);
  });

  if (!browser) fail('Chromium is missing');
  else {
    const { page, problems, close } = await watchedPage(browser);
    await page.goto(site.widgets);
    if (process.env.RETAINKIT_SCREENSHOTS) {
      await page.waitForFunction(
        () => document.querySelector('retain-review-showcase')?.shadowRoot?.querySelector('[part="review"]'),
        null,
        { timeout: 10_000 },
      );
      await page.screenshot({
        path: join(root, 'integrations', 'wordpress', 'docs', 'page.png'),
        clip: { x: 0, y: 0, width: 1280, height: 1700 },
      });
    }
    await check('on the page, the wheel shows its three prizes, the badge its points, the showcase two reviews', async () => {
      await page.waitForFunction(
        () => document.querySelector('retain-spin-wheel')?.shadowRoot?.querySelectorAll('[part="prizes"] li').length === 3,
        null,
        { timeout: 10_000 },
      );
      await page.waitForFunction(() => document.querySelector('retain-loyalty-badge')?.shadowRoot?.textContent.includes('1,300'), null, {
        timeout: 10_000,
      });
      // JSON in a shortcode, its brackets written &#91; and &#93; as the README says (a "]" ends the shortcode).
      const rewards = await page.evaluate(() => document.querySelector('retain-loyalty-badge')?.getAttribute('rewards'));
      assert(JSON.parse(rewards ?? 'null')?.[0]?.label === '5 off', `the badge's rewards: ${rewards}`);
      await page.waitForFunction(
        () => document.querySelector('retain-review-showcase')?.shadowRoot?.querySelectorAll('[part="review"]').length === 2,
        null,
        { timeout: 10_000 },
      );
      assert(problems.length === 0, problems.join('\n'));
    });
    await check(
      'the plugin’s stylesheet reserves the widgets’ space: the badge’s exactly, the wheel’s and the showcase’s within a tenth',
      async () => {
        const links = html.match(/<link[^>]*assets\/retainkit\.css[^>]*>/g) ?? [];
        assert(links.length === 1, `stylesheet links: ${JSON.stringify(links)}`);
        const drawn = await widgetBoxes(page);
        const reserved = await withScriptsOff(browser, site.widgets, { width: 1280, height: 2400 }, widgetBoxes);
        const boxes = `drawn ${JSON.stringify(drawn)}, before the kit ${JSON.stringify(reserved)}`;
        const height = (of, tag) => of.find(([name]) => name === tag)[2];
        // The badge's height is known: held exactly. A wheel's and a showcase's depend on their prizes, reviews and
        // column: the stylesheet reserves typical ones, within a tenth here (the rest is the theme's to tune).
        assert(height(reserved, 'retain-loyalty-badge') === height(drawn, 'retain-loyalty-badge'), boxes);
        for (const tag of ['retain-spin-wheel', 'retain-review-showcase']) {
          const off = Math.abs(height(reserved, tag) - height(drawn, tag));
          assert(off <= 0.1 * height(drawn, tag), `${tag} reserved ${off} px off its height: ${boxes}`);
        }
      },
    );
    await close();

    const thanks = await watchedPage(browser);
    /** The order's thank-you page as at its first view (the plugin prints its once-per-order widgets then only). */
    const firstView = (fetched) => (sh('php', [join(here, 'check.php'), HOST, 'forget-views']), fetched());
    const thankyouHtml = await firstView(() => fetch(site.thankyou).then((r) => r.text()));
    await check('the thank-you hook prints <retain-order> and the account prompt, filled from the order', () => {
      assert(
        thankyouHtml.includes('<retain-order order-id="1001" total="59.90" currency="EUR"></retain-order>'),
        'no <retain-order> for the order',
      );
      const action = new URL(
        thankyouHtml.match(/<retain-account-prompt[^>]*\saction="([^"]*)"/)?.[1].replaceAll('&#038;', '&') ?? 'about:blank',
      );
      const route = action.searchParams.get('rest_route') ?? action.pathname.replace(/^.*\/wp-json/, '');
      assert(
        route === '/retainkit/v1/account' && action.searchParams.get('order') === 'wc_order_StandIn1001',
        `the prompt's action is ${action}`,
      );
      for (const expected of ['order-id="1001"', 'email="anna@example.com"', 'status="guest"', 'mode="json"'])
        assert(thankyouHtml.includes(expected), `the prompt lacks ${expected}: ${thankyouHtml.match(/<retain-account-prompt[^>]*>/)?.[0]}`);
    });
    await check(
      'a later view (a reload) prints <retain-order> but none of the once-per-order widgets, whose space would fold away',
      async () => {
        const again = await fetch(site.thankyou).then((r) => r.text());
        assert(again.includes('<retain-order order-id="1001"'), 'no <retain-order> on a later view');
        assert(
          !/<retain-(account-prompt|next-order-offer|survey)\b/.test(again),
          `a once-per-order widget on a later view: ${again.match(/<retain-[a-z-]+/g)}`,
        );
        assert(JSON.parse(sh('php', [join(here, 'check.php'), HOST])).viewed, 'the order is not marked viewed');
      },
    );
    await firstView(() => thanks.page.goto(site.thankyou));
    await check('the prompt’s sign-up goes through the plugin’s endpoint: the customer is made and the order linked', async () => {
      await thanks.page.waitForFunction(
        () => document.querySelector('retain-account-prompt')?.shadowRoot?.querySelector('[part="submit"]'),
        null,
        { timeout: 10_000 },
      );
      await thanks.page.evaluate(() => {
        window.created = new Promise((resolve) =>
          document.addEventListener('retain-account-created', (event) => resolve(event.detail), { once: true }),
        );
      });
      await thanks.page.locator('retain-account-prompt [part="submit"]').click();
      const detail = await thanks.page.evaluate(() =>
        Promise.race([window.created, new Promise((resolve) => setTimeout(resolve, 10_000, 'timeout'))]),
      );
      assert(
        detail !== 'timeout',
        `no retain-account-created; the prompt says: ${await thanks.page.evaluate(() => document.querySelector('retain-account-prompt').shadowRoot.textContent.replace(/\s+/g, ' ').slice(0, 300))}`,
      );
      const after = JSON.parse(sh('php', [join(here, 'check.php'), HOST]));
      assert(after.customer > 0 && after.email === 'anna@example.com', JSON.stringify(after));
      assert(after.consent && after.consent.email === false && after.consent.sms === false, `consent: ${JSON.stringify(after.consent)}`);
      assert(thanks.problems.length === 0, thanks.problems.join('\n'));
    });
    await check('the endpoint refuses a second sign-up for the order (409) and a guessed order key (403)', async () => {
      const response = await fetch(`${origin}/?rest_route=/retainkit/v1/account&order=wc_order_StandIn1001`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orderId: '1001', email: 'anna@example.com' }),
      });
      assert(response.status === 409, `status ${response.status}`);
      const wrongKey = await fetch(`${origin}/?rest_route=/retainkit/v1/account&order=guessed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orderId: '1001', email: 'anna@example.com' }),
      });
      assert(wrongKey.status === 403, `a guessed order key: status ${wrongKey.status}`);
    });
    await thanks.close();

    const admin = await watchedPage(browser, { width: 1280, height: 1100 });
    await check('the settings page saves, and the site then forwards events to the dataLayer', async () => {
      // Logged in straight to the plugin's settings: the dashboard is not what this checks.
      const settings = `${origin}/wp-admin/options-general.php?page=retainkit`;
      await admin.page.goto(`${origin}/wp-login.php?redirect_to=${encodeURIComponent(settings)}`);
      await admin.page.fill('#user_login', 'admin');
      await admin.page.fill('#user_pass', 'retainkit-admin');
      await admin.page.click('#wp-submit');
      await admin.page.waitForURL(/options-general\.php\?page=retainkit/);
      await admin.page.check('input[name="retainkit_settings[forward_datalayer]"]');
      await admin.page.fill('#retainkit-incentive', '10% off your next order');
      await admin.page.fill('#retainkit-offer-codes', 'NEXT-A1 NEXT-B2');
      await admin.page.fill('#retainkit-offer-discount', '15%');
      await admin.page.check('input[name="retainkit_settings[survey]"]');
      await admin.page.fill('#retainkit-survey-action', 'https://store.example/survey');
      if (process.env.RETAINKIT_SCREENSHOTS)
        await admin.page.screenshot({ path: join(root, 'integrations', 'wordpress', 'docs', 'settings.png'), fullPage: true });
      await admin.page.click('#submit');
      await admin.page.waitForSelector('#setting-error-settings_updated');
      const front = await fetch(site.widgets).then((r) => r.text());
      assert(front.includes('<retain-forward to="datalayer"></retain-forward>'), 'no <retain-forward to="datalayer"> after saving');
      const thankyou = await firstView(() => fetch(site.thankyou).then((r) => r.text()));
      assert(thankyou.includes('incentive="10% off your next order"'), 'the incentive did not reach the prompt');
      // The thank-you page's second wave, from the settings: the offer (the order's own coupon marked used), the survey.
      const offer = thankyou.match(/<retain-next-order-offer[^>]*>/)?.[0] ?? '';
      for (const expected of ['order-id="1001"', 'codes="NEXT-A1 NEXT-B2"', 'currency="EUR"', 'discount="15%"', 'order-codes="WELCOME10"'])
        assert(offer.includes(expected), `the offer lacks ${expected}: ${offer}`);
      const survey = thankyou.match(/<retain-survey[^>]*>/)?.[0] ?? '';
      assert(survey.includes('order-id="1001"') && survey.includes('action="https://store.example/survey"'), `the survey: ${survey}`);
    });
    await check('before those settings, the thank-you page had no offer and no survey', () => {
      assert(
        !thankyouHtml.includes('<retain-next-order-offer') && !thankyouHtml.includes('<retain-survey'),
        'an offer or a survey unasked for',
      );
    });
    await check('an http endpoint on another site is refused with a notice (the kit would never send to it)', async () => {
      const settings = `${origin}/wp-admin/options-general.php?page=retainkit`;
      await admin.page.goto(settings);
      await admin.page.fill('#retainkit-endpoint', 'http://collector.example/events');
      await admin.page.fill('#retainkit-survey-action', 'http://collector.example/answers');
      await admin.page.click('#submit');
      await admin.page.waitForURL(/options-general\.php\?page=retainkit/);
      for (const field of ['forward_endpoint', 'survey_action'])
        assert(await admin.page.isVisible(`#setting-error-${field}`), `no notice for ${field}`);
      assert((await admin.page.inputValue('#retainkit-endpoint')) === '', 'the refused endpoint was saved');
      assert(
        (await admin.page.inputValue('#retainkit-survey-action')) === 'https://store.example/survey',
        'the last survey address was lost',
      );
      const front = await fetch(site.widgets).then((r) => r.text());
      assert(!front.includes('collector.example'), 'the refused endpoint reached the page');
    });
    await admin.close();
  }
} catch (error) {
  fail(`${error.stack ?? error}\n      php -S said: ${serverLog.slice(-1500)}`);
} finally {
  await browser?.close();
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  rmSync(CONFIG, { force: true });
  rmSync(content, { recursive: true, force: true });
  spawnSync('mysql', ['-uroot', '-e', `DROP DATABASE IF EXISTS ${DATABASE};`]);
}
console.log(`wordpress: ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(report());
