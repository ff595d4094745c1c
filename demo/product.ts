/**
 * The product page, `product.html?item=<slug>` (the first tea when the item is missing or unknown):
 * fills the static skeleton with the product, handles size and quantity, and adds to the cart.
 */
import { tinArt } from './art.js';
import { CURRENCY, DEFAULT_PRODUCT, productBySlug, products, sizeOf } from './catalog.js';
import { productCard } from './cards.js';
import { MAX_QTY, addAndAnnounce, escapeHtml, href, lang, money, t, textOf, unit, weight } from './shop.js';

const product = productBySlug(new URLSearchParams(location.search).get('item')) ?? productBySlug(DEFAULT_PRODUCT)!;
const text = textOf(product);

function bind(name: string, value: string): void {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-bind="${name}"]`)) el.textContent = value;
}

document.title = t('doc.product', { name: text.name });
document.documentElement.dataset.product = product.slug;
bind('name', text.name);
bind('kind', text.kind);
bind('description', text.description);
bind('origin', text.origin);
bind('water', unit(product.brew.celsius, 'celsius'));
const [from, to] = product.brew.minutes;
const minutes = new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute' });
bind('time', from === to ? minutes.format(from) : minutes.formatRange(from, to));
bind('leaf', `${weight(product.brew.grams)} / ${unit(200, 'milliliter')}`);

// The page's tea for the recently viewed strip (the price of its first size), as a store's template writes it.
const declared = document.querySelector('retain-product')!;
for (const [name, value] of Object.entries({
  id: product.slug,
  name: text.name,
  url: href('product.html', { item: product.slug }),
  price: String(product.sizes[0].cents / 100),
  currency: CURRENCY,
}))
  declared.setAttribute(name, value);

const art = document.querySelector<HTMLElement>('[data-bind="art"]')!;
art.style.setProperty('--tint', product.look.body);
art.innerHTML = tinArt(product, text.name);

document.querySelector('[data-bind="notes"]')!.replaceChildren(
  ...text.notes.map((note) => {
    const li = document.createElement('li');
    li.textContent = note;
    return li;
  }),
);

// ---- Buying ----

const form = document.querySelector<HTMLFormElement>('[data-buy]')!;
const qty = form.querySelector<HTMLInputElement>('#qty')!;

form.querySelector('[data-sizes]')!.innerHTML = product.sizes
  .map(
    (size, i) => `<label class="size-option">
      <input type="radio" name="size" value="${size.grams}"${i === 0 ? ' checked' : ''} />
      <span>${escapeHtml(weight(size.grams))}<small>${escapeHtml(money(size.cents))}</small></span>
    </label>`,
  )
  .join('');

function chosenGrams(): number {
  return Number(new FormData(form).get('size')) || product.sizes[0].grams;
}

function chosenQty(): number {
  const n = Math.round(Number(qty.value));
  return Number.isFinite(n) ? Math.min(MAX_QTY, Math.max(1, n)) : 1;
}

function showPrice(): void {
  bind('price', money(sizeOf(product, chosenGrams())!.cents));
  const n = chosenQty();
  form.querySelector<HTMLButtonElement>('[data-step="-1"]')!.disabled = n <= 1;
  form.querySelector<HTMLButtonElement>('[data-step="1"]')!.disabled = n >= MAX_QTY;
}

form.addEventListener('change', () => {
  qty.value = String(chosenQty());
  showPrice();
});

form.addEventListener('click', (event) => {
  const step = (event.target as Element).closest<HTMLButtonElement>('[data-step]');
  if (!step) return;
  qty.value = String(Math.min(MAX_QTY, Math.max(1, chosenQty() + Number(step.dataset.step))));
  showPrice();
  // A stepper button that just became disabled would drop focus to <body>: keep it on the field.
  if (step.disabled) qty.focus();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  addAndAnnounce(product, chosenGrams(), chosenQty());
});

showPrice();

// ---- You may also like: the next three teas ----

const index = products.indexOf(product);
const related = [1, 2, 3].map((offset) => products[(index + offset) % products.length]);
document.querySelector('[data-related]')!.replaceChildren(...related.map((p) => productCard(p, 'h3')));
