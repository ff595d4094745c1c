import { expect, fixture, html } from '@open-wc/testing';
import {
  durationMs,
  formatDuration,
  isCurrencyCode,
  parseCurrency,
  parseDuration,
  parseEnum,
  parseJson,
  parseNumber,
  parseUrl,
  readJsonSource,
  safeUrl,
  warnBadValue,
} from '../../src/core/config.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';

describe('config', () => {
  let warnings: ConsoleWatch;
  let el: HTMLElement;
  beforeEach(async () => {
    warnings = watchConsole();
    el = await fixture(html`<retain-test></retain-test>`);
  });
  afterEach(() => warnings.stop());

  describe('warnBadValue', () => {
    it('names the element, the attribute, the value and the fallback, in one warning', () => {
      warnBadValue(el, 'size', 'huge', 3, 'is not a number');
      expect(warnings.take()).to.deep.equal(['retainkit: <retain-test> size="huge" is not a number; using 3 instead. <retain-test>']);
    });

    it('tells one element from another by its instance or id', async () => {
      const byId = await fixture(html`<retain-test id="promo"></retain-test>`);
      const byInstance = await fixture(html`<retain-test id="x" instance="summer"></retain-test>`);
      warnBadValue(byId, 'mode', 'loud', 'quiet', 'is not one of quiet, calm');
      warnBadValue(byInstance, 'mode', 'loud', 'quiet', 'is not one of quiet, calm');
      const [first, second] = warnings.take();
      expect(first).to.match(/^retainkit: <retain-test id="promo"> mode="loud" is not one of quiet, calm; using "quiet" instead\./);
      expect(second).to.match(/^retainkit: <retain-test instance="summer"> mode="loud"/);
    });

    it('warns once per element, attribute and value however often a widget re-reads it', () => {
      for (let i = 0; i < 3; i++) warnBadValue(el, 'size', 'huge', 3, 'is not a number');
      expect(warnings.take()).to.have.length(1);
      warnBadValue(el, 'size', 'tiny', 3, 'is not a number');
      warnBadValue(el, 'width', 'huge', 3, 'is not a number');
      expect(warnings.take()).to.have.length(2);
    });

    it('quotes values that contain quotes, shortens long ones, and never throws on odd values', () => {
      warnBadValue(el, 'label', 'say "hi"', null, 'is odd');
      warnBadValue(el, 'text', 'x'.repeat(500), '', 'is too long');
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      expect(() => warnBadValue(el, 'data', circular, 10n, 'is circular')).not.to.throw();
      const [quoted, long, odd] = warnings.take();
      expect(quoted).to.include('label="say \\"hi\\"" is odd; using none instead.');
      expect(long.length).to.be.below(300);
      expect(long).to.include('…');
      expect(odd).to.include('data="[object Object]" is circular');
    });
  });

  describe('parseNumber', () => {
    it('reads decimal numbers within a range', () => {
      expect(parseNumber(el, 'n', '12', 0)).to.equal(12);
      expect(parseNumber(el, 'n', ' -0.5 ', 0)).to.equal(-0.5);
      expect(parseNumber(el, 'n', '1e3', 0, { max: 1000 })).to.equal(1000);
      expect(parseNumber(el, 'n', '5', 0, { min: 5, max: 5, integer: true })).to.equal(5);
    });

    it('gives the fallback silently when the attribute is missing or empty', () => {
      expect(parseNumber(el, 'n', null, 7)).to.equal(7);
      expect(parseNumber(el, 'n', undefined, 7)).to.equal(7);
      expect(parseNumber(el, 'n', '  ', 7)).to.equal(7);
    });

    const bad: [string, Parameters<typeof parseNumber>[4], string][] = [
      ['abc', {}, 'is not a number'],
      ['0x10', {}, 'is not a number'],
      ['Infinity', {}, 'is not a number'],
      ['12px', {}, 'is not a number'],
      ['2.5', { integer: true }, 'is not a whole number'],
      ['-1', { min: 0 }, 'is below the minimum 0'],
      ['101', { max: 100 }, 'is above the maximum 100'],
    ];
    for (const [raw, rule, why] of bad) {
      it(`warns once and falls back on "${raw}"`, () => {
        expect(parseNumber(el, 'count', raw, 3, rule)).to.equal(3);
        expect(warnings.take()).to.deep.equal([`retainkit: <retain-test> count="${raw}" ${why}; using 3 instead. <retain-test>`]);
      });
    }
  });

  describe('parseEnum', () => {
    it('accepts an allowed word in any case, and warns on another', () => {
      expect(parseEnum(el, 'position', 'Bottom-End', ['bottom-end', 'center'] as const, 'center')).to.equal('bottom-end');
      expect(parseEnum(el, 'theme', 'darkMode', ['light', 'darkMode'] as const, 'light')).to.equal('darkMode');
      expect(parseEnum(el, 'position', 'left', ['bottom-end', 'center'] as const, 'center')).to.equal('center');
      expect(warnings.take()).to.deep.equal([
        'retainkit: <retain-test> position="left" is not one of bottom-end, center; using "center" instead. <retain-test>',
      ]);
    });
  });

  describe('parseDuration', () => {
    it('reads 30d, 12h, 90s, 500ms, 2w, 1.5h, 1h30m and 0', () => {
      const day = 86_400_000;
      expect(parseDuration(el, 'cooldown', '30d', 0)).to.equal(30 * day);
      expect(parseDuration(el, 'cooldown', '12h', 0)).to.equal(12 * 3_600_000);
      expect(parseDuration(el, 'cooldown', '90s', 0)).to.equal(90_000);
      expect(parseDuration(el, 'cooldown', '500ms', 0)).to.equal(500);
      expect(parseDuration(el, 'cooldown', '2W', 0)).to.equal(14 * day);
      expect(parseDuration(el, 'cooldown', '1.5h', 0)).to.equal(5_400_000);
      expect(parseDuration(el, 'cooldown', '1h 30m', 0)).to.equal(5_400_000);
      expect(parseDuration(el, 'cooldown', '0', 5)).to.equal(0);
    });

    it('warns once with the fallback spelled as a duration', () => {
      expect(parseDuration(el, 'cooldown', '30', 30 * 86_400_000)).to.equal(30 * 86_400_000);
      expect(parseDuration(el, 'cooldown', '-5d', 1000)).to.equal(1000);
      expect(parseDuration(el, 'cooldown', '3 days', 1000)).to.equal(1000);
      expect(warnings.take()).to.deep.equal([
        'retainkit: <retain-test> cooldown="30" is not a duration such as 30d, 12h, 90s or 500ms; using "30d" instead. <retain-test>',
        'retainkit: <retain-test> cooldown="-5d" is not a duration such as 30d, 12h, 90s or 500ms; using "1s" instead. <retain-test>',
        'retainkit: <retain-test> cooldown="3 days" is not a duration such as 30d, 12h, 90s or 500ms; using "1s" instead. <retain-test>',
      ]);
    });

    it('keeps a range', () => {
      expect(parseDuration(el, 'delay', '10ms', 5000, { min: 100 })).to.equal(5000);
      expect(parseDuration(el, 'delay', '2h', 5000, { max: 3_600_000 })).to.equal(5000);
      expect(warnings.take()).to.deep.equal([
        'retainkit: <retain-test> delay="10ms" is shorter than 100ms; using "5s" instead. <retain-test>',
        'retainkit: <retain-test> delay="2h" is longer than 1h; using "5s" instead. <retain-test>',
      ]);
    });

    it('keeps every duration within a year unless told otherwise', () => {
      expect(parseDuration(el, 'code-ttl', '365d', 7 * 86_400_000)).to.equal(365 * 86_400_000);
      expect(parseDuration(el, 'code-ttl', '99999999999d', 7 * 86_400_000)).to.equal(7 * 86_400_000);
      expect(parseDuration(el, 'cooldown', '53w', 0)).to.equal(0);
      expect(parseDuration(el, 'delay', '2y', 1000, { max: 3_600_000 })).to.equal(1000);
      expect(warnings.take()).to.deep.equal([
        'retainkit: <retain-test> code-ttl="99999999999d" is longer than 365d; using "1w" instead. <retain-test>',
        'retainkit: <retain-test> cooldown="53w" is longer than 365d; using "0ms" instead. <retain-test>',
        'retainkit: <retain-test> delay="2y" is not a duration such as 30d, 12h, 90s or 500ms; using "1s" instead. <retain-test>',
      ]);
    });

    it('durationMs and formatDuration', () => {
      expect(durationMs('nonsense')).to.equal(undefined);
      expect(durationMs('1m1s')).to.equal(61_000);
      expect(formatDuration(2_592_000_000)).to.equal('30d');
      expect(formatDuration(1_209_600_000)).to.equal('2w');
      expect(formatDuration(1500)).to.equal('1500ms');
    });
  });

  describe('isCurrencyCode and parseCurrency', () => {
    it('takes three letters in any case, upper-cased', () => {
      expect(['EUR', 'huf', ' UAH ']).to.satisfy((codes: string[]) => codes.every(isCurrencyCode));
      expect(['$', 'EURO', 'E1R', '', null]).to.satisfy((codes: unknown[]) => !codes.some(isCurrencyCode));
      expect(parseCurrency(el, 'currency', ' huf ')).to.equal('HUF');
      expect(parseCurrency(el, 'currency', '', 'EUR')).to.equal('EUR');
      expect(parseCurrency(el, 'currency', null)).to.equal('USD');
      expect(warnings.take()).to.deep.equal([]);
    });

    it('warns once on anything else and falls back', () => {
      expect(parseCurrency(el, 'currency', '€', 'EUR')).to.equal('EUR');
      expect(parseCurrency(el, 'currency', '€', 'EUR')).to.equal('EUR');
      expect(warnings.take()).to.deep.equal([
        'retainkit: <retain-test> currency="€" is not an ISO 4217 currency code such as EUR; using "EUR" instead. <retain-test>',
      ]);
    });
  });

  describe('parseUrl and safeUrl', () => {
    it('accepts https:, http: on localhost, and relative URLs (made absolute)', () => {
      expect(parseUrl(el, 'endpoint', 'https://shop.example/api')).to.equal('https://shop.example/api');
      expect(parseUrl(el, 'endpoint', 'http://localhost:3000/x')).to.equal('http://localhost:3000/x');
      expect(parseUrl(el, 'endpoint', 'http://127.0.0.1/x')).to.equal('http://127.0.0.1/x');
      expect(parseUrl(el, 'endpoint', '/api/spin')).to.equal(new URL('/api/spin', location.href).href);
      expect(parseUrl(el, 'endpoint', 'spin?x=1')).to.equal(new URL('spin?x=1', document.baseURI).href);
    });

    for (const raw of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<b>x</b>',
      'http://shop.example/api',
      '//evil.example/x',
      'ftp://shop.example/x',
      'http://[bad',
    ]) {
      it(`refuses ${raw.trim()} with one warning`, () => {
        expect(parseUrl(el, 'endpoint', raw, null)).to.equal(null);
        expect(safeUrl(raw)).to.equal(null);
        const [message] = warnings.take();
        expect(message).to.include('endpoint=').and.include('is not an https: or relative URL; using none instead.');
      });
    }
  });

  describe('parseJson', () => {
    const isPrizes = (value: unknown) =>
      Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : 'is not a list of prize names';

    it('reads JSON from the attribute', () => {
      expect(parseJson(el, 'prizes', '["a","b"]', isPrizes, [])).to.deep.equal(['a', 'b']);
    });

    it('reads JSON from a <script type="application/json"> child, chosen by data-attr when there are several', async () => {
      const host = await fixture(html`<retain-test>
        <script type="application/json" data-attr="rules">{"x":1}</script>
        <script type="application/json" data-attr="prizes">["from", "script"]</script>
        <script type="application/json">["unnamed"]</script>
      </retain-test>`);
      expect(parseJson(host, 'prizes', null, isPrizes, [])).to.deep.equal(['from', 'script']);
      expect(parseJson(host, 'other', null, isPrizes, [])).to.deep.equal(['unnamed']);
      // The attribute wins over the script.
      expect(parseJson(host, 'prizes', '["attr"]', isPrizes, [])).to.deep.equal(['attr']);
      expect(readJsonSource(el, 'prizes', null)).to.equal(null);
    });

    it('warns once on invalid JSON, saying where it came from', async () => {
      const host = await fixture(html`<retain-test><script type="application/json">[oops</script></retain-test>`);
      expect(parseJson(host, 'prizes', null, isPrizes, ['fallback'])).to.deep.equal(['fallback']);
      expect(parseJson(el, 'prizes', '{', isPrizes, [])).to.deep.equal([]);
      const [fromScript, fromAttr] = warnings.take();
      expect(fromScript).to.match(
        /^retainkit: <retain-test> prizes \(from its <script type="application\/json">\)="\[oops" is not valid JSON \(.+\); using "\[\\"fallback\\"\]" instead\./,
      );
      expect(fromAttr).to.match(/^retainkit: <retain-test> prizes="\{" is not valid JSON/);
    });

    it('warns once when the value does not validate, and when the validator itself throws', () => {
      expect(parseJson(el, 'prizes', '[1, 2]', isPrizes, [])).to.deep.equal([]);
      const throwing = () => {
        throw new Error('boom');
      };
      expect(parseJson(el, 'rules', '{}', throwing, 'none')).to.equal('none');
      const [invalid, thrown] = warnings.take();
      expect(invalid).to.include('prizes="[1, 2]" is not a list of prize names; using "[]" instead.');
      expect(thrown).to.include('rules="{}" could not be read (boom)');
    });
  });
});
