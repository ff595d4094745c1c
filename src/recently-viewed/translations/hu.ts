/** Hungarian texts of `<retain-recently-viewed>`, loaded only on pages in Hungarian (informal "te", as the other widgets). */
import type { Terms } from '../../core/localize.js';
import type { RecentlyViewedTerm } from '../recently-viewed.terms.js';

export default {
  heading: 'Nemrég megnézted',
  clear: 'Törlés',
  cleared: 'Törölted erről az eszközről a nemrég megnézett termékeidet.',
} satisfies Terms<RecentlyViewedTerm>;
