/**
 * The docs name only events the kit has: every `retain-…` event name in README.md and in every docs/*.md page
 * (kebab or GA4's snake_case, or a `retain-spin-*` pattern) is one the Custom Elements Manifest lists, made from
 * the source by the analyzer (test/support/manifest.endpoint.mjs). The typed catalog of naming.ts and the
 * manifest agree, the table of standard names (docs/forward.md) lists every event, and every event is named
 * in the house's one tense.
 */
import { expect } from '@open-wc/testing';
import { EVENT_NAMES } from '../src/core/naming.js';
import { CHANNELS } from '../src/referral/share-links.js';

interface Manifest {
  modules: { declarations?: { tagName?: string; events?: { name: string; detail?: { name: string; type: string }[] }[] }[] }[];
}

/** Event-like words in a text: `retain-x-y`, `retain_x_y`, `retain-x-*`, not inside a path, a URL or a CSS property. */
const WORDS = /(?<![\w\-/.:<])retain[-_][a-z0-9]+(?:[-_][a-z0-9]+)*(?:[-_]\*)?/g;

/** A page's words that name an event (or a pattern of events), kebab-case, with their line numbers. */
export function eventWords(page: string, tags: Set<string>): { word: string; line: number }[] {
  return page.split('\n').flatMap((text, i) =>
    [...text.matchAll(WORDS)]
      .map((match) => match[0].replace(/_/g, '-'))
      .filter((word) => !tags.has(word))
      .map((word) => ({ word, line: i + 1 })),
  );
}

/** Words of the page at `path` that match no event in `events`. */
export function unknownWords(words: { word: string; line: number }[], events: Set<string>, path = 'README.md'): string[] {
  return words
    .filter(({ word }) => (word.endsWith('-*') ? ![...events].some((event) => event.startsWith(word.slice(0, -1))) : !events.has(word)))
    .map(({ word, line }) => `${path}:${line} names "${word}", which is no event of the kit`);
}

/**
 * Names not in the house's one tense (CONTRIBUTING.md, "Events"): what happened, its last word a past form
 * (`-ed`, or one of the irregular ones the kit uses), or a request the store answers (`-request`).
 */
export function notPastTense(names: Iterable<string>): string[] {
  const irregular = new Set(['shown', 'seen', 'forgotten']);
  return [...names].filter((name) => {
    const last = name.slice(name.lastIndexOf('-') + 1);
    return !(last.endsWith('ed') || irregular.has(last) || last === 'request');
  });
}

/** The events a store can forward: all but the owner's report's (on the owner's own page, it forwards nothing). */
const forwarded = (events: Set<string>) => [...events].filter((name) => !name.startsWith('retain-report-')).sort();

describe('Events named in the README and docs/', () => {
  /** Each page a merchant reads (README.md, docs/*.md) by its path from the root. */
  let pages: Map<string, string>;
  let events: Set<string>;
  /** Each event's documented detail fields, from the manifest. */
  let details: Map<string, { name: string; type: string }[]>;
  let tags: Set<string>;
  before(async () => {
    const docs: { path: string; text: string }[] = await (await fetch('/test-api/docs')).json();
    pages = new Map(docs.map(({ path, text }) => [path, text]));
    const manifest: Manifest = await (await fetch('/test-api/manifest')).json();
    const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
    details = new Map(declarations.flatMap((declaration) => declaration.events ?? []).map((event) => [event.name, event.detail ?? []]));
    events = new Set(details.keys());
    // Elements: the kit's own, the wheel's <retain-slice> children, and `retain-x`, the example tag of a new widget (docs/develop.md).
    tags = new Set([
      ...declarations.flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : [])),
      'retain-slice',
      'retain-x',
    ]);
  });

  it('the manifest lists the events of the typed event classes, no more, no fewer', () => {
    expect(events.size).to.be.above(20);
    expect(forwarded(events)).to.deep.equal([...EVENT_NAMES].sort());
  });

  it('a detail field whose type names a union of unions lists every value (the referral’s channels)', () => {
    // `Channel` is `'native' | LinkChannel`, and another widget had a `Channel` of its own: the docs showed `'email' | 'sms'`.
    const channel = details.get('retain-referral-shared')?.find((field) => field.name === 'channel');
    expect(channel?.type).to.equal(['native', ...CHANNELS].map((name) => `'${name}'`).join(' | '));
  });

  it('the manifest gives each event its own detail fields: none only where the detail is the common one', () => {
    // retain-order-recorded's name was a static property, which the manifest step could not read: its table said "—".
    const bare = [...details].filter(([, fields]) => fields.length === 0).map(([name]) => name);
    expect(bare.sort()).to.deep.equal(['retain-panel-opened', 'retain-report-forgotten']);
  });

  it('every event is named in the past tense, or is a request', () => {
    expect(notPastTense(events)).to.deep.equal([]);
    expect(
      notPastTense(['retain-points-change', 'retain-review-helpful', 'retain-report-ready', 'retain-spin-ended', 'retain-account-request']),
    ).to.deep.equal(['retain-points-change', 'retain-review-helpful', 'retain-report-ready']);
  });

  it('reads the README and every widget page', () => {
    expect([...pages.keys()]).to.include.members(['README.md', 'docs/spin-wheel.md', 'docs/forward.md', 'docs/survey.md']);
    for (const [path, text] of pages) expect(text, path).to.match(/^# /);
  });

  it('every event the README and docs/ name is in the manifest', () => {
    const words = [...pages].map(([path, text]) => ({ path, words: eventWords(text, tags) }));
    expect(words.reduce((sum, page) => sum + page.words.length, 0)).to.be.above(40);
    expect(words.flatMap((page) => unknownWords(page.words, events, page.path))).to.deep.equal([]);
  });

  it('fails for a name that is not an event: the old example names, a bad pattern, a snake_case slip', () => {
    const text =
      'events="retain-spin-end retain-prize-won"\n`retain_spin_ended`, `retain-spinn-*`, `retain-account-*`\n--retain-spin-wheel-size <retain-slice> /api/retain-events';
    expect(unknownWords(eventWords(text, tags), events)).to.deep.equal([
      'README.md:1 names "retain-spin-end", which is no event of the kit',
      'README.md:1 names "retain-prize-won", which is no event of the kit',
      'README.md:2 names "retain-spinn-*", which is no event of the kit',
    ]);
  });

  it('the table of standard names (docs/forward.md) lists every event', () => {
    const page = pages.get('docs/forward.md') ?? '';
    const table = page.slice(page.indexOf('<!-- naming-table:start'), page.indexOf('<!-- naming-table:end'));
    const rows = new Set([...table.matchAll(/^\| `(retain-[a-z-]+)`/gm)].map((match) => match[1]));
    expect([...rows].sort()).to.deep.equal(forwarded(events));
  });
});
