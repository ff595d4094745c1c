/**
 * PLACEHOLDER until the delivery issue lands: the signatures the API needs. The delivery work replaces
 * this file with the durable outbox.
 */
import { onKitEvent, type KitEventRecord } from './events.js';

export type ConsentState = 'granted' | 'denied' | 'pending';
export type Forwarder = (event: KitEventRecord) => void | Promise<void>;
export interface ForwardOptions {
  events?: string[];
}

export function forward(fn: Forwarder, options: ForwardOptions = {}): () => void {
  return onKitEvent((record) => {
    if (!options.events || options.events.includes(record.name)) void fn(record);
  });
}

export function setConsent(_state: ConsentState): void {}
