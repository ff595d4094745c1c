import { css } from 'lit';
import { schemeStyles } from '../core/scheme.js';

/*
 * One rule per line (the build minifies it further: scripts/template-literals.ts). The lightbox's and
 * the carousel's looks load with their code (review-lightbox.ts, review-carousel.ts).
 * Margins stay inside the section (flow-root): what arrives later cannot move the widget by collapsing
 * through it. Cards hide overflow: combining marks stacked past the line box stay inside the card.
 * "✓ Verified buyer" goes to the next line whole, and wraps there only where a line is too short for it (Russian
 * in a phone's column, with a reader's letter spacing): never cut off by the card.
 * First cards that came out of view wait a frame to be laid out (data-later: their layout skipped, not their DOM).
 * High contrast (forced colours) makes every star one colour: the empty ones are then outlines, and the
 * histogram's fills keep a system colour of their own.
 */
export const styles = css`
${schemeStyles({ '--_star': ['var(--retain-review-showcase-star-color,#b45309)', 'var(--retain-review-showcase-star-color,#fbbf24)'] })}
:host{--_line:var(--retain-border,color-mix(in srgb,currentColor 22%,transparent));--_card:var(--retain-review-showcase-card-width,18em);--_r:var(--retain-radius,.5em);display:block;min-height:var(--retain-review-showcase-min-height,auto);font:inherit;color:inherit;overflow-wrap:anywhere}
:host([view='summary' i]){display:inline-block;min-height:1.5em;vertical-align:middle}
:host([hidden]){display:none}
*{box-sizing:border-box}
section{display:flow-root}
button,input,select{font:inherit;color:inherit}
button,select,[type='search']{background:none;border:1px solid var(--_line);border-radius:var(--_r);padding:.3em .7em;cursor:pointer}
[type='search']{cursor:text;flex:1 1 12em}
option{color:CanvasText;background:Canvas}
:focus-visible{outline:2px solid;outline-offset:2px}
a{color:inherit}
.link{border:0;padding:0;text-decoration:underline}
[aria-pressed='true']{background:color-mix(in srgb,currentColor 12%,transparent);border-color:currentColor;font-weight:600}
.summary,.head,.controls,.photos{display:flex;flex-wrap:wrap;align-items:center;gap:.4em .6em}
.summary,.histogram,.controls{margin-bottom:.75em}
.base.summary{display:inline-flex;margin:0}
section .average{font-size:1.8em;font-weight:700;line-height:1}
.stars{position:relative;display:inline-block;line-height:1;letter-spacing:.1em;white-space:nowrap;color:color-mix(in srgb,currentColor 28%,transparent)}
.stars::before,.stars>span::before{content:'★★★★★'}
.stars>span{position:absolute;inset-block:0;inset-inline-start:0;overflow:hidden;color:var(--_star)}
.histogram{display:grid;gap:.25em;max-width:26em}
.histogram button{display:grid;grid-template-columns:2.5em 1fr 3.5em;align-items:center;gap:.5em;border-color:transparent;text-align:start}
.histogram button>:last-child{text-align:end}
.bar{height:.6em;border-radius:1em;background:var(--_line);overflow:hidden}
.bar>span{display:block;height:100%;background:var(--_star)}
.controls{gap:.5em 1em}
.selection,.status,.meta,.note{color:color-mix(in srgb,currentColor 82%,transparent)}
.selection{padding:.5em .75em;border-inline-start:3px solid var(--_star);background:color-mix(in srgb,currentColor 5%,transparent)}
ul{list-style:none;margin:0;padding:0}
.reviews{display:flex;flex-direction:column;gap:1em}
.reviews[data-later]{content-visibility:hidden}
.view-grid .reviews{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(var(--_card),100%),1fr))}
.card{height:100%;padding:1em;border:1px solid var(--_line);border-radius:var(--_r);background:var(--retain-review-showcase-card-background,var(--retain-surface,none));overflow:hidden}
.title{margin:0;font-size:1em}
.meta,.vote,.status{margin:.35em 0;font-size:max(.9em,12px)}
.body{margin:.5em 0;white-space:pre-line}
.clamp{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:6;line-clamp:6;overflow:hidden}
.new{padding:0 .5em;border:1px solid;border-radius:1em;font-size:max(.8em,12px);font-weight:600;white-space:nowrap}
.verified{display:inline-block}
.photos button{padding:0;overflow:hidden;line-height:0}
.photos img{width:72px;height:72px;object-fit:cover}
.reply{padding-inline-start:.75em;border-inline-start:3px solid var(--_line)}
.more{display:block;margin:auto}
.status{text-align:center}
@media (forced-colors:active){.stars::before{content:'☆☆☆☆☆'}.bar{border:1px solid}.bar>span{forced-color-adjust:none;background:CanvasText}}
`;
