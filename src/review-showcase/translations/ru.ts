/** Russian texts of `<retain-review-showcase>`, loaded only on pages in Russian. */
import type { Terms } from '../../core/localize.js';
import { avg, counted, matches, num, type ReviewTerm } from '../review-showcase.terms.js';

const ru = counted({ one: 'отзыв', few: 'отзыва', many: 'отзывов', other: 'отзыва' });

const terms: Terms<ReviewTerm> = {
  heading: 'Отзывы покупателей',
  count: ru,
  rated: (a, l) => `Оценка ${avg(a, l)} из 5`,
  based: (a, l) => `${avg(a, l)} на основе ${num(a, 'n', l)} ${l.plural(a.n as number, { one: 'отзыва', other: 'отзывов' })}`,
  star: (a, l) => `${a.s} ${l.plural(a.s as number, { one: 'звезда', few: 'звезды', other: 'звёзд' })}: ${ru(a, l)}`,
  byStars: 'Фильтр по оценке',
  sortBy: 'Сортировка',
  newest: 'Сначала новые',
  highest: 'Сначала высокие оценки',
  lowest: 'Сначала низкие оценки',
  helpful: 'Самые полезные',
  photos: 'Сначала с фото',
  withPhotos: 'С фото',
  languageFirst: 'Сначала отзывы на русском',
  search: 'Поиск по отзывам',
  showing: (a, l) => `Показаны отзывы: ${a.what}${matches(a, l)}`,
  featured: 'избранные',
  quote: (a) => `«${a.q}»`,
  seeAll: 'Все отзывы',
  more: 'Показать ещё',
  shown: (a, l) => `Показано ${num(a, 'n', l)} из ${num(a, 'total', l)}`,
  verified: 'Подтверждённая покупка',
  reply: 'Ответ магазина',
  vote: 'Полезно',
  isNew: 'Новый',
  photo: (a) => `Фото ${a.i} из ${a.n}`,
  photoBy: (a) => (a.name ? `Фото ${a.i} от ${a.name}` : `Фото ${a.i}`),
  close: 'Закрыть',
  prev: 'Назад',
  next: 'Вперёд',
  readMore: 'Читать полностью',
  loading: 'Загружаем отзывы…',
  error: 'Не удалось загрузить отзывы.',
  retry: 'Повторить',
  empty: 'Отзывов пока нет.',
  noMatch: 'Нет подходящих отзывов.',
  carousel: 'карусель',
};

export default terms;
