/**
 * core/held-note.ts, the localStorage note the loader reads before it loads a next-order reminder's code: what an
 * instance held and is over leaves the note with the next write, as nothing else would ever clear it (a store whose
 * reminders were renamed would keep the old names' entries for good).
 */
import { expect } from '@open-wc/testing';
import { heldKey, noteHeld } from '../../src/core/held-note.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';

const WIDGET = 'next-order-offer';

describe('the held note', () => {
  let key: string;
  beforeEach(() => {
    key = heldKey(freshDatabase().name);
  });
  afterEach(() => deleteDatabases());

  const note = () => JSON.parse(localStorage.getItem(key) ?? 'null') as Record<string, number> | null;

  it('keeps what each instance holds, and drops what is over when it next writes', () => {
    const tomorrow = Date.now() + 86_400_000;
    localStorage.setItem(key, JSON.stringify({ [`${WIDGET}/old-name`]: Date.now() - 1000, [`${WIDGET}/spoilt`]: 'soon' }));
    noteHeld(WIDGET, 'header', tomorrow);
    expect(note(), 'the expired and the unreadable entries gone, the new one kept').to.deep.equal({ [`${WIDGET}/header`]: tomorrow });

    noteHeld(WIDGET, 'footer', tomorrow + 1);
    expect(note(), 'two instances held').to.deep.equal({ [`${WIDGET}/header`]: tomorrow, [`${WIDGET}/footer`]: tomorrow + 1 });

    noteHeld(WIDGET, 'header', null);
    noteHeld(WIDGET, 'footer', null);
    expect(localStorage.getItem(key), 'nothing held: no note').to.equal(null);
  });
});
