/**
 * The wheel's geometry, apart from drawing and from the outcome so that it can be tested alone.
 *
 * Angles are in degrees, clockwise, 0 at 12 o'clock, where the pointer is. Slice `i` of `n` covers wheel
 * angles [i·360/n, (i+1)·360/n). Turning the wheel by `rotation` degrees clockwise brings wheel angle
 * `-rotation` under the pointer.
 */

/** The share of a slice kept clear on each side of the landing point: the pointer never lands near a border. */
export const LANDING_MARGIN = 0.2;

/** `a` modulo `n`, always in [0, n). */
export function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** The slice under the pointer when the wheel is turned by `rotation`. */
export function sliceAt(rotation: number, count: number): number {
  return Math.min(count - 1, Math.floor(mod(-rotation, 360) / (360 / count)));
}

/**
 * The rotation at which slice `index` of `count` stops under the pointer, reached from `current` by
 * `turns` whole turns and then less than one more, clockwise. `u` in [0, 1) (random) chooses the point in
 * the middle part of the slice, never within `LANDING_MARGIN` of its borders: no staged near-miss.
 */
export function landingRotation(current: number, index: number, count: number, turns: number, u: number): number {
  const target = (360 / count) * (index + LANDING_MARGIN + u * (1 - 2 * LANDING_MARGIN));
  return current + turns * 360 + mod(-target - current, 360);
}

/** The SVG path of slice `index` of `count` on a wheel of radius `r` centred at 0,0. */
export function slicePath(index: number, count: number, r: number): string {
  const point = (slice: number) => {
    const a = ((slice * 2) / count) * Math.PI;
    return `${(r * Math.sin(a)).toFixed(3)} ${(-r * Math.cos(a)).toFixed(3)}`;
  };
  return `M0 0L${point(index)}A${r} ${r} 0 0 1 ${point(index + 1)}Z`;
}
