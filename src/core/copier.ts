/**
 * A widget's copy button (the next-order offer's code, the referral's link): the copying code (clipboard.ts)
 * loaded at the first sign of interest, so that it is there on the click, and whether the last copy worked,
 * for the button's label and the note shown when it did not. What the widget says and fires stays its own.
 */
import type { ReactiveControllerHost } from 'lit';
import { part, type Part } from './parts.js';

type Clipboard = typeof import('./clipboard.js');

/** One clipboard part a widget: a failed load warns once for all its instances, naming the widget. */
const clipboards = new Map<string, Part<Clipboard>>();

/** Kept by the widget; it asks its host for an update when `copied` changes. */
export class Copier {
  /** Whether the last copy reached the clipboard; null before any, and after `forget()`. */
  copied: boolean | null = null;
  private readonly clipboard: Part<Clipboard>;

  /** `tag` is the widget's tag, named in the warning when the copying code cannot load. */
  constructor(
    private readonly host: ReactiveControllerHost,
    tag: string,
  ) {
    let clipboard = clipboards.get(tag);
    if (!clipboard) clipboards.set(tag, (clipboard = part(tag, 'clipboard', () => import('./clipboard.js'))));
    this.clipboard = clipboard;
  }

  /** Loads the copying code (bound: a listener for `@pointerover` and `@focusin`). */
  readonly warm = (): void => {
    void this.clipboard.get();
  };

  /**
   * Copies `text`; where the clipboard refuses, `shown` (the element showing the text) is selected for the
   * shopper to copy. Resolves to whether it reached the clipboard, or null when the copying code could not
   * load (the part warned; nothing changes).
   */
  async copy(text: string, shown: Element | null): Promise<boolean | null> {
    const clipboard = await this.clipboard.get();
    if (!clipboard) return null;
    this.copied = await clipboard.copyText(text, shown);
    this.host.requestUpdate();
    return this.copied;
  }

  /** Forgets the last copy: there is another text to copy. */
  forget(): void {
    this.copied = null;
    this.host.requestUpdate();
  }
}
