/** Ukrainian texts of `<retain-review-showcase>`, loaded only on pages in Ukrainian. */
import type { Terms } from '../../core/localize.js';
import { avg, counted, matches, num, type ReviewTerm } from '../review-showcase.terms.js';

const uk = counted({ one: 'відгук', few: 'відгуки', many: 'відгуків', other: 'відгуку' });

const terms: Terms<ReviewTerm> = {
  heading: 'Відгуки покупців',
  count: uk,
  rated: (a, l) => `Оцінка ${avg(a, l)} з 5`,
  based: (a, l) => `${avg(a, l)} на основі ${num(a, 'n', l)} ${l.plural(a.n as number, { one: 'відгуку', other: 'відгуків' })}`,
  star: (a, l) => `${a.s} ${l.plural(a.s as number, { one: 'зірка', few: 'зірки', other: 'зірок' })}: ${uk(a, l)}`,
  byStars: 'Фільтр за оцінкою',
  sortBy: 'Сортування',
  newest: 'Спочатку нові',
  highest: 'Спочатку високі оцінки',
  lowest: 'Спочатку низькі оцінки',
  helpful: 'Найкорисніші',
  photos: 'Спочатку з фото',
  withPhotos: 'З фото',
  languageFirst: 'Спершу відгуки українською',
  search: 'Пошук у відгуках',
  showing: (a, l) => `Показано відгуки: ${a.what}${matches(a, l)}`,
  featured: 'вибрані',
  quote: (a) => `«${a.q}»`,
  seeAll: 'Усі відгуки',
  more: 'Показати ще',
  shown: (a, l) => `Показано ${num(a, 'n', l)} з ${num(a, 'total', l)}`,
  verified: 'Підтверджена покупка',
  reply: 'Відповідь магазину',
  vote: 'Корисно',
  isNew: 'Новий',
  photo: (a) => `Фото ${a.i} з ${a.n}`,
  photoBy: (a) => (a.name ? `Фото ${a.i} від ${a.name}` : `Фото ${a.i}`),
  close: 'Закрити',
  prev: 'Назад',
  next: 'Далі',
  readMore: 'Читати повністю',
  loading: 'Завантажуємо відгуки…',
  error: 'Не вдалося завантажити відгуки.',
  retry: 'Повторити',
  empty: 'Відгуків поки немає.',
  noMatch: 'Немає відповідних відгуків.',
  carousel: 'карусель',
};

export default terms;
