/**
 * The one thin base class of the kit's widgets: who the instance is, how it emits and counts. Anything
 * more (storage, localization, triggers) is a controller or a core function the widget calls.
 */
import { LitElement, type PropertyValues } from 'lit';
import { property } from './decorators.js';
import type { CounterName } from './counters.js';
import { emit, makeDetail, type DetailFields, type RetainDetail, type RetainEvent } from './events.js';
import { textsReady } from './localize.js';
import { isNear, wantedWhen, whenNear } from './near.js';
import { frameOfItsOwn, nextFrame } from './pacing.js';
import { keepReserved, readReserved, releaseReserved } from './reserved-space.js';
import { stored } from './stored.js';
import { SchemeController, type Scheme } from './scheme.js';
import { warn } from './config.js';

/**
 * A yes-or-no attribute (`guest`, `launcher`): on when present, as HTML's own (`hidden`), but off when written false,
 * no, off or 0, as a store's template may (`guest="false"`).
 */
export const yesOrNo = { fromAttribute: (value: string | null) => value !== null && !/^\s*(false|no|off|0)\s*$/i.test(value) };

export abstract class RetainElement extends LitElement {
  /** The widget's name without the `retain-` prefix, as it appears in event details and counter keys. */
  static widget: string;

  /**
   * Names this instance in counters, state and events, so that two wheels on one page keep apart.
   * Defaults to the element's `id`, else `default`.
   */
  @property({ reflect: false }) instance = '';

  // Reflected: the styles read it (`schemeStyles` in core/scheme.ts).
  /** `light`, `dark` or `auto` (default): dark looks only where the page is dark (its `color-scheme`). */
  @property({ reflect: true }) scheme?: Scheme;
  /** @internal Warns once about a bad `scheme`. */
  protected readonly schemeCheck = new SchemeController(this);

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

  /** @internal The space the page reserved before the code came (`core/reserved-space.ts`), read while the store's `:not(:defined)` rule applies. */
  protected readonly reserved = readReserved(this);
  /** Keeps the reservation from the moment the element is defined until its first render. */
  private reservedSheet: CSSStyleSheet | undefined;
  /**
   * @internal Whether the reservation stays after the first render: a widget that grows as its content comes (for
   * good), or whose first render waits for what the device holds (until `releaseReservation`).
   */
  protected keepsReserved = false;

  /**
   * Resolves once the first render has been drawn (a frame later). What the widget remembers on the
   * device (IndexedDB) is read after this, never before: storage stays off the first-paint path. The
   * loader waits for it too, before it counts the page view.
   * @internal
   */
  readonly drawn: Promise<void> = new Promise((resolve) => (this.wasDrawn = resolve));
  private wasDrawn!: () => void;

  /**
   * Nothing until seen: the first render waits until the element comes within a screen of the viewport
   * (`core/near.ts`; a popup or `loading="eager"` does not wait). It also waits for the texts of the
   * page's language when they load on demand, so no update shows English first. An upgraded widget's
   * first render gets a task and a frame of its own (`frameOfItsOwn`): widgets defined together when
   * their code arrives would otherwise all render in the one task that evaluates it, and be laid out
   * in one frame, each a long one on a slow phone.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const waiting = textsReady(this);
    const first = this.hasUpdated ? undefined : this.firstRenderDue();
    return waiting || first ? Promise.all([waiting, first]).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  private firstRenderDue(): Promise<void> | undefined {
    const waitsForViewport = wantedWhen(this) === 'near';
    // Upgraded: the page drew it empty (its space reserved by the store's CSS) before the code came.
    if (this.upgraded) return (waitsForViewport ? whenNear(this) : Promise.resolve()).then(frameOfItsOwn);
    // Created after its code: one near the viewport renders at once, so no frame shows it empty.
    return waitsForViewport && !isNear(this) ? whenNear(this) : undefined;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    this.reservedSheet = keepReserved(root as ShadowRoot, this.reserved);
    return root;
  }

  protected override update(changed: PropertyValues): void {
    const first = !this.hasUpdated;
    super.update(changed);
    if (first) {
      // Rendered: the widget holds its own space from this frame on.
      if (!this.keepsReserved) this.releaseReservation();
      void nextFrame().then(this.wasDrawn);
    }
  }

  /** @internal Stops keeping the store's reserved space: the widget now holds its own (or none). */
  protected releaseReservation(): void {
    releaseReserved(this.renderRoot as ShadowRoot, this.reservedSheet);
    this.reservedSheet = undefined;
  }

  /** A detail for an event of this widget and instance. */
  protected detail<D extends RetainDetail>(fields: DetailFields<D>): D {
    return makeDetail<D>(this.widgetName, this.instanceName, fields);
  }

  /** Dispatches an event and hands it to delivery. False when a cancelable event was cancelled. */
  protected emit(event: RetainEvent): boolean {
    return emit(this, event);
  }

  /**
   * Counts an engagement; never rejects (counting must not stop a widget). Returns the new count. Waits
   * for the first frame: a "seen" count comes from an intersection observer, whose first callback can run
   * between a frame's drawing and the task after it, and IndexedDB stays off the first-paint path.
   */
  protected async count(name: CounterName, by = 1): Promise<number | undefined> {
    try {
      await this.drawn;
      const { increment } = await stored();
      return await increment(this.widgetName, this.instanceName, name, by);
    } catch (error) {
      warn(`could not count "${name}" for <${this.localName}>`, error);
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
