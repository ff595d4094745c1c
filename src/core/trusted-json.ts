/**
 * JSON written into a `<script>` element (schema.org JSON-LD) on a page that enforces Trusted Types
 * (`require-trusted-types-for 'script'`), where a script's text must come from a policy. The kit's one
 * policy, `retainkit`, is created once per page (shared by every copy of the kit) and makes script text of
 * JSON only, with every `<` escaped: what it passes can neither run anything nor end its element. A page
 * whose policy does not allow the name gets no JSON-LD and one warning; the widget carries on.
 */
import { warn } from './config.js';
/** The policy name a store's `trusted-types` directive must allow for JSON-LD (docs/csp.md). */
export const POLICY_NAME = 'retainkit';

interface ScriptPolicy {
  createScript(text: string): unknown;
}
interface PolicyFactory {
  createPolicy(name: string, rules: { createScript(text: string): string }): ScriptPolicy;
}

/** The page's policy (null: Trusted Types are missing, or the page does not allow the name), shared by every copy of the kit. */
const POLICY = Symbol.for('retainkit.trusted-types-policy');
const WARNED = Symbol.for('retainkit.trusted-types-warned');
type Shared = typeof globalThis & { [POLICY]?: ScriptPolicy | null; [WARNED]?: boolean };

/** JSON text as it may stand in a script element: checked to be JSON, each `<` escaped (`\u003c`, the same JSON). */
function jsonOnly(text: string): string {
  JSON.parse(text);
  return text.replace(/</g, '\\u003c');
}

function policy(): ScriptPolicy | null {
  const shared = globalThis as Shared;
  if (shared[POLICY] !== undefined) return shared[POLICY];
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  try {
    shared[POLICY] = factory ? factory.createPolicy(POLICY_NAME, { createScript: jsonOnly }) : null;
  } catch {
    // The page's trusted-types directive does not allow the name: a plain string may still do, where
    // Trusted Types are not enforced.
    shared[POLICY] = null;
  }
  return shared[POLICY];
}

/**
 * Sets `script`'s text to `json` (JSON text), through the kit's policy where there is one. Returns false,
 * having written nothing and warned once per page (naming `who`, such as `<retain-review-showcase>`), when
 * the page's Trusted Types refuse it.
 */
export function setScriptJson(script: HTMLScriptElement, json: string, who: string): boolean {
  const kit = policy();
  try {
    // A TrustedScript is what the sink takes on a page that enforces Trusted Types.
    script.textContent = (kit ? kit.createScript(json) : json) as string;
    return true;
  } catch (error) {
    const shared = globalThis as Shared;
    if (!shared[WARNED]) {
      shared[WARNED] = true;
      warn(
        `${who} writes no JSON-LD for search engines: this page enforces Trusted Types and its ` +
          `Content-Security-Policy does not allow the policy "${POLICY_NAME}" (add it: trusted-types lit-html ${POLICY_NAME}).`,
        error,
      );
    }
    return false;
  }
}
