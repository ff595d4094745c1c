/**
 * What the kit remembers on the device (IndexedDB through idb: state, counters, cooldowns, orders) is
 * never in a widget's first load: a widget draws its first frame from its attributes, then calls
 * `stored()` for the rest. The bundler keeps all of it in one chunk (vite.config.ts).
 */
import { retriedImport } from './retried-import.js';

export const stored = () => retriedImport(() => import('./store.js'));
