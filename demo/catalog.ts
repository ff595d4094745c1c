/**
 * The demo store's catalogue: six teas, two sizes each, prices in euro cents. A real store renders this
 * on its server; the demo keeps it here so every page and language reads the same data.
 */
import type { Lang } from './shop.js';

export const CURRENCY = 'EUR';
/** Standard shipping is free from this subtotal (cents). */
export const FREE_SHIPPING_FROM = 4000;
export const SHIPPING = { standard: 490, express: 990 } as const;
export type ShippingMethod = keyof typeof SHIPPING;

export interface Size {
  grams: number;
  cents: number;
}

export interface ProductText {
  name: string;
  kind: string;
  origin: string;
  description: string;
  notes: [string, string, string];
}

/** How the tin is drawn (see art.ts). */
export type Emblem = 'flower' | 'leaf' | 'pearls' | 'smoke' | 'crescent' | 'star';
export interface Look {
  body: string;
  lid: string;
  band: string;
  emblem: Emblem;
  emblemColor: string;
}

export interface Product {
  slug: string;
  sizes: [Size, Size];
  /** Water °C, steep minutes [from, to], grams per 200 ml cup. */
  brew: { celsius: number; minutes: [number, number]; grams: number };
  look: Look;
  text: Record<Lang, ProductText>;
}

export const products: Product[] = [
  {
    slug: 'jasmine-silver-needle',
    sizes: [
      { grams: 50, cents: 1850 },
      { grams: 100, cents: 3290 },
    ],
    brew: { celsius: 80, minutes: [3, 4], grams: 3 },
    look: { body: '#efe4cf', lid: '#c4ab7c', band: '#7d4e6f', emblem: 'flower', emblemColor: '#fbeff5' },
    text: {
      en: {
        name: 'Jasmine Silver Needle',
        kind: 'White tea',
        origin: 'Fuding, Fujian, China',
        description: 'Downy silver buds layered with fresh jasmine blossoms over six nights. Soft, honeyed and floral, never perfumy.',
        notes: ['jasmine', 'honey', 'melon'],
      },
      ru: {
        name: 'Жасминовые серебряные иглы',
        kind: 'Белый чай',
        origin: 'Фудин, Фуцзянь, Китай',
        description:
          'Пушистые серебристые почки, шесть ночей подряд переложенные свежими цветами жасмина. Мягкий, медовый, цветочный — без приторности.',
        notes: ['жасмин', 'мёд', 'дыня'],
      },
      uk: {
        name: 'Жасминові срібні голки',
        kind: 'Білий чай',
        origin: 'Фудін, Фуцзянь, Китай',
        description:
          'Пухнасті сріблясті бруньки, шість ночей поспіль перекладені свіжими квітами жасмину. М’який, медовий, квітковий — без нудотності.',
        notes: ['жасмин', 'мед', 'диня'],
      },
      hu: {
        name: 'Jázminos Ezüsttű',
        kind: 'Fehér tea',
        origin: 'Fuding, Fujian, Kína',
        description: 'Pihés ezüstös rügyek, hat éjszakán át friss jázminvirágokkal rétegezve. Lágy, mézes és virágos, sosem tolakodó.',
        notes: ['jázmin', 'méz', 'dinnye'],
      },
    },
  },
  {
    slug: 'gyokuro-yame',
    sizes: [
      { grams: 50, cents: 2400 },
      { grams: 100, cents: 4400 },
    ],
    brew: { celsius: 60, minutes: [2, 2], grams: 5 },
    look: { body: '#2f5d46', lid: '#1d3b2c', band: '#dfe9c8', emblem: 'leaf', emblemColor: '#3f7a58' },
    text: {
      en: {
        name: 'Gyokuro Yame',
        kind: 'Green tea',
        origin: 'Yame, Fukuoka, Japan',
        description: 'Shaded for three weeks before picking, which makes it deep green, sweet and brothy. Brew it cool and slowly.',
        notes: ['umami', 'sweet grass', 'sea air'],
      },
      ru: {
        name: 'Гёкуро Ямэ',
        kind: 'Зелёный чай',
        origin: 'Ямэ, Фукуока, Япония',
        description:
          'Перед сбором кусты три недели держат в тени, и чай становится тёмно-зелёным, сладким и насыщенным. Заваривайте негорячей водой и не спеша.',
        notes: ['умами', 'сладкие травы', 'морской бриз'],
      },
      uk: {
        name: 'Ґьокуро Яме',
        kind: 'Зелений чай',
        origin: 'Яме, Фукуока, Японія',
        description:
          'Перед збором кущі три тижні тримають у тіні, тож чай стає темно-зеленим, солодким і насиченим. Заварюйте негарячою водою й не поспішайте.',
        notes: ['умамі', 'солодкі трави', 'морський бриз'],
      },
      hu: {
        name: 'Gyokuro Yame',
        kind: 'Zöld tea',
        origin: 'Yame, Fukuoka, Japán',
        description: 'Szedés előtt három hétig árnyékolják, ettől mélyzöld, édes és testes. Hűvösebb vízzel, lassan főzze.',
        notes: ['umami', 'édes fű', 'tengeri levegő'],
      },
    },
  },
  {
    slug: 'alishan-milk-oolong',
    sizes: [
      { grams: 50, cents: 1540 },
      { grams: 100, cents: 2790 },
    ],
    brew: { celsius: 90, minutes: [3, 3], grams: 4 },
    look: { body: '#dcc6a2', lid: '#a5825a', band: '#35557a', emblem: 'pearls', emblemColor: '#f3ead9' },
    text: {
      en: {
        name: 'Alishan Milk Oolong',
        kind: 'Oolong',
        origin: 'Alishan, Chiayi, Taiwan',
        description:
          'High-mountain oolong rolled into tight pearls. Creamy and buttery with a long orchid finish, good for five infusions.',
        notes: ['cream', 'orchid', 'butter'],
      },
      ru: {
        name: 'Молочный улун Алишань',
        kind: 'Улун',
        origin: 'Алишань, Цзяи, Тайвань',
        description:
          'Высокогорный улун, скрученный в плотные жемчужины. Сливочный, маслянистый, с долгим орхидейным послевкусием; выдерживает пять заварок.',
        notes: ['сливки', 'орхидея', 'масло'],
      },
      uk: {
        name: 'Молочний улун Алішань',
        kind: 'Улун',
        origin: 'Алішань, Цзяї, Тайвань',
        description:
          'Високогірний улун, скручений у щільні перлини. Вершковий, маслянистий, з довгим орхідейним післясмаком; витримує п’ять заварювань.',
        notes: ['вершки', 'орхідея', 'масло'],
      },
      hu: {
        name: 'Alishan tejes oolong',
        kind: 'Oolong',
        origin: 'Alishan, Csiaji, Tajvan',
        description: 'Szoros gyöngyökké sodort magashegyi oolong. Krémes, vajas, hosszú orchideás lecsengéssel; ötször is felönthető.',
        notes: ['tejszín', 'orchidea', 'vaj'],
      },
    },
  },
  {
    slug: 'lapsang-souchong',
    sizes: [
      { grams: 50, cents: 1290 },
      { grams: 100, cents: 2290 },
    ],
    brew: { celsius: 95, minutes: [4, 4], grams: 3 },
    look: { body: '#3b2f2a', lid: '#1f1815', band: '#c0673a', emblem: 'smoke', emblemColor: '#fbe3cf' },
    text: {
      en: {
        name: 'Lapsang Souchong',
        kind: 'Black tea',
        origin: 'Wuyi Mountains, Fujian, China',
        description: 'Dried over smouldering pine the traditional way. Smoky and resinous up front, then sweet like dried longan.',
        notes: ['pine smoke', 'longan', 'resin'],
      },
      ru: {
        name: 'Лапсанг сушонг',
        kind: 'Чёрный чай',
        origin: 'Горы Уишань, Фуцзянь, Китай',
        description: 'Высушен над тлеющей сосной по старинному рецепту. Сначала дым и смола, затем сладость сушёного лонгана.',
        notes: ['сосновый дым', 'лонган', 'смола'],
      },
      uk: {
        name: 'Лапсанг сушонг',
        kind: 'Чорний чай',
        origin: 'Гори Уїшань, Фуцзянь, Китай',
        description: 'Висушений над тліючою сосною за старовинним рецептом. Спершу дим і смола, потім солодкість сушеного лонгана.',
        notes: ['сосновий дим', 'лонган', 'смола'],
      },
      hu: {
        name: 'Lapsang souchong',
        kind: 'Fekete tea',
        origin: 'Vuji-hegység, Fujian, Kína',
        description: 'Hagyományosan, parázsló fenyő felett szárítva. Elöl füstös és gyantás, aztán édes, mint az aszalt longan.',
        notes: ['fenyőfüst', 'longan', 'gyanta'],
      },
    },
  },
  {
    slug: 'earl-grey-cream',
    sizes: [
      { grams: 50, cents: 1120 },
      { grams: 100, cents: 1990 },
    ],
    brew: { celsius: 95, minutes: [3, 4], grams: 3 },
    look: { body: '#56688c', lid: '#36425e', band: '#f0e3c2', emblem: 'crescent', emblemColor: '#56688c' },
    text: {
      en: {
        name: 'Earl Grey Cream',
        kind: 'Black tea blend',
        origin: 'Assam and Ceylon, blended in-house',
        description: 'Malty Assam and bright Ceylon with cold-pressed bergamot and a touch of vanilla. Our most reordered tea.',
        notes: ['bergamot', 'vanilla', 'malt'],
      },
      ru: {
        name: 'Эрл грей со сливками',
        kind: 'Купаж чёрного чая',
        origin: 'Ассам и Цейлон, наш купаж',
        description: 'Солодовый ассам и яркий цейлон с бергамотом холодного отжима и ноткой ванили. Его у нас перезаказывают чаще всего.',
        notes: ['бергамот', 'ваниль', 'солод'],
      },
      uk: {
        name: 'Ерл ґрей з вершками',
        kind: 'Купаж чорного чаю',
        origin: 'Ассам і Цейлон, наш купаж',
        description:
          'Солодовий ассам і яскравий цейлон з бергамотом холодного віджиму та ноткою ванілі. Його в нас замовляють повторно найчастіше.',
        notes: ['бергамот', 'ваніль', 'солод'],
      },
      hu: {
        name: 'Earl Grey Cream',
        kind: 'Fekete teakeverék',
        origin: 'Assam és Ceylon, saját keverés',
        description:
          'Malátás assam és élénk ceyloni tea hidegen sajtolt bergamottal és egy csipet vaníliával. Ezt rendelik újra a legtöbben.',
        notes: ['bergamott', 'vanília', 'maláta'],
      },
    },
  },
  {
    slug: 'rooibos-chai',
    sizes: [
      { grams: 50, cents: 980 },
      { grams: 100, cents: 1750 },
    ],
    brew: { celsius: 100, minutes: [5, 6], grams: 3 },
    look: { body: '#a4412e', lid: '#6a2a1e', band: '#f2c46d', emblem: 'star', emblemColor: '#8a3524' },
    text: {
      en: {
        name: 'Rooibos Chai',
        kind: 'Herbal infusion',
        origin: 'Cederberg, South Africa',
        description: 'Caffeine-free red bush with cinnamon, cardamom, ginger and clove. Lovely with warm milk in the evening.',
        notes: ['cinnamon', 'cardamom', 'ginger'],
      },
      ru: {
        name: 'Ройбуш-масала',
        kind: 'Травяной настой',
        origin: 'Седерберг, ЮАР',
        description: 'Ройбуш без кофеина с корицей, кардамоном, имбирём и гвоздикой. Особенно хорош вечером с тёплым молоком.',
        notes: ['корица', 'кардамон', 'имбирь'],
      },
      uk: {
        name: 'Ройбуш-масала',
        kind: 'Трав’яний настій',
        origin: 'Седерберг, ПАР',
        description: 'Ройбуш без кофеїну з корицею, кардамоном, імбиром і гвоздикою. Особливо смачний увечері з теплим молоком.',
        notes: ['кориця', 'кардамон', 'імбир'],
      },
      hu: {
        name: 'Rooibos chai',
        kind: 'Gyógynövény-főzet',
        origin: 'Cederberg, Dél-Afrika',
        description: 'Koffeinmentes rooibos fahéjjal, kardamommal, gyömbérrel és szegfűszeggel. Este meleg tejjel az igazi.',
        notes: ['fahéj', 'kardamom', 'gyömbér'],
      },
    },
  },
];

export const DEFAULT_PRODUCT = products[0].slug;

export function productBySlug(slug: string | null | undefined): Product | undefined {
  return products.find((p) => p.slug === slug);
}

export function sizeOf(product: Product, grams: number): Size | undefined {
  return product.sizes.find((s) => s.grams === grams);
}
