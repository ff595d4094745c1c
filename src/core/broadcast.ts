/**
 * One BroadcastChannel for the kit, so that tabs of one store hear each other's changes (a counter
 * incremented, a spin taken, an order recorded) and refresh. Messages are plain data with a `topic`.
 * The channel is scoped to the database in use (`useDatabase`): tabs on another database describe
 * other data, so they are not heard.
 */
export interface KitMessage {
  topic: string;
  [field: string]: unknown;
}

type Listener = (message: KitMessage) => void;

const CHANNEL_NAME = 'retainkit';
let scope = '';
let channel: BroadcastChannel | undefined;
const listeners = new Set<Listener>();

function open(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(scope ? `${CHANNEL_NAME}:${scope}` : CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<KitMessage>) => {
    if (!event.data || typeof event.data.topic !== 'string') return;
    for (const listener of [...listeners]) {
      try {
        listener(event.data);
      } catch (error) {
        console.error('retainkit: a cross-tab listener threw', error);
      }
    }
  };
  return channel;
}

/** Tells the other tabs (not this one). Never throws: a message that cannot be sent is dropped. */
export function broadcast(message: KitMessage): void {
  try {
    open()?.postMessage(message);
  } catch {
    // Not cloneable, or the channel was closed: the other tabs will read fresh data on their next use.
  }
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

/** Moves to the channel of another database (called by `useDatabase`); listeners keep listening. */
export function setChannelScope(name: string): void {
  if (name === scope) return;
  scope = name;
  channel?.close();
  channel = undefined;
  if (listeners.size) open();
}
