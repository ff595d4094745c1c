/**
 * The kit's `@property` and `@state`: Lit's, for the decorators the kit compiles (TypeScript's
 * `experimentalDecorators`, tsconfig.json), through Lit's public `createProperty`. Lit's own
 * `lit/decorators.js` also carries the standard-decorator path, which this build never takes: 0.18 KB
 * brotli in every widget's first load (the kit chunk), which has a 15 KB budget.
 */
import type { PropertyDeclaration, ReactiveElement } from 'lit';

/** A reactive property, by default also an attribute (as Lit's `@property`). */
export const property =
  (options?: PropertyDeclaration) =>
  (prototype: object, name: PropertyKey): void =>
    (prototype.constructor as typeof ReactiveElement).createProperty(name, options);

/** Internal reactive state: no attribute (as Lit's `@state`). */
export const state = (options?: PropertyDeclaration) => property({ ...options, state: true, attribute: false });
