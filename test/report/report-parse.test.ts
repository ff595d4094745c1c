/**
 * `<retain-report>` reading exports, through its public surface: files given to its file input, then
 * what it shows. Each export format is recognized, orders are grouped and left out as their columns
 * say, and a malformed file gets one message per problem naming its row while the good rows count.
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import type { RetainReportExportedEvent } from '../../src/report/report.events.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import {
  $,
  $$,
  choose,
  exclusions,
  figure,
  money,
  mount,
  num,
  problems,
  settled,
  text,
  textOf,
  type Report,
} from '../support/report-element.js';
import {
  SHOPIFY_HEADER,
  WOO_ANALYTICS_HEADER,
  WOO_CUSTOMERS_HEADER,
  WOO_PLUGIN_HEADER,
  csv,
  eventLine,
  file,
  shopifyCsv,
  wooPluginRow,
} from '../support/report-files.js';

const source = (el: Report) => textOf($(el, '.source p'));

describe('<retain-report> reading exports', () => {
  let warnings: ConsoleWatch;
  let el: Report;

  beforeEach(async () => {
    freshDatabase();
    warnings = watchConsole();
    el = await mount(html`<retain-report></retain-report>`);
  });

  afterEach(async () => {
    el?.remove();
    warnings.stop();
    await deleteDatabases();
  });

  describe('Shopify', () => {
    const orders = shopifyCsv([
      { name: '#1001', email: 'ann@example.com', created: '2024-01-10 10:00:00 +0000', total: '40.00', lines: 3, code: 'WELCOME10' },
      { name: '#1002', email: 'ann@example.com', created: '2024-03-10 10:00:00 +0000', total: '60.00' },
      { name: '#1003', email: 'bob@example.com', created: '2024-02-01 10:00:00 +0000', total: '25.50' },
      {
        name: '#1004',
        email: 'cat@example.com',
        created: '2024-02-15 10:00:00 +0000',
        total: '30.00',
        cancelledAt: '2024-02-16 09:00:00 +0000',
      },
      { name: '#1005', email: 'dan@example.com', created: '2024-02-20 10:00:00 +0000', total: '12.00', financial: 'voided' },
      {
        name: '#1006',
        email: 'eve@example.com',
        created: '2024-03-01 10:00:00 +0000',
        total: '50.00',
        financial: 'refunded',
        refunded: '50.00',
      },
      {
        name: '#1007',
        email: 'tess@example.com',
        created: '2024-03-02 10:00:00 +0000',
        total: '9.00',
        payment: 'Bogus Gateway (for testing)',
      },
      {
        name: '#1008',
        email: 'bob@example.com',
        created: '2024-03-20 10:00:00 +0000',
        total: '20.00',
        financial: 'partially_refunded',
        refunded: '5.00',
      },
      { name: '#1009', email: 'ANN@Example.com', created: '2024-04-01 10:00:00 +0000', total: '30.00' },
    ]);

    it('recognizes the export, groups line items by Name and leaves out what its columns say', async () => {
      expect(await choose(el, [file(orders, 'orders_export.csv')])).to.equal('report');
      expect(source(el)).to.contain(`orders_export.csv: Shopify orders export, ${num(11)} rows, ${num(9)} orders.`);
      // Kept: #1001 40, #1002 60, #1003 25.50, #1008 20 − 5 refunded, #1009 30 (ann in another letter case).
      expect(figure(el, 'customers')).to.equal(num(2));
      expect(figure(el, 'orders')).to.equal(num(5));
      expect(figure(el, 'revenue')).to.equal(money(170.5, 'EUR'));
      expect(figure(el, 'aov')).to.equal(money(34.1, 'EUR'));
      expect(figure(el, 'frequency')).to.equal(num(2.5, 'en', { maximumFractionDigits: 2 }));
      expect(exclusions(el)).to.deep.equal({ cancelled: '1', voided: '1', refunded: '1', test: '1' });
      expect(text(el)).to.contain('4 orders left out');
      expect(problems(el)).to.deep.equal([]);
    });

    it('a Test column marks test orders', async () => {
      const header = [...SHOPIFY_HEADER, 'Test'];
      const rows = [
        ['#1', 'a@example.com', 'paid', '', '', '', '', 'EUR', '10', '', '', '10', '', '', '', '2024-01-01 10:00:00 +0000'],
        ['#2', 'b@example.com', 'paid', '', '', '', '', 'EUR', '10', '', '', '10', '', '', '', '2024-01-02 10:00:00 +0000'],
      ].map((row, i) => [...row, ...Array(SHOPIFY_HEADER.length - row.length).fill(''), i === 1 ? 'true' : 'false']);
      expect(await choose(el, [file(csv(header, rows), 'orders.csv')])).to.equal('report');
      expect(exclusions(el)).to.deep.equal({ test: '1' });
      expect(figure(el, 'orders')).to.equal(num(1));
    });
  });

  describe('WooCommerce', () => {
    const analytics = csv(WOO_ANALYTICS_HEADER, [
      ['2024-01-05 10:00:00', '101', '€20.00', 'Completed', 'Anna Kovács', 'new', '1× Sencha', '1', '', '20.00', 'Direct'],
      ['2024-02-05 11:00:00', '102', '€30.00', 'Processing', 'Anna Kovács', 'returning', '1× Sencha', '1', 'SPRING', '30.00', 'Direct'],
      ['2024-02-06 12:00:00', '103', '€15.00', 'Completed', 'Béla Nagy', 'new', '1× Earl Grey', '1', '', '15.00', 'Direct'],
      ['2024-02-07 12:00:00', '104', '€10.00', 'Refunded', 'Béla Nagy', 'returning', '1× Earl Grey', '1', '', '10.00', 'Direct'],
      ['2024-02-08 12:00:00', '105', '€99.00', 'Failed', 'Béla Nagy', 'returning', '1× Earl Grey', '1', '', '99.00', 'Direct'],
      ['2024-02-09 12:00:00', '106', '€12.00', 'Cancelled', 'Anna Kovács', 'returning', '1× Earl Grey', '1', '', '12.00', 'Direct'],
    ]);
    const customers = csv(WOO_CUSTOMERS_HEADER, [
      ['Anna Kovács', 'anna', '2024-02-09', '2024-01-05', 'anna@example.com', '3', '62.00', '20.67', 'HU', 'Budapest', '', '1011'],
      ['Béla Nagy', 'bela', '2024-02-08', '2024-02-06', 'bela@example.com', '3', '124.00', '41.33', 'HU', 'Szeged', '', '6720'],
    ]);

    it('reads Analytics orders with the customers export, in either order, currency from the amounts’ symbol', async () => {
      expect(await choose(el, [file(customers, 'customers.csv'), file(analytics, 'orders.csv')])).to.equal('report');
      expect(source(el)).to.contain('WooCommerce Analytics orders');
      expect(figure(el, 'customers')).to.equal(num(2));
      expect(figure(el, 'orders')).to.equal(num(3));
      expect(figure(el, 'revenue')).to.equal(money(65, 'EUR'));
      expect(exclusions(el)).to.deep.equal({ cancelled: '1', voided: '1', refunded: '1' });
      expect(text(el)).to.contain('its amounts’ symbol says EUR');
      expect(text(el)).not.to.contain('told apart by name');
    });

    it('without the customers export, tells customers apart by name and says so', async () => {
      expect(await choose(el, [file(analytics, 'orders.csv')])).to.equal('report');
      expect(figure(el, 'customers')).to.equal(num(2));
      expect(text(el)).to.contain('Customers are told apart by name only');
    });

    it('the currency attribute names the currency of an export without one', async () => {
      el.remove();
      el = await mount(html`<retain-report currency="huf"></retain-report>`);
      expect(await choose(el, [file(analytics, 'orders.csv')])).to.equal('report');
      expect(figure(el, 'revenue')).to.equal(money(65, 'HUF'));
      expect(text(el)).to.contain('its amounts are read as HUF');
    });

    // "$" names no single currency, so the owner is asked for it. The currency named went out as a column mapping:
    // the export was read as a generic CSV (the owner had to pick its total), its customers told apart by name.
    it('in $, the owner names only the currency: still read as Analytics, its customers by email', async () => {
      const dollars = csv(WOO_ANALYTICS_HEADER, [
        ['2024-01-05 10:00:00', '101', '$20.00', 'Completed', 'Anna Kovacs', 'new', '1× Sencha', '1', '', '20.00', 'Direct'],
        ['2024-02-05 11:00:00', '102', '$30.00', 'Processing', 'Anna Kovacs', 'returning', '1× Sencha', '1', '', '30.00', 'Direct'],
        ['2024-02-06 12:00:00', '103', '$15.00', 'Completed', 'Bela Nagy', 'new', '1× Earl Grey', '1', '', '15.00', 'Direct'],
        ['2024-02-07 12:00:00', '104', '$10.00', 'Refunded', 'Bela Nagy', 'returning', '1× Earl Grey', '1', '', '10.00', 'Direct'],
      ]);
      const theirCustomers = csv(WOO_CUSTOMERS_HEADER, [
        ['Anna Kovacs', 'anna', '2024-02-09', '2024-01-05', 'anna@example.com', '2', '50.00', '25.00', 'US', 'Austin', '', '73301'],
        ['Bela Nagy', 'bela', '2024-02-08', '2024-02-06', 'bela@example.com', '2', '25.00', '12.50', 'US', 'Austin', '', '73301'],
      ]);
      expect(await choose(el, [file(dollars, 'orders.csv'), file(theirCustomers, 'customers.csv')])).to.equal('mapping');
      expect(textOf($(el, 'form.mapping p'))).to.equal('This export has no currency column: name the currency of its amounts.');
      expect($$(el, 'form.mapping select'), 'no column to pick: the export is known').to.have.length(0);
      const currency = $<HTMLInputElement>(el, '#fixed-currency')!;
      expect(textOf($(el, 'label[for="fixed-currency"]'))).to.equal('Currency of the amounts (ISO code, such as USD)');
      currency.value = 'dollars';
      $<HTMLButtonElement>(el, 'form.mapping button[type="submit"]')!.click();
      await el.updateComplete;
      expect(currency.getAttribute('aria-invalid')).to.equal('true');
      expect(textOf($(el, 'form.mapping [role="alert"]'))).to.equal('Type a three-letter code such as USD.');
      currency.value = 'usd';
      const outcome = settled(el);
      $<HTMLButtonElement>(el, 'form.mapping button[type="submit"]')!.click();
      expect(await outcome).to.equal('report');
      expect(source(el)).to.contain('WooCommerce Analytics orders');
      expect(figure(el, 'revenue')).to.equal(money(65, 'USD'));
      expect(exclusions(el)).to.deep.equal({ refunded: '1' });
      expect(text(el)).to.contain('Amounts are read as USD, as you chose.');
      expect(text(el)).not.to.contain('told apart by name');
      // Each segment's CSV lists its customers by the email of the customers download.
      el.addEventListener('retain-report-exported', (event) => event.preventDefault());
      const listed: string[] = [];
      for (const button of $$<HTMLButtonElement>(el, '[part="export-button"]').filter((b) => !b.disabled)) {
        const exported = oneEvent(el, 'retain-report-exported') as Promise<RetainReportExportedEvent>;
        button.click();
        const lines = ((await exported).detail as unknown as { csv: string }).csv.split('\r\n').slice(1).filter(Boolean);
        listed.push(...lines.map((line) => line.split(',')[0]));
      }
      expect(listed.sort()).to.deep.equal(['anna@example.com', 'bela@example.com']);
    });

    it('reads an export plugin’s snake_case columns: statuses, refunds, coupon_items', async () => {
      const plugin = csv(WOO_PLUGIN_HEADER, [
        wooPluginRow({
          id: '501',
          date: '2024-01-02 09:00:00',
          status: 'wc-completed',
          total: '45.00',
          customerId: '7',
          email: 'ann@shop.test',
          coupons: 'code:SPIN10-AB1|amount:5.00',
        }),
        wooPluginRow({
          id: '502',
          date: '2024-02-02 09:00:00',
          status: 'completed',
          total: '55.00',
          customerId: '7',
          email: 'ann@shop.test',
        }),
        wooPluginRow({
          id: '503',
          date: '2024-02-03 09:00:00',
          status: 'cancelled',
          total: '70.00',
          customerId: '8',
          email: 'bo@shop.test',
        }),
        wooPluginRow({
          id: '504',
          date: '2024-02-04 09:00:00',
          status: 'completed',
          total: '20.00',
          refunded: '20.00',
          customerId: '8',
          email: 'bo@shop.test',
        }),
        wooPluginRow({
          id: '505',
          date: '2024-02-05 09:00:00',
          status: 'completed',
          total: '30.00',
          refunded: '10.00',
          customerId: '8',
          email: 'bo@shop.test',
        }),
        wooPluginRow({ id: '506', date: '2024-02-06 09:00:00', status: 'failed', total: '30.00', customerId: '8', email: 'bo@shop.test' }),
      ]);
      expect(await choose(el, [file(plugin, 'woo-orders.csv')])).to.equal('report');
      expect(source(el)).to.contain('WooCommerce orders export');
      expect(figure(el, 'customers')).to.equal(num(2));
      expect(figure(el, 'orders')).to.equal(num(3));
      expect(figure(el, 'revenue')).to.equal(money(120, 'USD'));
      expect(exclusions(el)).to.deep.equal({ cancelled: '1', refunded: '1', voided: '1' });
    });
  });

  describe('a CSV of unknown columns', () => {
    it('asks which column is which, guessing first, then reads the file with the owner’s mapping', async () => {
      const generic = csv(
        ['Order ID', 'Customer Email', 'Order Date', 'Amount', 'Currency Code'],
        [
          ['A-1', 'zoe@example.com', '2024-05-01', '12.00', 'GBP'],
          ['A-2', 'zoe@example.com', '2024-06-01', '18.00', 'GBP'],
          ['A-3', 'yan@example.com', '2024-06-02', '30.00', 'GBP'],
        ],
      );
      expect(await choose(el, [file(generic, 'sheet.csv')])).to.equal('mapping');
      expect(text(el)).to.contain('These columns are not from an export the report knows');
      expect($<HTMLSelectElement>(el, '#map-id')!.value).to.equal('Order ID');
      expect($<HTMLSelectElement>(el, '#map-customer')!.value).to.equal('Customer Email');
      expect($<HTMLSelectElement>(el, '#map-placed')!.value).to.equal('Order Date');
      expect($<HTMLSelectElement>(el, '#map-total')!.value).to.equal('Amount');
      expect($<HTMLSelectElement>(el, '#map-currency')!.value).to.equal('Currency Code');
      // The owner sees the first rows of their own file.
      expect($$(el, 'form.mapping tbody tr')).to.have.length(3);
      const outcome = settled(el);
      $<HTMLButtonElement>(el, 'form.mapping button[type="submit"]')!.click();
      expect(await outcome).to.equal('report');
      expect(source(el)).to.contain('CSV with your column mapping');
      expect(figure(el, 'customers')).to.equal(num(2));
      expect(figure(el, 'revenue')).to.equal(money(60, 'GBP'));
    });

    it('a mapping that lacks a required column is refused at that column; a typed currency serves a file without one', async () => {
      const generic = 'Ref;Client;When;Paid\r\nX1;ida@example.com;2024.05.01.;12 500,00\r\nX2;ida@example.com;2024.06.01.;7 500,50\r\n';
      expect(await choose(el, [file(generic, 'kassza.csv')])).to.equal('mapping');
      const id = $<HTMLSelectElement>(el, '#map-id')!;
      expect(id.value).to.equal('');
      $<HTMLButtonElement>(el, 'form.mapping button[type="submit"]')!.click();
      expect(id.getAttribute('aria-invalid')).to.equal('true');
      await el.updateComplete;
      expect(textOf($(el, 'form.mapping [role="alert"]'))).to.equal('Choose a column.');
      expect(el.shadowRoot!.activeElement).to.equal(id);
      const pick = (field: string, value: string) => {
        const select = $<HTMLSelectElement>(el, `#map-${field}`)!;
        select.value = value;
        select.dispatchEvent(new Event('change'));
      };
      pick('id', 'Ref');
      pick('customer', 'Client');
      pick('placed', 'When');
      pick('total', 'Paid');
      const currency = $<HTMLInputElement>(el, '#fixed-currency')!;
      currency.value = 'huf';
      const outcome = settled(el);
      $<HTMLButtonElement>(el, 'form.mapping button[type="submit"]')!.click();
      expect(await outcome).to.equal('report');
      expect(figure(el, 'revenue')).to.equal(money(20000.5, 'HUF'));
      expect(text(el)).to.contain('Amounts are read as HUF, as you chose.');
    });
  });

  describe('malformed files', () => {
    it('a Shopify export missing a column says which, and offers the mapping', async () => {
      const header = SHOPIFY_HEADER.filter((name) => name !== 'Currency');
      const rows = [['#1', 'a@example.com', 'paid', '2024-01-01', '', '', '', '10', '', '', '10']].map((row) => [
        ...row,
        ...Array(header.length - row.length).fill(''),
      ]);
      expect(await choose(el, [file(csv(header, rows), 'orders.csv')])).to.equal('mapping');
      expect(textOf($(el, 'form.mapping p'))).to.equal(
        'This looks like a Shopify orders export file, but it lacks “Currency”. Pick the columns to use instead.',
      );
    });

    it('a bad date, a bad amount and a bad currency each name their row; the other orders count', async () => {
      const orders = shopifyCsv([
        { name: '#2001', email: 'a@example.com', created: '2024-02-01 10:00:00 +0000', total: '10.00' },
        { name: '#2002', email: 'b@example.com', created: '2024-02-31 10:00:00 +0000', total: '10.00' },
        { name: '#2003', email: 'c@example.com', created: '2024-02-03 10:00:00 +0000', total: 'ten euros' },
        { name: '#2004', email: 'd@example.com', created: '2024-02-04 10:00:00 +0000', total: '10.00', currency: 'EURO' },
        { name: '#2005', email: 'a@example.com', created: '2024-03-01 10:00:00 +0000', total: '30.00' },
      ]);
      expect(await choose(el, [file(orders, 'orders.csv')])).to.equal('report');
      expect(problems(el)).to.deep.equal([
        'Row 3: “Created at” is not a date (“2024-02-31 10:00:00 +0000”). The order is left out.',
        'Row 4: “Total” is not an amount (“ten euros”). The order is left out.',
        'Row 5: “Currency” is not a currency code (“EURO”). The order is left out.',
      ]);
      expect(exclusions(el)).to.deep.equal({ invalid: '3' });
      expect(figure(el, 'orders')).to.equal(num(2));
      expect(figure(el, 'revenue')).to.equal(money(40, 'EUR'));
    });

    it('one order in two currencies is left out, naming the row; orders in different currencies get figures apart', async () => {
      const orders = shopifyCsv([
        { name: '#3001', email: 'a@example.com', created: '2024-02-01 10:00:00 +0000', total: '10.00', lines: 2 },
        { name: '#3002', email: 'b@example.com', created: '2024-02-02 10:00:00 +0000', total: '20.00', currency: 'USD' },
        { name: '#3003', email: 'c@example.com', created: '2024-02-03 10:00:00 +0000', total: '30.00' },
        { name: '#3004', email: 'c@example.com', created: '2024-02-04 10:00:00 +0000', total: '40.00', currency: 'USD' },
      ]);
      // The second row of #3001 (a line item) names USD where its first row named EUR.
      const lines = orders.split('\r\n');
      const cells = lines[2].split(',');
      cells[SHOPIFY_HEADER.indexOf('Currency')] = 'USD';
      lines[2] = cells.join(',');
      expect(await choose(el, [file(lines.join('\r\n'), 'orders.csv')])).to.equal('report');
      expect(problems(el)).to.deep.equal(['Row 3: this row of the order is in USD, its first row in EUR. The order is left out.']);
      expect(text(el)).to.contain('This export has orders in 2 currencies: each has its own figures, never summed.');
      const select = $<HTMLSelectElement>(el, 'select#currency')!;
      expect([...select.options].map((option) => option.value)).to.deep.equal(['USD', 'EUR']);
      expect(figure(el, 'revenue')).to.equal(money(60, 'USD'));
      select.value = 'EUR';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(figure(el, 'revenue')).to.equal(money(30, 'EUR'));
    });

    it('a quote left open names its row, and the rows after it are still read', async () => {
      const orders = shopifyCsv([
        { name: '#5001', email: 'a@example.com', created: '2024-02-01 10:00:00 +0000', total: '10.00' },
        { name: '#5002', email: 'b@example.com', created: '2024-02-02 10:00:00 +0000', total: '20.00' },
        { name: '#5003', email: 'c@example.com', created: '2024-02-03 10:00:00 +0000', total: '30.00' },
        { name: '#5004', email: 'a@example.com', created: '2024-02-04 10:00:00 +0000', total: '40.00' },
      ]);
      const lines = orders.split('\r\n');
      lines[2] = lines[2].replace('"Earl Grey Cream, 100 g"', '"Earl Grey Cream, 100 g');
      expect(lines[2]).to.contain('"Earl Grey Cream, 100 g,');
      expect(await choose(el, [file(lines.join('\r\n'), 'orders.csv')])).to.equal('report');
      expect(problems(el)).to.deep.equal(['Row 3: a quote opened here is never closed. The row is skipped; the rows after it were read.']);
      expect(figure(el, 'orders')).to.equal(num(3));
      expect(figure(el, 'revenue')).to.equal(money(80, 'EUR'));
    });

    it('a row with more fields than the header is skipped, naming the row and the counts', async () => {
      const orders = shopifyCsv([
        { name: '#6001', email: 'a@example.com', created: '2024-02-01 10:00:00 +0000', total: '10.00' },
        { name: '#6002', email: 'b@example.com', created: '2024-02-02 10:00:00 +0000', total: '20.00' },
      ]);
      const lines = orders.split('\r\n');
      lines[1] = `${lines[1]},surplus`;
      expect(await choose(el, [file(lines.join('\r\n'), 'orders.csv')])).to.equal('report');
      expect(problems(el)).to.deep.equal([
        `Row 2: ${SHOPIFY_HEADER.length + 1} fields where the header has ${SHOPIFY_HEADER.length}. The row is skipped.`,
      ]);
      expect(figure(el, 'orders')).to.equal(num(1));
    });

    it('an empty file and files without an orders export are refused with a message', async () => {
      expect(await choose(el, [file('', 'empty.csv')])).to.equal('failed');
      expect(textOf($(el, '.failure'))).to.equal('The file is empty: it has no header row.');
      expect(await choose(el, [file(eventLine('retain-spin-shown'), 'events.jsonl')])).to.equal('failed');
      expect(textOf($(el, '.failure'))).to.contain('None of these files is an orders export');
    });
  });

  describe('a file over 1 MB', () => {
    const MIB = 1 << 20;
    const wooRow = (id: number, customer: string, day = '01-05') =>
      `2024-${day} 10:00:00,${id},€20.00,Completed,${customer},returning,1× Sencha,1,,20.00,Direct\r\n`;

    // A Hungarian store's WooCommerce Analytics export over 1 MB. Where a two-byte letter (á = C3 A1)
    // straddles the 1 MiB mark, it must not be decoded as two U+FFFD (“Anna Kov��s”, another customer).
    it('a letter split by the megabyte boundary does not make a new customer', async () => {
      const enc = new TextEncoder();
      const header = `${WOO_ANALYTICS_HEADER.join(',')}\r\n`;
      const pad = (i: number) => wooRow(1000 + i, 'Bob Smith');
      const anna = (id: number, day: string) => wooRow(id, 'Anna Kovács', `02-${day}`);
      let body = header + anna(1, '01');
      let size = enc.encode(body).length;
      let i = 0;
      // Pad with ASCII-ish rows until the next row's “á” starts exactly one byte before the 1 MiB mark.
      const prefix = enc.encode('2024-02-02 10:00:00,999999,€20.00,Completed,Anna Kov').length;
      const rows: string[] = [];
      for (;;) {
        const bytes = enc.encode(pad(i)).length;
        if (size + 2 * bytes + prefix >= MIB - 1) break;
        rows.push(pad(i++));
        size += bytes;
      }
      body += rows.join('');
      // Fill the rest with a Product(s) cell of the right length on one more padding row.
      const gap = MIB - 1 - prefix - size;
      const filler = `2024-01-05 10:00:00,${1000 + i},€20.00,Completed,Bob Smith,returning,`;
      const tail = `,1,,20.00,Direct\r\n`;
      const product = 'x'.repeat(gap - enc.encode(filler + tail).length);
      body += filler + product + tail;
      body += anna(999999, '02');
      body += anna(999998, '03');
      const bytes = enc.encode(body);
      expect(bytes[MIB - 1], 'the á straddles the megabyte mark').to.equal(0xc3);
      expect(bytes[MIB]).to.equal(0xa1);
      expect(await choose(el, [file(body, 'orders.csv')])).to.equal('report');
      expect(figure(el, 'customers'), 'Anna Kovács and Bob Smith').to.equal(num(2));
      expect(figure(el, 'orders')).to.equal(num(rows.length + 4));
      expect(problems(el)).to.deep.equal([]);
    });

    // The same export saved as UTF-16 (little-endian, with its byte order mark) by a spreadsheet: the
    // whole file is UTF-16, not only its first megabyte.
    it('a UTF-16LE file (with its BOM) reads the names past the first megabyte', async () => {
      let body = `${WOO_ANALYTICS_HEADER.join(',')}\r\n${wooRow(1, 'Anna Kovács', '02-01')}${wooRow(2, 'Олена Шевченко', '02-01')}`;
      let id = 3;
      // Two bytes a character: pad past 1.5 MiB, so that more than one megabyte-sized piece follows the first.
      while (body.length * 2 < 1.5 * MIB) body += wooRow(id++, 'Bob Smith');
      const padded = id - 3;
      body += wooRow(id++, 'Anna Kovács', '03-01') + wooRow(id++, 'Олена Шевченко', '03-01') + wooRow(id++, 'Béla Nagy', '03-02');
      const bytes = new Uint8Array(2 + body.length * 2);
      bytes.set([0xff, 0xfe]);
      for (let at = 0; at < body.length; at++) {
        const unit = body.charCodeAt(at);
        bytes[2 + 2 * at] = unit & 0xff;
        bytes[3 + 2 * at] = unit >> 8;
      }
      expect(bytes.length, 'over 1 MiB').to.be.above(MIB);
      const utf16 = new File([bytes], 'orders.csv', { type: 'text/csv' });
      expect(await choose(el, [utf16])).to.equal('report');
      expect(problems(el), 'no row of the file is garbled').to.deep.equal([]);
      expect(figure(el, 'customers'), 'Anna Kovács, Олена Шевченко, Bob Smith and Béla Nagy').to.equal(num(4));
      expect(figure(el, 'orders')).to.equal(num(padded + 5));
      expect(figure(el, 'revenue')).to.equal(money(20 * (padded + 5), 'EUR'));
    });
  });

  describe('the kit’s events', () => {
    it('counts each widget’s funnel once per event id, and the orders that used a wheel’s code', async () => {
      const plugin = csv(WOO_PLUGIN_HEADER, [
        wooPluginRow({
          id: '501',
          date: '2024-01-02 09:00:00',
          status: 'completed',
          total: '45.00',
          customerId: '7',
          email: 'ann@shop.test',
          coupons: 'code:spin10-ab1|amount:5.00',
        }),
        wooPluginRow({
          id: '502',
          date: '2024-02-02 09:00:00',
          status: 'completed',
          total: '55.00',
          customerId: '7',
          email: 'ann@shop.test',
          coupons: 'code:OTHER|amount:5.00',
        }),
      ]);
      const shown = eventLine('retain-spin-shown', {}, 'shown-1');
      const events = [
        shown,
        shown, // a retry logged twice: counted once
        eventLine('retain-spin-shown'),
        eventLine('retain-spin-shown'),
        eventLine('retain-spin-started'),
        eventLine('retain-spin-started'),
        eventLine('retain-spin-ended', { code: 'SPIN10-AB1', type: 'discount' }),
        eventLine('retain-spin-ended', { type: 'none' }),
        eventLine('retain-spin-code-applied', { code: 'SPIN10-AB1' }),
        JSON.stringify({
          sentAt: Date.UTC(2024, 5, 2),
          events: [JSON.parse(eventLine('retain-account-shown')), JSON.parse(eventLine('retain-account-created'))],
        }),
        eventLine('retain-review-seen'),
        eventLine('retain-review-voted'),
        'not json at all',
        JSON.stringify({ event: 'retain_review_seen', event_id: 'ga4-1' }),
      ].join('\n');
      expect(await choose(el, [file(plugin, 'orders.csv'), file(events, 'events.jsonl')])).to.equal('report');
      const funnel = (title: string) => {
        const table = $$(el, '.funnel').find((f) => textOf(f.querySelector('h4')) === title)!;
        return Object.fromEntries(
          [...table.querySelectorAll('tbody tr')].map((row) => [textOf(row.querySelector('th')), textOf(row.querySelector('td'))]),
        );
      };
      expect(funnel('Spin wheel')).to.deep.equal({
        'Wheel shown': '3',
        Spun: '2',
        'Won a code': '1',
        'Copied the code': '0',
        'Applied the code': '1',
        'Orders with a wheel’s code': '1',
        'Their revenue': money(45, 'USD'),
      });
      expect(funnel('Account prompt')).to.deep.equal({ 'Prompt shown': '1', 'Sign-up asked': '0', 'Accounts created': '1' });
      expect(funnel('Reviews')).to.deep.equal({ 'Reviews seen': '2', 'Helpful votes': '1' });
      expect(problems(el)).to.deep.equal(['Events file: Line 13: not a JSON event. The line is skipped.']);
    });

    it('fits a phone (320 px): a funnel’s table scrolls in a region of its own, the report is no wider than the screen', async () => {
      el.style.display = 'block';
      el.style.width = '320px';
      const orders = csv(WOO_PLUGIN_HEADER, [
        wooPluginRow({
          id: '601',
          date: '2024-01-02 09:00:00',
          status: 'completed',
          total: '45.00',
          customerId: '8',
          email: 'bo@shop.test',
          coupons: 'code:spin10-cd2|amount:5.00',
        }),
      ]);
      const events = [
        eventLine('retain-spin-shown'),
        eventLine('retain-spin-started'),
        eventLine('retain-spin-ended', { code: 'SPIN10-CD2', type: 'discount' }),
        eventLine('retain-spin-code-applied', { code: 'SPIN10-CD2' }),
      ].join('\n');
      expect(await choose(el, [file(orders, 'orders.csv'), file(events, 'events.jsonl')])).to.equal('report');
      const regions = $$(el, '.funnel .scroll');
      expect(regions.length, 'a funnel at least').to.be.above(0);
      expect(regions.length, 'each funnel’s table in a scroll region').to.equal($$(el, '.funnel table').length);
      for (const region of regions) {
        expect(region.getAttribute('role')).to.equal('region');
        expect(region.tabIndex, 'a keyboard can scroll it').to.equal(0);
        expect(textOf(el.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!)), 'named by its funnel').to.not.equal('');
      }
      expect(el.scrollWidth, 'the report at 320 px').to.be.at.most(320);
      await expect(el).to.be.accessible();
    });
  });
});
