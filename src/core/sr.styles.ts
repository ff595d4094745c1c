import { css } from 'lit';

/** `.sr`: text for screen readers only, out of sight but read (the usual visually-hidden rule). */
export const srStyles = css`
  .sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
