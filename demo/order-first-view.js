// The order page's stand-in for a store's server deciding, before the page is drawn, whether this is the order's
// first view on this device (Shopify's `first_time_accessed`): the kit's once-per-order widgets (the account
// prompt, the next-order card, the survey) are printed only then. Each decides from the device after the page is
// drawn whether it shows, so printed on a later view (a reload, the history) each would give up its reserved space
// there and move the page up. A classic script in <head>, so it runs before the first paint: it marks the page
// (`<html data-order-reopened>`), demo/shop.css leaves those slots out, and demo/order.ts takes the elements out and
// remembers the order as viewed. Plain JavaScript: a module would run after the first paint.
(() => {
  try {
    const read = (key, fallback) => JSON.parse(localStorage.getItem(key) ?? 'null') ?? fallback;
    const orders = read('kettlebloom:orders', []);
    const viewed = read('kettlebloom:orders-viewed', []);
    // The order demo/order.ts shows: the one asked for, else the latest placed, else its sample.
    const asked = new URLSearchParams(location.search).get('order');
    const shown = asked ? orders.find((order) => order?.id === asked) : orders[0];
    const id = shown?.id ?? 'KB-SAMPLE';
    if (Array.isArray(viewed) && viewed.includes(id)) document.documentElement.dataset.orderReopened = '';
  } catch {
    // Web storage unavailable or spoilt: a first view, as a server that cannot tell would print it.
  }
})();
