// The floor: the least a Lit + idb widget can ship. One element with a reactive property, scoped styles, a
// template with an event listener, and a value kept in IndexedDB.
import { LitElement, css, html } from 'lit';
import { openDB } from 'idb';

class FloorCounter extends LitElement {
  static properties = { count: { type: Number } };
  static styles = css`
    :host {
      display: inline-block;
      font: inherit;
    }
  `;

  constructor() {
    super();
    this.count = 0;
    this.db = openDB('floor', 1, { upgrade: (db) => db.createObjectStore('state') });
  }

  async connectedCallback() {
    super.connectedCallback();
    this.count = (await (await this.db).get('state', 'count')) ?? 0;
  }

  async add() {
    this.count += 1;
    await (await this.db).put('state', this.count, 'count');
  }

  render() {
    return html`<button part="base" @click=${this.add}>${this.count}</button>`;
  }
}

customElements.define('floor-counter', FloorCounter);
