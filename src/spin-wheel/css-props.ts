/**
 * Inline styles that a strict Content-Security-Policy allows. `style-src 'self'` refuses `style="…"`
 * attributes, but not properties set through the CSSOM (`element.style.setProperty`), so the wheel's
 * angles and colours go that way. Lit's `styleMap` writes the attribute on its first render, so it is not
 * used here.
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

type Props = Readonly<Record<string, string>>;

class CssProps extends Directive {
  private last: Props = {};

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssProps() belongs on an element, not in an attribute');
  }

  render(_props: Props): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Props]): typeof nothing {
    const { style } = part.element as HTMLElement | SVGElement;
    for (const name in this.last) if (!(name in props)) style.removeProperty(name);
    // Only what changed: a re-render that moves nothing restyles nothing.
    for (const name in props) if (props[name] !== this.last[name]) style.setProperty(name, props[name]);
    this.last = props;
    return nothing;
  }
}

/** `<div ${cssProps({ transform: 'rotate(45deg)', '--_h': '3cqi' })}>`: CSS properties set through the CSSOM. */
export const cssProps = directive(CssProps);
