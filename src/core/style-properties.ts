import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS properties on an element through the CSSOM (`style.setProperty`), so a strict page's
 * `style-src` without 'unsafe-inline' allows them: unlike Lit's `styleMap`, it never writes a `style`
 * attribute. `<span ${styleProperties({ 'inline-size': '40%' })}></span>`.
 */
class StylePropertiesDirective extends Directive {
  private last: Record<string, string> = {};

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProperties goes in an element, not in an attribute or text');
  }

  render(_properties: Record<string, string>): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [Record<string, string>]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of Object.keys(this.last)) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) if (this.last[name] !== value) style.setProperty(name, value);
    this.last = { ...properties };
    return noChange;
  }
}

export const styleProperties = directive(StylePropertiesDirective);
