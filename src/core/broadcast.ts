/**
 * One BroadcastChannel for the kit, so that tabs of one store hear each other's changes (a counter
 * incremented, a spin taken, an order recorded) and refresh. Messages are plain data with a `topic`.
 */
export interface KitMessage {
  topic: string;
  [field: string]: unknown;
}

type Listener = (message: KitMessage) => void;

const CHANNEL_NAME = 'retainkit';
let channel: BroadcastChannel | undefined;
const listeners = new Set<Listener>();

function open(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<KitMessage>) => {
    if (!event.data || typeof event.data.topic !== 'string') return;
    for (const listener of listeners) listener(event.data);
  };
  return channel;
}

/** Tells the other tabs (not this one). */
export function broadcast(message: KitMessage): void {
  open()?.postMessage(message);
}

/** Hears what other tabs broadcast on `topic`; returns the function that stops listening. */
export function onBroadcast(topic: string, handler: (message: KitMessage) => void): () => void {
  open();
  const listener: Listener = (message) => {
    if (message.topic === topic) handler(message);
  };
  listeners.add(listener);
  return () => listeners.delete(listener);
}
