/**
 * The page's side of the report's worker: starts it on first use, passes messages, and ends it on cancel
 * or forget (which drops the owner's file from memory at once).
 */
import type { FromWorker, ToWorker } from './protocol.js';

export class ReportRunner {
  private worker?: Worker;

  constructor(private readonly onMessage: (message: FromWorker) => void) {}

  /** Whether a worker is running (it holds the last file's orders). */
  get running(): boolean {
    return !!this.worker;
  }

  send(message: ToWorker): void {
    try {
      // Written out in full so that Vite finds the worker and ships it as a file of its own (a
      // module worker from the kit's origin: no blob: or data: URL, which a strict CSP forbids).
      this.worker ??= this.listen(new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' }));
    } catch (error) {
      // A kit served from another origin than the page: browsers refuse its worker.
      this.onMessage({ type: 'failed', problem: { kind: 'worker-blocked', value: String(error) } });
      return;
    }
    this.worker.postMessage(message);
  }

  private listen(worker: Worker): Worker {
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.onMessage(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.stop();
      // A script that cannot load (404, another origin) fires `error` without a message.
      this.onMessage({ type: 'failed', problem: { kind: event.message ? 'worker-error' : 'worker-blocked', value: event.message } });
    });
    return worker;
  }

  /** Ends the worker and whatever it holds. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
