/**
 * The wheel's geometry, apart from drawing and from the outcome so that it can be tested alone (where a
 * spin lands is in `landing.ts`, loaded with the spin).
 *
 * Angles are in degrees, clockwise, 0 at 12 o'clock, where the pointer is. Each slice covers a wedge of
 * wheel angles [start, end): all equal by default (slice `i` of `n` from i·360/n), or sized by the
 * slices' odds (`wedges="weighted"`). Turning the wheel by `rotation` degrees clockwise brings wheel
 * angle `-rotation` under the pointer.
 */

/** Where one slice sits on the wheel. */
export interface Wedge {
  start: number;
  end: number;
}

/** The wedges of the slices: a count of equal wedges, or the wedges themselves. */
export type Layout = number | readonly Wedge[];

/** `a` modulo `n`, always in [0, n). */
export function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** The wedges of slices of these weights, clockwise from the pointer: sized by weight, or all equal. */
export function wedgesOf(weights: readonly number[], sized: boolean): Wedge[] {
  const shares = weights.map((weight) => (sized ? weight : 1));
  const total = shares.reduce((sum, share) => sum + share, 0);
  let at = 0;
  return shares.map((share, i) => {
    const start = at;
    // The last wedge closes the circle exactly, whatever the rounding of the others.
    at = i === shares.length - 1 ? 360 : at + (360 * share) / total;
    return { start, end: at };
  });
}

/** The wedges of `layout`. */
export function wedges(layout: Layout): readonly Wedge[] {
  return typeof layout === 'number'
    ? wedgesOf(
        Array.from({ length: layout }, () => 1),
        false,
      )
    : layout;
}

/** The middle of a wedge: where its label lies, and where the wheel rests when it shows that slice. */
export const middle = ({ start, end }: Wedge) => (start + end) / 2;

/** The slice under the pointer when the wheel is turned by `rotation`. */
export function sliceAt(rotation: number, layout: Layout): number {
  const all = wedges(layout);
  const angle = mod(-rotation, 360);
  const index = all.findIndex((wedge) => angle < wedge.end);
  return index < 0 ? all.length - 1 : index;
}

/** The SVG path of slice `index` on a wheel of radius `r` centred at 0,0. */
export function slicePath(index: number, layout: Layout, r: number): string {
  const { start, end } = wedges(layout)[index];
  const point = (degrees: number) => {
    const a = (degrees * Math.PI) / 180;
    return `${(r * Math.sin(a)).toFixed(3)} ${(-r * Math.cos(a)).toFixed(3)}`;
  };
  return `M0 0L${point(start)}A${r} ${r} 0 ${end - start > 180 ? 1 : 0} 1 ${point(end)}Z`;
}
