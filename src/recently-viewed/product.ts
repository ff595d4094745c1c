/**
 * `<retain-product>`: a product page declares its product, and this device records the view for
 * `<retain-recently-viewed>`. Renders nothing (core/recorder.ts). Its code loads at idle (core/near.ts) and
 * records at idle again, never on the first-paint path. Without an `id` attribute it records the page's
 * schema.org Product JSON-LD instead.
 */
import { warn } from '../core/config.js';
import { defineElement } from '../core/define.js';
import { whenIdle } from '../core/near.js';
import { RecorderElement } from '../core/recorder.js';
import { productFromAttributes, productFromJsonLd } from './product-data.js';
import { recordView } from './viewed.js';

/**
 * @tag retain-product
 * @summary Declares the product of a product page; the view is recorded on this device for the recently viewed strip.
 * @attr id - The store's product id (a SKU or a handle). Without it, the page's schema.org Product JSON-LD is read instead.
 * @attr name - The product's name, shown on its card (required with `id`).
 * @attr url - The product's page (https: or relative), default this page's address.
 * @attr image - The product's picture (https: or relative), optional.
 * @attr price - The price in major units (`18.50`), optional.
 * @attr currency - ISO 4217 code of the price, default `USD`.
 */
export class RetainProduct extends RecorderElement<boolean> {
  static readonly widget = 'product';
  static readonly observedAttributes = ['id', 'name', 'url', 'image', 'price', 'currency'];

  /** Resolves once the view is recorded (true), or false when there was no usable product or storage failed. */
  declare recorded: Promise<boolean | null>;

  /** At idle: a product page paints first. */
  protected override due(): Promise<void> {
    return whenIdle();
  }

  protected async record(): Promise<boolean> {
    const product = this.hasAttribute('id') ? productFromAttributes(this) : productFromJsonLd(document);
    if (!product) {
      if (!this.hasAttribute('id'))
        warn('<retain-product> has no id and the page has no schema.org Product JSON-LD; nothing was recorded.', this);
      return false;
    }
    try {
      await recordView(product);
      return true;
    } catch (error) {
      warn('<retain-product> could not record the view', error, this);
      return false;
    }
  }
}

defineElement('retain-product', RetainProduct);

declare global {
  interface HTMLElementTagNameMap {
    'retain-product': RetainProduct;
  }
}
