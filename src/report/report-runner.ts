/**
 * The page's side of the report's worker: starts it on first use, passes messages, and ends it on cancel
 * or forget (which drops the owner's file from memory at once).
 */
import type { FromWorker, ToWorker } from './protocol.js';

/** The policy name a page's `trusted-types` directive must allow (with Lit's `lit-html`). */
export const TRUSTED_TYPES_POLICY = 'retainkit-report';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
type PolicyFactory = { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy };

let policy: ScriptUrlPolicy | null | undefined;

/**
 * A page that enforces Trusted Types (`require-trusted-types-for 'script'`) refuses a plain string as a
 * worker's script. The report's own policy vouches only for a script of the kit's own origin: the worker
 * this module ships with.
 */
function trusted(url: URL): unknown {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
    const origin = new URL(import.meta.url).origin;
    policy = factory
      ? factory.createPolicy(TRUSTED_TYPES_POLICY, {
          createScriptURL: (raw) => {
            if (new URL(raw).origin !== origin) throw new TypeError(`retainkit: ${raw} is not the report's worker`);
            return raw;
          },
        })
      : null;
  }
  return policy ? policy.createScriptURL(url.href) : url;
}

/**
 * This module's `Worker`: the browser's, its script URL passed through the policy above. It keeps the
 * name so that `new Worker(new URL('./report.worker.ts', import.meta.url), …)` below stays the pattern
 * Vite recognizes to bundle the worker and ship it as a file of its own.
 */
// Where there is no Worker (a server importing the package), a stand-in base: nothing runs there.
const Worker = class extends (globalThis.Worker ?? (class {} as unknown as typeof globalThis.Worker)) {
  constructor(url: URL, options?: WorkerOptions) {
    super(trusted(url) as URL, options);
  }
};

export class ReportRunner {
  private worker?: Worker;

  constructor(private readonly onMessage: (message: FromWorker) => void) {}

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
