/** A stand-in clipboard: what was written to it, or a refusal (as a page without the permission gets). */
export function stubClipboard(refuse = false): { written: string[]; restore: () => void } {
  const written: string[] = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (value: string) => (refuse ? Promise.reject(new DOMException('denied', 'NotAllowedError')) : written.push(value)),
    },
  });
  const exec = document.execCommand;
  if (refuse) document.execCommand = () => false;
  return {
    written,
    restore: () => {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      document.execCommand = exec;
    },
  };
}
