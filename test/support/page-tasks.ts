/**
 * The page's own work, stood in for while a test watches long work run: tasks, each queued again when it
 * runs, of two kinds (a message on a new channel, the kit's `nextTask`, and a timer). Work done in one long
 * task lets none of them run until it ends. Two kinds, and a new channel each time: WebKit need not keep the order of messages
 * across channels, and a loaded WebKit once ran no message of a single long-lived channel until a long
 * read was done.
 */
import { nextTask } from '../../src/core/tasks.js';

export interface PageTasks {
  /** How many of the page’s tasks have run since it started. */
  readonly count: number;
  /** Stops queueing: tasks that run from now on are not counted. */
  stop(): void;
}

const timer = () => new Promise<void>((resolve) => setTimeout(resolve));

export function startPageTasks(): PageTasks {
  let count = 0;
  let running = true;
  const run = async (next: () => Promise<void>) => {
    while (running) (await next(), running && count++);
  };
  void run(nextTask);
  void run(timer);
  return {
    get count() {
      return count;
    },
    stop: () => void (running = false),
  };
}
