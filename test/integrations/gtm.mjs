#!/usr/bin/env node
// The Google Tag Manager integration (integrations/gtm/), without Google Tag Manager (it is not on npm, and
// this machine reaches nothing else):
//   - template.tpl is read as GTM reads it (its sections, JSON where GTM expects JSON), every API its
//     sandboxed code requires has the permission it needs, every `data.x` is a field, and the default
//     loader URL is the package's version and allowed by the Injects scripts permission;
//   - its sandboxed code runs in Chromium over a stand-in of the GTM APIs it uses (injectScript adds a
//     classic script, as GTM's does), on a store page with the built kit: the widgets come alive, the
//     dataLayer gets their events with the same GA4 names and parameters as the kit's own
//     <retain-forward to="datalayer">, and consent mode's analytics_storage reaches retainkit.consent;
//   - the classic bootstrap snippet (bootstrap.html) loads the loader once, however often it runs, and
//     forwards to the dataLayer.
// Run after `npm run build`. Prints `gtm: N passed, N failed`.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { root } from '../../scripts/entries.mjs';
import { assert, checks, launchChromium, serve, watchedPage } from './support.mjs';

const { check, fail, report } = checks('gtm');
const gtm = join(root, 'integrations', 'gtm');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const template = readFileSync(join(gtm, 'template.tpl'), 'utf8');
const bootstrap = readFileSync(join(gtm, 'bootstrap.html'), 'utf8');

/** The template's sections, by name (`___INFO___` → `INFO`). */
const sections = Object.fromEntries(
  template
    .split(/^___([A-Z_]+)___$/m)
    .slice(1)
    .reduce((pairs, part, index, parts) => (index % 2 === 0 ? [...pairs, [part, parts[index + 1].trim()]] : pairs), []),
);
const code = sections.SANDBOXED_JS_FOR_WEB_TEMPLATE ?? '';

await check('template.tpl has GTM’s sections, with JSON where GTM expects it', () => {
  for (const name of [
    'TERMS_OF_SERVICE',
    'INFO',
    'TEMPLATE_PARAMETERS',
    'SANDBOXED_JS_FOR_WEB_TEMPLATE',
    'WEB_PERMISSIONS',
    'TESTS',
    'NOTES',
  ])
    assert(name in sections, `no ___${name}___ section`);
  for (const name of ['INFO', 'TEMPLATE_PARAMETERS', 'WEB_PERMISSIONS']) JSON.parse(sections[name]);
  assert(JSON.parse(sections.INFO).containerContexts.includes('WEB'), 'not a web template');
});

await check('every API the sandboxed code requires has its permission, and every data.x is a field', () => {
  const permissions = new Map(JSON.parse(sections.WEB_PERMISSIONS).map((p) => [p.instance.key.publicId, p.instance.param]));
  const list = (publicId, key) => permissions.get(publicId)?.find((p) => p.key === key)?.value.listItem ?? [];
  const globals = Object.fromEntries(
    list('access_globals', 'keys').map((item) => [
      item.mapValue[0].string,
      Object.fromEntries(item.mapKey.slice(1).map((k, i) => [k.string, item.mapValue[i + 1].boolean])),
    ]),
  );
  const needs = {
    injectScript: 'inject_script',
    callInWindow: 'access_globals',
    createQueue: 'access_globals',
    isConsentGranted: 'access_consent',
    addConsentListener: 'access_consent',
    logToConsole: 'logging',
  };
  const required = [...code.matchAll(/require\('(\w+)'\)/g)].map(([, api]) => api);
  for (const api of required) if (needs[api]) assert(permissions.has(needs[api]), `${api} needs the ${needs[api]} permission`);
  for (const [, path] of code.matchAll(/callInWindow\('([\w.]+)'/g))
    assert(globals[path]?.execute, `callInWindow('${path}') needs execute on ${path}`);
  for (const [, key] of code.matchAll(/createQueue\('(\w+)'\)/g))
    assert(globals[key]?.read && globals[key]?.write, `createQueue('${key}') needs read and write on ${key}`);
  for (const [, type] of code.matchAll(/(?:isConsentGranted|addConsentListener)\('(\w+)'/g))
    assert(
      list('access_consent', 'consentTypes').some((item) => item.mapValue[0].string === type && item.mapValue[1].boolean),
      `reading ${type} needs access_consent`,
    );
  const fields = new Set(JSON.parse(sections.TEMPLATE_PARAMETERS).map((p) => p.name));
  for (const [, name] of code.matchAll(/data\.(\w+)/g)) assert(fields.has(name) || name.startsWith('gtmOn'), `data.${name} is no field`);
});

await check(`the default loader URL and the snippet's are retainkit@${version}, and the permission allows it`, () => {
  const url = JSON.parse(sections.TEMPLATE_PARAMETERS).find((p) => p.name === 'loaderUrl').defaultValue;
  const expected = `https://cdn.jsdelivr.net/npm/retainkit@${version}/dist/retainkit.js`;
  assert(url === expected, `the template's default is ${url}`);
  assert(bootstrap.includes(`'${expected}'`), 'the snippet loads another URL');
  const patterns = JSON.parse(sections.WEB_PERMISSIONS)
    .find((p) => p.instance.key.publicId === 'inject_script')
    .instance.param[0].value.listItem.map(
      (item) => new RegExp(`^${item.string.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*')}$`),
    );
  assert(
    patterns.some((pattern) => pattern.test(url)),
    `${url} is not allowed by the Injects scripts permission`,
  );
});

if (!existsSync(join(root, 'dist', 'retainkit.js'))) {
  fail('no dist/retainkit.js: run `npm run build` first');
  process.exit(report());
}

const store = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Store</title><link rel="icon" href="data:,"></head>
<body><h1>Tea</h1>
<retain-spin-wheel instance="gtm"><retain-slice codes="TEN-A TEN-B">10% off</retain-slice><retain-slice type="none">Not this time</retain-slice></retain-spin-wheel>
<retain-survey instance="gtm" order-id="G-1"></retain-survey>
<retain-referral instance="gtm" link="https://store.example/?ref=ANNA10" friend-gets="10%"></retain-referral>
</body></html>`;
const types = { '.js': 'text/javascript', '.map': 'application/json' };
const server = await serve((path) => {
  if (path === '/store.html') return { type: 'text/html; charset=utf-8', body: store };
  const name = path.startsWith('/dist/') && path.slice('/dist/'.length);
  if (name && !name.includes('/') && existsSync(join(root, 'dist', name)))
    return { type: types[extname(name)] ?? 'text/plain', body: readFileSync(join(root, 'dist', name)) };
  return undefined;
});
const loaderUrl = `${server.origin}/dist/retainkit.js`;

/** In the page: the GTM APIs the template uses, over the real window; calls to callInWindow are recorded. */
function runTemplate({ code, data }) {
  const gtm = (window.gtm = { calls: [], consent: { analytics_storage: true }, listeners: [], outcome: null });
  const apis = {
    injectScript(url, onSuccess, onFailure) {
      const script = document.createElement('script');
      script.src = url;
      script.onload = () => onSuccess();
      script.onerror = () => onFailure();
      document.head.append(script);
    },
    callInWindow(path, ...args) {
      gtm.calls.push([path, ...args.filter((arg) => typeof arg !== 'function')]);
      const keys = path.split('.');
      const owner = keys.slice(0, -1).reduce((object, key) => object?.[key], window);
      return owner[keys.at(-1)](...args);
    },
    createQueue(name) {
      window[name] = window[name] || [];
      return (value) => window[name].push(value);
    },
    isConsentGranted: (type) => gtm.consent[type] === true,
    addConsentListener: (type, listener) => gtm.listeners.push([type, listener]),
    getType: (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value),
    logToConsole: (...args) => console.log(...args),
    Object: { keys: Object.keys, values: Object.values, entries: Object.entries },
  };
  const require = (name) => {
    if (!(name in apis)) throw new Error(`the stand-in has no GTM API ${name}`);
    return apis[name];
  };
  data.gtmOnSuccess = () => (gtm.outcome = 'success');
  data.gtmOnFailure = () => (gtm.outcome = 'failure');
  new Function('require', 'data', code)(require, data);
}

const browser = await launchChromium();
if (!browser) fail('Chromium is missing');
else {
  let templateEntry;
  try {
    const { page, problems, close } = await watchedPage(browser);
    await page.goto(`${server.origin}/store.html`);
    await page.evaluate(runTemplate, { code, data: { loaderUrl, forwardToDataLayer: true, consent: 'analytics_storage' } });
    await check(
      'the template loads the kit (gtmOnSuccess), the wheel comes alive, its events reach the dataLayer as GA4 events',
      async () => {
        await page.waitForFunction(() => window.gtm.outcome === 'success', null, { timeout: 10_000 });
        await page.waitForFunction(() => window.dataLayer?.some((entry) => entry.event === 'retain_spin_shown'), null, { timeout: 10_000 });
        templateEntry = await page.evaluate(() => window.dataLayer.find((entry) => entry.event === 'retain_spin_shown'));
        assert(
          templateEntry.widget === 'spin-wheel' && templateEntry.instance === 'gtm' && typeof templateEntry.event_id === 'string',
          JSON.stringify(templateEntry),
        );
        assert(!('id' in templateEntry) && !('detail' in templateEntry), `not flat: ${JSON.stringify(templateEntry)}`);
      },
    );
    await check('the survey’s and the referral’s events reach the dataLayer the same way (the loader map brings them)', async () => {
      const names = ['retain_survey_shown', 'retain_referral_shown'];
      await page.waitForFunction((wanted) => wanted.every((name) => window.dataLayer?.some((entry) => entry.event === name)), names, {
        timeout: 10_000,
      });
      const [survey, referral] = await page.evaluate(
        (wanted) => wanted.map((name) => window.dataLayer.find((entry) => entry.event === name)),
        names,
      );
      assert(survey.widget === 'survey' && survey.order_id === 'G-1' && survey.instance === 'gtm', JSON.stringify(survey));
      assert(referral.widget === 'referral' && referral.link === 'https://store.example/?ref=ANNA10', JSON.stringify(referral));
    });
    await check('consent mode’s analytics_storage reaches retainkit.consent, also when it changes', async () => {
      const calls = await page.evaluate(() => window.gtm.calls);
      assert(
        calls.some(([path, state]) => path === 'retainkit.consent' && state === 'granted'),
        JSON.stringify(calls),
      );
      await page.evaluate(() => {
        window.gtm.consent.analytics_storage = false;
        for (const [, listener] of window.gtm.listeners) listener('analytics_storage', false);
      });
      const after = await page.evaluate(() => window.gtm.calls.at(-1));
      assert(after[0] === 'retainkit.consent' && after[1] === 'denied', JSON.stringify(after));
      assert(problems.length === 0, problems.join('\n'));
    });
    await close();

    const snippet = await watchedPage(browser);
    await snippet.page.goto(`${server.origin}/store.html`);
    const script = bootstrap
      .match(/<script>([\s\S]*?)<\/script>/)[1]
      .replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/retainkit@[^']+/, loaderUrl);
    await check('the bootstrap snippet, run twice as a classic script, adds one loader and forwards like the template', async () => {
      await snippet.page.evaluate((text) => {
        window.dataLayer = []; // as Google Tag Manager's own snippet makes it
        for (let i = 0; i < 2; i++) {
          const tag = document.createElement('script');
          tag.textContent = text;
          document.body.append(tag);
        }
      }, script);
      await snippet.page.waitForFunction(() => window.dataLayer?.some((entry) => entry.event === 'retain_spin_shown'), null, {
        timeout: 10_000,
      });
      const loaders = await snippet.page.evaluate(() => document.querySelectorAll('script[type="module"][data-retainkit]').length);
      assert(loaders === 1, `${loaders} loader scripts`);
      const entry = await snippet.page.evaluate(() => window.dataLayer.find((e) => e.event === 'retain_spin_shown'));
      // Both unset the keys of the event pushed before (GTM's data model keeps them): which event came before
      // depends on which widget showed first, so only the keys with a value are compared.
      const keys = (object) =>
        Object.keys(object)
          .filter((key) => object[key] !== undefined)
          .sort()
          .join(' ');
      assert(
        templateEntry && keys(entry) === keys(templateEntry),
        `the kit's own dataLayer event has ${keys(entry)}; the template's ${templateEntry && keys(templateEntry)}`,
      );
      for (const key of Object.keys(entry))
        if (!['event_id', 'timestamp'].includes(key) && entry[key] !== undefined)
          assert(JSON.stringify(entry[key]) === JSON.stringify(templateEntry[key]), `${key}: ${entry[key]} vs ${templateEntry[key]}`);
      assert(snippet.problems.length === 0, snippet.problems.join('\n'));
    });
    await snippet.close();
  } finally {
    await browser.close();
  }
}
server.close();
process.exit(report());
