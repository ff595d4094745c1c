/**
 * The one thin base class of the kit's widgets: who the instance is, how it emits and counts. Anything
 * more (storage, localization, triggers) is a controller or a core function the widget calls.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { increment, type CounterName } from './counters.js';
import { emit, makeDetail, type DetailFields, type RetainDetail, type RetainEvent } from './events.js';
import { textsReady } from './localize.js';
import { nextTask } from './tasks.js';

export abstract class RetainElement extends LitElement {
  /** The widget's name without the `retain-` prefix, as it appears in event details and counter keys. */
  static widget: string;

  /**
   * Names this instance in counters, state and events, so that two wheels on one page keep apart.
   * Defaults to the element's `id`, else `default`.
   */
  @property({ reflect: false }) instance = '';

  get widgetName(): string {
    return (this.constructor as typeof RetainElement).widget;
  }

  get instanceName(): string {
    return this.instance.trim() || this.id || 'default';
  }

  /**
   * True when the element was in the page before its code came (upgraded, not created): the page has
   * drawn it empty already (its space reserved by the store's CSS), so its first render may wait.
   */
  private readonly upgraded = this.isConnected;

  /**
   * Waits for the texts of the page's language when they load on demand, so no update shows English
   * first. An upgraded widget's first render gets a task of its own: widgets defined together when
   * their code arrives would otherwise all render in the one task that evaluates it, a long one on a
   * slow phone. A widget created later renders at once (no frame is drawn without it).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const waiting = textsReady(this);
    const first = this.upgraded && !this.hasUpdated ? nextTask() : undefined;
    return waiting || first ? Promise.all([waiting, first]).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** A detail for an event of this widget and instance. */
  protected detail<D extends RetainDetail>(fields: DetailFields<D>): D {
    return makeDetail<D>(this.widgetName, this.instanceName, fields);
  }

  /** Dispatches an event and hands it to delivery. False when a cancelable event was cancelled. */
  protected emit(event: RetainEvent): boolean {
    return emit(this, event);
  }

  /** Counts an engagement; never rejects (counting must not stop a widget). Returns the new count. */
  protected async count(name: CounterName, by = 1): Promise<number | undefined> {
    try {
      return await increment(this.widgetName, this.instanceName, name, by);
    } catch (error) {
      console.warn(`retainkit: could not count "${name}" for <${this.localName}>`, error);
      return undefined;
    }
  }

  /** Counts, then emits with the instance's counters in the detail. */
  protected async countAndEmit(name: CounterName, event: RetainEvent): Promise<boolean> {
    const count = await this.count(name);
    if (count !== undefined) event.detail.counters = { ...event.detail.counters, [name]: count };
    return this.emit(event);
  }
}
