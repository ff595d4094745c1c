/** The home page: the hero picture and the product grid (the promotions block is static HTML). */
import { heroArt } from './art.js';
import { products } from './catalog.js';
import { productCard } from './cards.js';

document.querySelector('[data-art="hero"]')!.innerHTML = heroArt();
document.querySelector('[data-products]')!.replaceChildren(...products.map((product) => productCard(product, 'h3')));
