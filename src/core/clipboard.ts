/**
 * Copying a code to the clipboard, for every widget that hands out a code. The Clipboard API needs a
 * secure page and, in some browsers, a permission; where it is refused, the code on screen is selected
 * (so the shopper can copy it) and the old `execCommand('copy')` is tried.
 */

/** Copies `text`; true when it reached the clipboard. `shown` is the element showing it, selected when the API fails. */
export async function copyText(text: string, shown: Element | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const selection = getSelection();
    if (!selection || !shown) return false;
    selection.selectAllChildren(shown);
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
