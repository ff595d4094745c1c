/**
 * Where a spin lands, loaded with the spin (`spin.ts`): the rest of the wheel's geometry is in `rotation.ts`,
 * which the wheel's first load carries.
 */
import { mod, wedges, type Layout } from './rotation.js';

/** The share of a slice kept clear on each side of the landing point: the pointer never lands near a border. */
export const LANDING_MARGIN = 0.2;

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
