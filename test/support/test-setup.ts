/**
 * The setup the kit's tests share (the widgets', core's), registered on the `describe` it is called in.
 * Before each test: a fresh database, the console watched (a warning the test does not take fails it), the
 * kit's events recorded, and a key of the test's own for the stand-in endpoints (engines tested side by side
 * never read each other's). After each: the test's fixtures removed, the clock put back, the recording and the
 * delivery stopped, a second tab closed, the console let go, the databases deleted. What only one widget's tests
 * need (a stand-in clipboard or share sheet) stays in that file.
 *
 * A file's own cleanup that must come before the databases go (removing elements it made) is an `afterEach`
 * registered before this is called: Mocha runs a suite's hooks in the order they were registered.
 */
import { fixtureCleanup } from '@open-wc/testing';
import { stopDelivery } from '../../src/core/delivery.js';
import { onKitEvent, type KitEventRecord } from '../../src/core/events.js';
import { watchConsole, type ConsoleWatch } from './console-guard.js';
import { deleteDatabases, freshDatabase } from './database.js';
import { openTab, type Tab } from './tabs.js';

export interface TestSetup {
  /** This test's database. */
  readonly db: string;
  /** This test's console watch: `warnings.take()` the warnings it expects. */
  readonly warnings: ConsoleWatch;
  /** The kit's events since the test began, in order. */
  readonly records: KitEventRecord[];
  /** This test's key for the stand-in endpoints (`?key=…`). */
  readonly key: string;
  /** This test's events named `name`. */
  named(name: string): KitEventRecord[];
  /** A second tab on this test's database, closed after the test. */
  openTab(): Promise<Tab>;
}

export function testSetup(): TestSetup {
  const realNow = Date.now;
  let db: string;
  let warnings: ConsoleWatch;
  let records: KitEventRecord[] = [];
  let key: string;
  let stopRecording: (() => void) | undefined;
  let tab: Tab | undefined;

  beforeEach(() => {
    db = freshDatabase().name;
    warnings = watchConsole();
    records = [];
    stopRecording = onKitEvent((record) => records.push(record));
    key = Math.random().toString(36).slice(2);
  });

  afterEach(async () => {
    // The test's elements go first, as they would with their page: one still on screen could otherwise be seen while
    // its database is deleted below (open-wc removes fixtures only in a root hook, after this one) and count into
    // the next test (Firefox under load: a second "shown" event, or a "could not count" warning, there).
    fixtureCleanup();
    Date.now = realNow;
    stopRecording?.();
    stopDelivery();
    tab?.close();
    tab = undefined;
    warnings.stop();
    await deleteDatabases();
  });

  return {
    get db() {
      return db;
    },
    get warnings() {
      return warnings;
    },
    get records() {
      return records;
    },
    get key() {
      return key;
    },
    named: (name) => records.filter((record) => record.name === name),
    openTab: async () => {
      tab?.close();
      return (tab = await openTab(db));
    },
  };
}
