#!/usr/bin/env node
// Generates the demo's review fixtures: `node demo/data/generate-reviews.mjs`.
//
// Writes demo/data/reviews/<slug>.json (the documented shape of <retain-review-showcase>, see
// docs/review-showcase.md) for each tea of the demo catalogue, and the small SVG "photos" under demo/data/photos/.
// Every text is composed from the phrase fragments below, written for this demo (no real reviews are
// copied), in en, ru, uk and hu. The output is deterministic: a seeded generator, a fixed "today".
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const TODAY = Date.UTC(2026, 10, 20, 12);
const DAY = 86_400_000;

/** mulberry32: small, seeded, good enough for fixtures. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- The catalogue, as far as reviews need it (names and tasting notes from demo/catalog.ts) ----

const teas = [
  {
    slug: 'jasmine-silver-needle',
    name: 'Jasmine Silver Needle',
    count: 200,
    notes: {
      en: ['jasmine', 'honey', 'melon'],
      ru: ['жасмин', 'мёд', 'дыня'],
      uk: ['жасмин', 'мед', 'диня'],
      hu: ['jázmin', 'méz', 'dinnye'],
    },
  },
  {
    slug: 'gyokuro-yame',
    name: 'Gyokuro Yame',
    count: 64,
    notes: {
      en: ['umami', 'sweet grass', 'sea air'],
      ru: ['умами', 'сладкие травы', 'морской бриз'],
      uk: ['умамі', 'солодкі трави', 'морський бриз'],
      hu: ['umami', 'édes fű', 'tengeri levegő'],
    },
  },
  {
    slug: 'alishan-milk-oolong',
    name: 'Alishan Milk Oolong',
    count: 88,
    notes: {
      en: ['cream', 'orchid', 'butter'],
      ru: ['сливки', 'орхидея', 'масло'],
      uk: ['вершки', 'орхідея', 'масло'],
      hu: ['tejszín', 'orchidea', 'vaj'],
    },
  },
  {
    slug: 'lapsang-souchong',
    name: 'Lapsang Souchong',
    count: 47,
    notes: {
      en: ['pine smoke', 'longan', 'resin'],
      ru: ['сосновый дым', 'лонган', 'смола'],
      uk: ['сосновий дим', 'лонган', 'смола'],
      hu: ['fenyőfüst', 'longan', 'gyanta'],
    },
  },
  {
    slug: 'earl-grey-cream',
    name: 'Earl Grey Cream',
    count: 120,
    notes: {
      en: ['bergamot', 'vanilla', 'malt'],
      ru: ['бергамот', 'ваниль', 'солод'],
      uk: ['бергамот', 'ваніль', 'солод'],
      hu: ['bergamott', 'vanília', 'maláta'],
    },
  },
  {
    slug: 'rooibos-chai',
    name: 'Rooibos Chai',
    count: 72,
    notes: {
      en: ['cinnamon', 'cardamom', 'ginger'],
      ru: ['корица', 'кардамон', 'имбирь'],
      uk: ['кориця', 'кардамон', 'імбир'],
      hu: ['fahéj', 'kardamom', 'gyömbér'],
    },
  },
];

// ---- Phrase fragments, by language; {note} is a tasting note in the nominative ----

const huArticle = (word) => (/^[aáeéiíoóöőuúüű]/i.test(word) ? 'az' : 'a');

const phrases = {
  en: {
    titles: {
      5: ['Wonderful', 'My new morning cup', 'Love it', 'Beautiful aroma', 'Worth every cent', 'Exactly as described'],
      4: ['Very good', 'Nice everyday tea', 'Pleasant and smooth', 'Would buy again'],
      3: ['Okay', 'Decent, not special', 'Fine for the price'],
      2: ['A bit disappointed', 'Not quite for me'],
      1: ['Not what I expected', 'Would not order again'],
    },
    open: {
      good: [
        'Lovely tea.',
        'Bought it on a whim and now I am on my third tin.',
        'A really pleasant surprise.',
        'Exactly what I hoped for.',
        'This has become my afternoon ritual.',
        'I was given a sample and ordered a full tin the same evening.',
      ],
      mixed: [
        'Nice, but nothing special.',
        'A bit lighter than I expected.',
        'Good, though I prefer a stronger cup.',
        'Fine, not amazing.',
      ],
      bad: ['Not for me, sadly.', 'I had high hopes for this one.', 'Honestly disappointing.'],
    },
    taste: {
      good: [
        'The {note} comes through clearly without being heavy.',
        'There is a soft note of {note} that lingers after each sip.',
        'Second and third infusions still taste of {note}.',
        'Smooth, no bitterness, with a gentle hint of {note}.',
      ],
      mixed: ['I can taste the {note}, but only just.', 'The {note} is there, the rest is rather flat.'],
      bad: [
        'I could barely taste any {note}.',
        'It tasted dusty to me, nothing like {note}.',
        'The flavour faded within a week of opening.',
      ],
    },
    extra: {
      good: [
        'I steep it a little cooler than the label says and it is perfect.',
        'Works well cold-brewed overnight too.',
        'Forgiving if you forget it in the pot for a minute.',
        'The tin keeps it fresh and looks nice on the shelf.',
        'Arrived in two days, well packed.',
      ],
      mixed: ['Delivery was quick.', 'The tin is pretty.', 'Maybe I will try a different brewing time.'],
      bad: ['The tin arrived dented.', 'Too weak even with extra leaves.', 'Delivery took almost two weeks.'],
    },
    close: {
      good: ['Will order again.', 'Recommended.', 'Already bought one as a gift.', ''],
      mixed: ['', 'Might try another tea next time.'],
      bad: ['', 'I will stick to my usual tea.'],
    },
    reply: {
      good: ['Thank you for the kind words!', 'So glad you enjoy it. Happy brewing!'],
      bad: [
        'We are sorry to hear that. Please write to us and we will send a replacement.',
        'Thank you for telling us. We have checked the batch and would like to make it right: please get in touch.',
      ],
    },
    names: [
      'Emma W.',
      'Oliver P.',
      'Grace H.',
      'Liam O.',
      'Chloe B.',
      'Noah T.',
      'Amelia R.',
      'Jack D.',
      'Sophie L.',
      'Harry M.',
      'Isla F.',
      'Ethan C.',
    ],
    places: ['Leeds', 'Bristol', 'Dublin', 'Toronto', 'Austin', 'Cardiff', 'Glasgow', 'Portland', ''],
  },
  ru: {
    titles: {
      5: ['Прекрасный чай', 'Теперь пью каждое утро', 'Очень понравился', 'Чудесный аромат', 'Стоит своих денег', 'Всё как в описании'],
      4: ['Очень хороший', 'Хороший чай на каждый день', 'Мягкий и приятный', 'Куплю ещё'],
      3: ['Неплохо', 'Нормально, но без восторга', 'За свою цену сойдёт'],
      2: ['Немного разочаровал', 'Не совсем моё'],
      1: ['Не то, что ожидалось', 'Больше не закажу'],
    },
    open: {
      good: [
        'Отличный чай.',
        'Брали на пробу, а теперь заканчивается уже третья банка.',
        'Очень приятный сюрприз.',
        'Именно то, что хотелось.',
        'Стал моим вечерним ритуалом.',
        'После пробника в тот же вечер заказали целую банку.',
      ],
      mixed: ['Неплохо, но ничего особенного.', 'Легче, чем ожидалось.', 'Хороший, хотя я люблю покрепче.'],
      bad: ['К сожалению, не моё.', 'На него были большие надежды.', 'Честно говоря, разочаровал.'],
    },
    taste: {
      good: [
        'В аромате — {note}, но без тяжести.',
        'После каждого глотка остаётся лёгкое послевкусие: {note}.',
        'Даже на третьей заварке чувствуются ноты: {note}.',
        'Мягкий, без горечи; в аромате — {note}.',
      ],
      mixed: ['Ноту «{note}» уловить можно, но еле-еле.', 'Нота «{note}» есть, а в остальном довольно плоско.'],
      bad: ['Обещанная нота «{note}» почти не чувствуется.', 'На мой вкус отдаёт пылью.', 'Аромат выдохся через неделю после вскрытия.'],
    },
    extra: {
      good: [
        'Завариваю чуть холоднее, чем написано, — идеально.',
        'Холодным способом за ночь тоже отлично.',
        'Не горчит, даже если передержать пару минут.',
        'Банка хорошо держит свежесть и красиво смотрится на полке.',
        'Доставили за два дня, упаковано аккуратно.',
      ],
      mixed: ['Доставка быстрая.', 'Банка симпатичная.', 'Попробую другое время заваривания.'],
      bad: ['Банка пришла помятой.', 'Слабый даже с двойной порцией.', 'Доставка заняла почти две недели.'],
    },
    close: {
      good: ['Закажу ещё.', 'Рекомендую.', 'Вторую банку уже взяли в подарок.', ''],
      mixed: ['', 'В следующий раз возьму другой.'],
      bad: ['', 'Останусь на своём привычном чае.'],
    },
    reply: {
      good: ['Спасибо за тёплые слова!', 'Рады, что понравилось. Приятного чаепития!'],
      bad: [
        'Нам очень жаль. Напишите нам, и мы пришлём замену.',
        'Спасибо, что сообщили. Мы проверили партию и хотим всё исправить — свяжитесь с нами.',
      ],
    },
    names: ['Анна С.', 'Дмитрий К.', 'Мария В.', 'Сергей Л.', 'Елена П.', 'Алексей Н.', 'Ольга Т.', 'Иван Р.', 'Наталья Г.'],
    places: ['Москва', 'Казань', 'Рига', 'Алматы', 'Тбилиси', 'Новосибирск', ''],
  },
  uk: {
    titles: {
      5: ['Чудовий чай', 'Тепер п’ю щоранку', 'Дуже сподобався', 'Неймовірний аромат', 'Вартий своїх грошей', 'Усе як в описі'],
      4: ['Дуже добрий', 'Гарний чай на щодень', 'М’який і приємний', 'Куплю ще'],
      3: ['Непогано', 'Нормально, але без захвату', 'За свою ціну підійде'],
      2: ['Трохи розчарував', 'Не зовсім моє'],
      1: ['Не те, що очікувалося', 'Більше не замовлю'],
    },
    open: {
      good: [
        'Чудовий чай.',
        'Брали на пробу, а тепер закінчується вже третя бляшанка.',
        'Дуже приємна несподіванка.',
        'Саме те, чого хотілося.',
        'Став моїм вечірнім ритуалом.',
        'Після пробника того ж вечора замовили цілу бляшанку.',
      ],
      mixed: ['Непогано, але нічого особливого.', 'Легший, ніж очікувалося.', 'Добрий, хоча я люблю міцніший.'],
      bad: ['На жаль, не моє.', 'На нього були великі надії.', 'Чесно кажучи, розчарував.'],
    },
    taste: {
      good: [
        'В ароматі — {note}, але без важкості.',
        'Після кожного ковтка лишається легкий післясмак: {note}.',
        'Навіть на третьому заварюванні чути ноти: {note}.',
        'М’який, без гіркоти; в ароматі — {note}.',
      ],
      mixed: ['Ноту «{note}» вловити можна, але ледь-ледь.', 'Нота «{note}» є, а загалом досить пласко.'],
      bad: ['Обіцяна нота «{note}» майже не відчувається.', 'На мій смак віддає пилом.', 'Аромат вивітрився за тиждень після відкриття.'],
    },
    extra: {
      good: [
        'Заварюю трохи холоднішою водою, ніж написано, — ідеально.',
        'Холодним способом за ніч теж чудово.',
        'Не гірчить, навіть якщо передержати пару хвилин.',
        'Бляшанка добре тримає свіжість і гарно виглядає на полиці.',
        'Доставили за два дні, запаковано акуратно.',
      ],
      mixed: ['Доставка швидка.', 'Бляшанка симпатична.', 'Спробую інший час заварювання.'],
      bad: ['Бляшанка прийшла пом’ятою.', 'Слабкий навіть з подвійною порцією.', 'Доставка тривала майже два тижні.'],
    },
    close: {
      good: ['Замовлю ще.', 'Рекомендую.', 'Другу бляшанку вже взяли в подарунок.', ''],
      mixed: ['', 'Наступного разу візьму інший.'],
      bad: ['', 'Залишуся на своєму звичному чаї.'],
    },
    reply: {
      good: ['Дякуємо за теплі слова!', 'Раді, що сподобалося. Смачного чаювання!'],
      bad: [
        'Нам дуже шкода. Напишіть нам, і ми надішлемо заміну.',
        'Дякуємо, що повідомили. Ми перевірили партію і хочемо все виправити — зв’яжіться з нами.',
      ],
    },
    names: ['Олена Ш.', 'Андрій К.', 'Оксана М.', 'Тарас Б.', 'Ірина Д.', 'Богдан Г.', 'Наталія В.', 'Максим П.', 'Софія Л.'],
    places: ['Київ', 'Львів', 'Одеса', 'Харків', 'Дніпро', 'Ужгород', ''],
  },
  hu: {
    titles: {
      5: ['Csodás tea', 'Az új reggeli kedvencem', 'Imádom', 'Gyönyörű illat', 'Megéri az árát', 'Pont olyan, mint a leírásban'],
      4: ['Nagyon jó', 'Kellemes mindennapi tea', 'Lágy és finom', 'Újra megvenném'],
      3: ['Elmegy', 'Rendben van, de nem különleges', 'Az árához képest jó'],
      2: ['Kicsit csalódtam', 'Nem igazán nekem való'],
      1: ['Nem erre számítottam', 'Nem rendelném újra'],
    },
    open: {
      good: [
        'Remek tea.',
        'Csak kipróbálni vettem, most már a harmadik dobozt bontom.',
        'Nagyon kellemes meglepetés.',
        'Pontosan ilyet kerestem.',
        'A délutáni szertartásom része lett.',
        'Kaptam egy mintát, és még aznap este rendeltem egy egész dobozzal.',
      ],
      mixed: ['Jó, de semmi különös.', 'Könnyebb, mint amire számítottam.', 'Finom, bár én az erősebbet szeretem.'],
      bad: ['Sajnos nem nekem való.', 'Nagy reményeket fűztem hozzá.', 'Őszintén szólva csalódás.'],
    },
    taste: {
      good: [
        'Szépen érződik {a} {note}, mégsem nehéz.',
        'Minden korty után ott marad egy kis {note}.',
        'Még a harmadik felöntésnél is érezni {a} {note} ízét.',
        'Lágy, nem keserű, {a} {note} finoman jelen van.',
      ],
      mixed: ['{A} {note} épphogy kivehető.', 'Van benne {note}, de egyébként elég lapos.'],
      bad: ['{A} {note} alig érződött.', 'Nekem porízű volt.', 'Bontás után egy héttel elillant az aromája.'],
    },
    extra: {
      good: [
        'Kicsit hűvösebb vízzel főzöm, mint ami a dobozon áll, így tökéletes.',
        'Hidegen áztatva, egy éjszaka alatt is remek.',
        'Akkor sem keseredik meg, ha pár percig bent felejtem.',
        'A doboz frissen tartja, és jól mutat a polcon.',
        'Két nap alatt megjött, gondosan csomagolva.',
      ],
      mixed: ['A szállítás gyors volt.', 'A doboz csinos.', 'Kipróbálok egy másik áztatási időt.'],
      bad: ['A doboz behorpadva érkezett.', 'Dupla adaggal is gyenge.', 'A szállítás majdnem két hétig tartott.'],
    },
    close: {
      good: ['Rendelek még.', 'Ajánlom.', 'Ajándékba is vettem már egyet.', ''],
      mixed: ['', 'Legközelebb mást próbálok.'],
      bad: ['', 'Maradok a megszokott teámnál.'],
    },
    reply: {
      good: ['Köszönjük a kedves szavakat!', 'Örülünk, hogy ízlik. Jó teázást!'],
      bad: [
        'Sajnáljuk. Írjon nekünk, és küldünk helyette egy újat.',
        'Köszönjük a jelzést. Ellenőriztük a tételt, és szeretnénk jóvátenni: keressen minket.',
      ],
    },
    names: ['Kovács Anna', 'Nagy Bence', 'Tóth Eszter', 'Szabó Gábor', 'Horváth Réka', 'Varga Tamás', 'Kiss Zsófia', 'Molnár Márton'],
    places: ['Budapest', 'Debrecen', 'Szeged', 'Pécs', 'Győr', 'Eger', ''],
  },
};

// ---- Photos: small SVG scenes drawn here, with alt text per language ----

const photoScenes = [
  {
    file: 'cup-amber.svg',
    cup: '#f4efe6',
    tea: '#c98a2b',
    table: '#8b5e3c',
    alt: {
      en: 'A white cup of amber tea on a wooden table',
      ru: 'Белая чашка янтарного чая на деревянном столе',
      uk: 'Біла чашка бурштинового чаю на дерев’яному столі',
      hu: 'Fehér csésze borostyánszínű tea egy fa asztalon',
    },
  },
  {
    file: 'cup-pale.svg',
    cup: '#dfe9e2',
    tea: '#e3d27a',
    table: '#c9b79c',
    alt: {
      en: 'A pale green cup of light golden tea by a window',
      ru: 'Светло-зелёная чашка золотистого чая у окна',
      uk: 'Світло-зелена чашка золотавого чаю біля вікна',
      hu: 'Halványzöld csésze aranyszínű tea az ablak mellett',
    },
  },
  {
    file: 'cup-dark.svg',
    cup: '#2f3a4a',
    tea: '#6b2f1a',
    table: '#3c2a21',
    alt: {
      en: 'A dark blue mug of strong red-brown tea',
      ru: 'Тёмно-синяя кружка крепкого красно-коричневого чая',
      uk: 'Темно-синя кружка міцного червоно-коричневого чаю',
      hu: 'Sötétkék bögre erős, vörösesbarna teával',
    },
  },
  {
    file: 'tin-shelf.svg',
    tin: '#efe4cf',
    lid: '#c4ab7c',
    band: '#7d4e6f',
    alt: {
      en: 'The tea tin standing on a kitchen shelf',
      ru: 'Банка с чаем на кухонной полке',
      uk: 'Бляшанка з чаєм на кухонній полиці',
      hu: 'A teásdoboz a konyhai polcon',
    },
  },
  {
    file: 'tin-open.svg',
    tin: '#2f5d46',
    lid: '#dfe9c8',
    band: '#b8860b',
    alt: {
      en: 'An open tin showing the loose tea leaves inside',
      ru: 'Открытая банка с рассыпным чаем внутри',
      uk: 'Відкрита бляшанка з розсипним чаєм усередині',
      hu: 'Nyitott doboz, benne a szálas tealevelek',
    },
  },
  {
    file: 'leaves.svg',
    leaf: '#6f8f4e',
    bg: '#f3eee3',
    alt: {
      en: 'Dry tea leaves spread on a white plate',
      ru: 'Сухие чайные листья на белой тарелке',
      uk: 'Сухе чайне листя на білій тарілці',
      hu: 'Száraz tealevelek egy fehér tányéron',
    },
  },
  {
    file: 'teapot.svg',
    pot: '#9c4a2f',
    bg: '#f6e7d3',
    alt: {
      en: 'A small clay teapot next to two cups',
      ru: 'Маленький глиняный чайник рядом с двумя пиалами',
      uk: 'Маленький глиняний чайник поруч із двома піалами',
      hu: 'Kis agyag teáskanna két csésze mellett',
    },
  },
  {
    file: 'iced.svg',
    glass: '#d9eef5',
    tea: '#d08a3c',
    bg: '#fdf6e8',
    alt: {
      en: 'A tall glass of iced tea with a lemon slice',
      ru: 'Высокий стакан холодного чая с долькой лимона',
      uk: 'Висока склянка холодного чаю з часточкою лимона',
      hu: 'Magas pohár jeges tea egy szelet citrommal',
    },
  },
];

function svg(scene) {
  const frame = (bg, body) =>
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" width="400" height="300"><rect width="400" height="300" fill="${bg}"/>${body}</svg>\n`;
  if (scene.cup) {
    return frame(
      '#efe7da',
      `<rect y="200" width="400" height="100" fill="${scene.table}"/><ellipse cx="200" cy="222" rx="120" ry="22" fill="#fff" opacity=".85"/>` +
        `<path d="M120 120h160l-14 90a20 20 0 0 1-20 16H154a20 20 0 0 1-20-16z" fill="${scene.cup}"/><ellipse cx="200" cy="122" rx="80" ry="14" fill="${scene.tea}"/>` +
        `<path d="M280 140c34 0 34 48 0 48" fill="none" stroke="${scene.cup}" stroke-width="12"/><path d="M180 96c-10-16 10-24 0-40M214 96c-10-16 10-24 0-40" fill="none" stroke="#fff" stroke-width="4" opacity=".7"/>`,
    );
  }
  if (scene.tin) {
    return frame(
      '#e9e2d6',
      `<rect y="230" width="400" height="14" fill="#a07a55"/><rect x="140" y="80" width="120" height="150" rx="8" fill="${scene.tin}"/>` +
        `<rect x="134" y="70" width="132" height="26" rx="6" fill="${scene.lid}"/><rect x="140" y="140" width="120" height="34" fill="${scene.band}"/><circle cx="200" cy="157" r="10" fill="#fff" opacity=".8"/>`,
    );
  }
  if (scene.leaf) {
    const leaves = Array.from({ length: 14 }, (_, i) => {
      const x = 120 + ((i * 53) % 170);
      const y = 110 + ((i * 37) % 90);
      return `<ellipse cx="${x}" cy="${y}" rx="16" ry="6" transform="rotate(${(i * 47) % 180} ${x} ${y})" fill="${scene.leaf}"/>`;
    }).join('');
    return frame(scene.bg, `<ellipse cx="200" cy="160" rx="130" ry="80" fill="#fff"/>${leaves}`);
  }
  if (scene.pot) {
    return frame(
      scene.bg,
      `<ellipse cx="170" cy="170" rx="70" ry="55" fill="${scene.pot}"/><rect x="150" y="104" width="40" height="14" rx="5" fill="${scene.pot}"/>` +
        `<path d="M236 160l50-24" stroke="${scene.pot}" stroke-width="14" stroke-linecap="round"/><path d="M100 150c-30 0-30 50 0 50" fill="none" stroke="${scene.pot}" stroke-width="10"/>` +
        `<rect x="260" y="190" width="44" height="34" rx="8" fill="#efe4cf"/><rect x="316" y="190" width="44" height="34" rx="8" fill="#efe4cf"/>`,
    );
  }
  return frame(
    scene.bg,
    `<path d="M160 60h80l-10 190h-60z" fill="${scene.glass}"/><path d="M164 110h72l-8 136h-56z" fill="${scene.tea}" opacity=".85"/>` +
      `<rect x="178" y="130" width="18" height="18" fill="#fff" opacity=".6"/><rect x="204" y="160" width="18" height="18" fill="#fff" opacity=".6"/><circle cx="236" cy="74" r="22" fill="#f2d33b" stroke="#e0b520" stroke-width="4"/>`,
  );
}

// ---- Reviews ----

const LANGS = [
  ['en', 0.35],
  ['ru', 0.25],
  ['uk', 0.2],
  ['hu', 0.2],
];
const RATINGS = [
  [5, 0.6],
  [4, 0.22],
  [3, 0.09],
  [2, 0.05],
  [1, 0.04],
];

function generate(tea, index) {
  const random = seeded(0x7ea + index * 7919);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const weighted = (table) => {
    let r = random();
    for (const [value, weight] of table) if ((r -= weight) < 0) return value;
    return table[table.length - 1][0];
  };
  const reviews = [];
  for (let i = 0; i < tea.count; i++) {
    const language = weighted(LANGS);
    const p = phrases[language];
    const rating = weighted(RATINGS);
    const mood = rating >= 4 ? 'good' : rating === 3 ? 'mixed' : 'bad';
    const note = pick(tea.notes[language]);
    const fill = (text) =>
      text
        .replaceAll('{A}', huArticle(note) === 'az' ? 'Az' : 'A')
        .replaceAll('{a}', huArticle(note))
        .replace('{note}', note)
        .replace(/^(\p{Ll})/u, (c) => c.toUpperCase());
    const sentences = [pick(p.open[mood]), fill(pick(p.taste[mood]))];
    if (random() < 0.7) sentences.push(pick(p.extra[mood]));
    if (random() < 0.3) sentences.push(pick(p.extra[mood]));
    sentences.push(pick(p.close[mood]));
    const body = [...new Set(sentences)].filter(Boolean).join(' ');
    // Older reviews are rarer: dates thin out towards two years back.
    const age = Math.floor(random() ** 1.6 * 720 * DAY + random() * DAY);
    const date = new Date(TODAY - age);
    const votes = random() < 0.55 ? Math.floor(random() ** 2 * 40) : 0;
    const review = {
      id: `${tea.slug}-${String(i + 1).padStart(4, '0')}`,
      rating,
      title: random() < 0.85 ? pick(p.titles[rating]) : '',
      body,
      author: { name: pick(p.names), location: pick(p.places) },
      date: date.toISOString(),
      verified: random() < 0.82,
      helpful: votes,
      unhelpful: votes ? Math.floor(random() * votes * (mood === 'good' ? 0.15 : 0.5)) : 0,
      language,
    };
    if (random() < 0.16) {
      const n = random() < 0.3 ? 2 : 1;
      const first = Math.floor(random() * photoScenes.length);
      review.media = Array.from({ length: n }, (_, k) => {
        const scene = photoScenes[(first + k * 3) % photoScenes.length];
        return { url: `photos/${scene.file}`, alt: scene.alt[language], width: 400, height: 300 };
      });
    }
    if (mood === 'bad' ? random() < 0.8 : random() < 0.06) {
      review.reply = {
        body: pick(p.reply[mood === 'bad' ? 'bad' : 'good']),
        author: 'Kettlebloom',
        date: new Date(date.getTime() + (1 + Math.floor(random() * 3)) * DAY).toISOString(),
      };
    }
    if (rating === 5 && review.media && review.title) review.featured = true;
    reviews.push(review);
  }
  reviews.sort((a, b) => b.date.localeCompare(a.date));
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of reviews) distribution[r.rating]++;
  const average = reviews.reduce((sum, r) => sum + r.rating, 0) / reviews.length;
  return {
    product: { id: tea.slug, name: tea.name, schemaId: `https://kettlebloom.example/teas/${tea.slug}#product` },
    aggregate: { average: Math.round(average * 100) / 100, count: reviews.length, distribution },
    reviews,
  };
}

mkdirSync(join(here, 'photos'), { recursive: true });
mkdirSync(join(here, 'reviews'), { recursive: true });
for (const scene of photoScenes) writeFileSync(join(here, 'photos', scene.file), svg(scene));
teas.forEach((tea, index) => {
  const data = generate(tea, index);
  // Media URLs are relative to the JSON file (the widget resolves them against the response URL).
  for (const r of data.reviews) for (const m of r.media ?? []) m.url = `../${m.url}`;
  writeFileSync(join(here, 'reviews', `${tea.slug}.json`), `${JSON.stringify(data, null, 1)}\n`);
  console.log(`${tea.slug}: ${data.reviews.length} reviews, average ${data.aggregate.average}`);
});
