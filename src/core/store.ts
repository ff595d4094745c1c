/** The kit's storage code, loaded together after a widget's first frame (see stored.ts). */
export { againIfCutShort, storage } from './storage.js';
export { increment } from './counters.js';
export { cooldownEnds, startCooldown, clearCooldown } from './cooldowns.js';
export { listOrders, pageOrdersRecorded, recordOrder, onOrderRecorded } from './orders.js';
export { claimFirstShowing } from './showings.js';
export { noteHeld } from './held-note.js';
export { mayWrite } from './device-consent.js';
