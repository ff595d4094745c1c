/**
 * The wheel's geometry, apart from drawing and from the outcome so that it can be tested alone.
 *
 * Angles are in degrees, clockwise, 0 at 12 o'clock, where the pointer is. Each slice covers a wedge of
 * wheel angles [start, end): all equal by default (slice `i` of `n` from i·360/n), or sized by the
 * slices' odds (`wedges="weighted"`). Turning the wheel by `rotation` degrees clockwise brings wheel
 * angle `-rotation` under the pointer.
 */

/** The share of a slice kept clear on each side of the landing point: the pointer never lands near a border. */
export const LANDING_MARGIN = 0.2;

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

function wedges(layout: Layout): readonly Wedge[] {
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

/**
 * The rotation at which slice `index` stops under the pointer, reached from `current` by `turns` whole
 * turns and then less than one more, clockwise. `u` in [0, 1) (random) chooses the point in the middle
 * part of the slice, never within `LANDING_MARGIN` of its borders: no staged near-miss.
 */
export function landingRotation(current: number, index: number, layout: Layout, turns: number, u: number): number {
  const { start, end } = wedges(layout)[index];
  const target = start + (end - start) * (LANDING_MARGIN + u * (1 - 2 * LANDING_MARGIN));
  return current + turns * 360 + mod(-target - current, 360);
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
