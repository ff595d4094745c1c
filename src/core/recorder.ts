/**
 * The base of an element that records what its attributes declare and renders nothing (`<retain-order>`,
 * `<retain-product>`): hidden, it records once connected and again when an attribute changes, the attributes a
 * page sets one after another gathered into one recording. Not a Lit element: there is nothing to render, and
 * a page should not wait for Lit to record.
 */
import { ElementBase } from './define.js';

export abstract class RecorderElement<T> extends ElementBase {
  /** The last recording's outcome (null: nothing usable to record, or storage failed); replaced when the attributes change. */
  recorded: Promise<T | null> = Promise.resolve(null);
  private pending = false;

  /** When a recording asked for now may run: a microtask later by default (the attributes set with it are in). */
  protected due(): Promise<void> {
    return Promise.resolve();
  }

  /** Records what the attributes declare now. */
  protected abstract record(): Promise<T | null>;

  connectedCallback(): void {
    this.hidden = true;
    this.schedule();
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    // A page that creates the element and then sets its attributes gets one recording, with them all.
    if (this.isConnected && old !== value) this.schedule();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    this.recorded = this.due().then(() => {
      this.pending = false;
      return this.isConnected ? this.record() : null;
    });
  }
}
