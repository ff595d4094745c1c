/** Hungarian texts of `<retain-spin-wheel>`, loaded only on pages in Hungarian. */
import type { Terms } from '../../core/localize.js';
import type { ResultTerm, WheelTerm } from '../terms.js';

export default {
  title: 'Pörgess és nyerj',
  spin: 'Pörgetés',
  skip: 'Kihagyás',
  prizes: 'Nyeremények',
  odds: ({ p }) => `${String(p)} esély`,
  error: 'Nem értük el az áruházat. A pörgetésed megmaradt: próbáld újra.',
  email: 'E-mail-cím',
  consent: 'Kérek ajánlatokat és híreket e-mailben',
  close: 'Bezárás',
} satisfies Terms<WheelTerm>;

/** The spin's and result's texts (`result.translations.ts`), in the same chunk: one download per language. */
export const result = {
  spinning: 'Pörög a kerék…',
  won: ({ label }) => `Nyereményed: ${String(label)}`,
  none: 'Most nem nyertél. Köszönjük, hogy játszottál!',
  copy: 'Kód másolása',
  copied: 'Másolva!',
  copyFailed: 'Jelöld ki a kódot a másoláshoz',
  apply: 'Beváltás a kosárban',
  expires: ({ time }) => `Még ${String(time)} érvényes`,
  spun: 'Már pörgettél.',
  next: ({ date }) => `Legközelebb: ${String(date)}`,
  left: 'elfogyott',
  empty: 'Nem maradt több nyeremény. Köszönjük, hogy játszottál!',
} satisfies Terms<ResultTerm>;
