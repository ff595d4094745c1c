/**
 * Product pictures drawn as inline SVG (the demo loads no images): a tea tin in the product's colours
 * with an emblem on its label, and a few loose leaves. Only the catalogue's own values go into the markup.
 */
import type { Emblem, Product } from './catalog.js';

const emblems: Record<Emblem, (c: string) => string> = {
  flower: (c) =>
    [0, 72, 144, 216, 288].map((a) => `<ellipse rx="6" ry="11" cy="-9" fill="${c}" transform="rotate(${a})"/>`).join('') +
    `<circle r="4.5" fill="#e9b949"/>`,
  leaf: (c) =>
    `<path d="M0-19C13-10 13 9 0 19-13 9-13-10 0-19Z" fill="${c}"/>` +
    `<path d="M0-15V16" stroke="#dfe9c8" stroke-width="2" stroke-linecap="round"/>`,
  pearls: (c) => `<circle cx="-9" cy="6" r="7" fill="${c}"/><circle cx="9" cy="6" r="7" fill="${c}"/><circle cy="-9" r="7" fill="${c}"/>`,
  smoke: (c) =>
    `<path d="M-10 16C-18 6-2 2-8-8S-2-18 4-18M4 16C-4 6 12 2 6-8" fill="none" stroke="${c}" stroke-width="4" stroke-linecap="round"/>`,
  crescent: (c) => `<path d="M6-17A17 17 0 1 0 6 17 20 20 0 0 1 6-17Z" fill="${c}"/><circle cx="12" cy="-8" r="2.5" fill="${c}"/>`,
  star: (c) => `<path d="${starPath(8, 18, 7)}" fill="${c}"/><circle r="3.5" fill="#f2c46d"/>`,
};

function starPath(points: number, outer: number, inner: number): string {
  const parts: string[] = [];
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 ? inner : outer;
    const a = (Math.PI * i) / points - Math.PI / 2;
    parts.push(`${(r * Math.cos(a)).toFixed(1)} ${(r * Math.sin(a)).toFixed(1)}`);
  }
  return `M${parts.join('L')}Z`;
}

const leaf = (x: number, y: number, rotate: number, fill: string) =>
  `<path transform="translate(${x} ${y}) rotate(${rotate})" d="M0-9C6-5 6 4 0 9-6 4-6-5 0-9Z" fill="${fill}"/>`;

/** The product's tin. With `label` the picture is an image with that name; without, it is decorative. */
export function tinArt(product: Product, label?: string): string {
  const { body, lid, band, emblem, emblemColor } = product.look;
  const a11y = label ? `role="img" aria-label="${escapeAttr(label)}"` : 'aria-hidden="true"';
  return `<svg viewBox="0 0 240 240" ${a11y} focusable="false">
  <ellipse cx="120" cy="197" rx="70" ry="10" fill="#000" opacity=".13"/>
  <path d="M70 64V188A50 10 0 0 0 170 188V64Z" fill="${body}"/>
  <rect x="70" y="100" width="100" height="56" fill="${band}"/>
  <path d="M70 100H170M70 156H170" stroke="#000" stroke-opacity=".12" stroke-width="1.5"/>
  <rect x="150" y="64" width="20" height="126" fill="#000" opacity=".13"/>
  <rect x="81" y="70" width="9" height="112" rx="4.5" fill="#fff" opacity=".28"/>
  <rect x="65" y="48" width="110" height="24" rx="5" fill="${lid}"/>
  <ellipse cx="120" cy="49" rx="55" ry="8" fill="${lid}"/>
  <ellipse cx="120" cy="48" rx="55" ry="6" fill="#fff" opacity=".16"/>
  <g transform="translate(120 128)">${emblems[emblem](emblemColor)}</g>
  ${leaf(48, 192, -35, '#5d7f45')}${leaf(196, 190, 50, '#6f8f4f')}${leaf(186, 199, -10, '#4e6e3b')}
</svg>`;
}

/** The home page's hero: a teapot, a cup with gentle steam, and leaves. Decorative. */
export function heroArt(): string {
  return `<svg viewBox="0 0 420 320" aria-hidden="true" focusable="false">
  <circle cx="220" cy="160" r="140" fill="var(--hero-blob)"/>
  <ellipse cx="210" cy="268" rx="170" ry="14" fill="#000" opacity=".1"/>
  <path d="M96 150C60 140 44 170 34 196L52 202C62 178 72 166 96 176Z" fill="var(--hero-pot-dark)"/>
  <path d="M282 150C330 138 346 186 318 216 306 230 290 234 278 232L282 216C296 216 314 206 312 188 310 170 296 164 284 170Z" fill="var(--hero-pot-dark)"/>
  <path d="M90 200C90 140 138 112 190 112S290 140 290 200C290 248 250 266 190 266S90 248 90 200Z" fill="var(--hero-pot)"/>
  <path d="M112 196C112 150 146 128 190 128" fill="none" stroke="#fff" stroke-opacity=".28" stroke-width="9" stroke-linecap="round"/>
  <path d="M92 198H288" stroke="var(--hero-band)" stroke-width="14"/>
  <path d="M140 116C150 92 230 92 240 116Z" fill="var(--hero-pot-dark)"/>
  <circle cx="190" cy="90" r="11" fill="var(--hero-pot-dark)"/>
  <g>
    <path d="M300 236H392L382 272C380 280 372 284 364 284H328C320 284 312 280 310 272Z" fill="var(--hero-cup)"/>
    <path d="M392 244C410 244 410 266 388 266" fill="none" stroke="var(--hero-cup)" stroke-width="7"/>
    <ellipse cx="346" cy="288" rx="58" ry="7" fill="var(--hero-cup)" opacity=".8"/>
    <ellipse cx="346" cy="237" rx="44" ry="5" fill="var(--hero-tea)"/>
  </g>
  <g class="steam" fill="none" stroke="var(--hero-steam)" stroke-width="5" stroke-linecap="round">
    <path d="M332 220C322 206 342 198 332 182"/>
    <path d="M356 222C346 206 366 196 356 176"/>
  </g>
  ${leaf(60, 262, -40, '#5d7f45')}${leaf(80, 276, 20, '#6f8f4f')}${leaf(256, 284, 70, '#4e6e3b')}
</svg>`;
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
