/**
 * Where a referral link can be shared, and the link that opens each place with the message filled in. Pure:
 * no DOM, no storage, so that the element's first load and the tests share it. The schemes, as their
 * owners document them:
 *
 * - email: `mailto:?subject=…&body=…` (RFC 6068; each value percent-encoded).
 * - WhatsApp: `https://wa.me/?text=…` (click to chat without a number: WhatsApp asks whom to send it to).
 * - Telegram: `https://t.me/share/url?url=…&text=…` (core.telegram.org/widgets/share, "Custom buttons"; it
 *   needs a URL, so a code without a link is not offered there).
 * - SMS: `sms:?&body=…` (RFC 5724's `?body=`; the `&` before it is what iOS's Messages reads, Android ignores it).
 */

/** The places a link can be shared from the page, in the order shown. `native` is the device's own share sheet. */
export const CHANNELS = ['email', 'whatsapp', 'telegram', 'sms'] as const;
export type LinkChannel = (typeof CHANNELS)[number];
export type Channel = 'native' | LinkChannel;

/** What is shared: the link (or null when only a code is given), the message, and an email's subject. */
export interface Shared {
  url: string | null;
  text: string;
  subject: string;
}

const enc = encodeURIComponent;

/** The message with the link after it, for the places that take one text. */
const withUrl = ({ url, text }: Shared) => (url ? `${text} ${url}` : text);

/** The link that opens `channel` with the message filled in, or null where the channel cannot carry it. */
export function shareLink(channel: LinkChannel, shared: Shared): string | null {
  switch (channel) {
    case 'email':
      return `mailto:?subject=${enc(shared.subject)}&body=${enc(shared.url ? `${shared.text}\n\n${shared.url}` : shared.text)}`;
    case 'whatsapp':
      return `https://wa.me/?text=${enc(withUrl(shared))}`;
    case 'telegram':
      return shared.url ? `https://t.me/share/url?url=${enc(shared.url)}&text=${enc(shared.text)}` : null;
    case 'sms':
      return `sms:?&body=${enc(withUrl(shared))}`;
  }
}
