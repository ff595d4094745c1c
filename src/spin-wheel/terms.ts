/**
 * The names of the spin wheel's texts, apart from the texts themselves, so that the language files and the
 * tables that load them (`spin-wheel.translations.ts`, `result.translations.ts`) import them without a circle.
 */

/** The wheel's own texts, in its first load. */
export type WheelTerm = 'title' | 'spin' | 'skip' | 'prizes' | 'odds' | 'error' | 'email' | 'consent' | 'close';

/**
 * The texts of a spin and its result, loaded with them; also `left` (a prize in the odds list whose codes are all
 * handed out on this device) and `empty` (no prize left to win), shown once the code pools are read with them.
 */
export type ResultTerm =
  'spinning' | 'won' | 'none' | 'copy' | 'copied' | 'copyFailed' | 'apply' | 'expires' | 'spun' | 'next' | 'left' | 'empty';
