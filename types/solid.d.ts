// Solid 1.x declares its JSX namespace in solid-js/jsx-runtime; the "solid-js" module only re-exports it, so the
// augmentation of "solid-js" in the generated jsx.d.ts does not reach it. `import type {} from 'retainkit/jsx/solid'`.
import type { CustomElementsSolidJs } from './jsx.js';

declare module 'solid-js/jsx-runtime' {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the elements into Solid's.
    interface IntrinsicElements extends CustomElementsSolidJs {}
  }
}
