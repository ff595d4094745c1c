// A web-test-runner plugin: a failed assertion on a DOM element reports as a failure instead of hanging.
//
// web-test-runner sends each test result from the browser to Node through `stable()` in the served module
// /__web-dev-server__web-socket.js, which starts with `structuredClone(message)`. A chai AssertionError
// carries `actual` and `expected`; when one is a DOM element (`expect(shadowRoot.activeElement).to.equal(
// button)`), a function or a window, structuredClone throws a DataCloneError, the result is never sent,
// and the whole test file hangs until testsFinishTimeout ("Browser tests did not finish"), in every engine.
// Known upstream: modernweb-dev/web#2967, #2802, #2772; open-wc/open-wc#2880.
//
// This plugin rewrites that one call to clone what can be cloned and describe the rest (`<button
// part="submit">`, `[Function name]`, `[Circular]`). If a new web-test-runner changes the module, the
// rewrite does not match and the module is served untouched.
const MODULE = '/__web-dev-server__web-socket.js';
const CALL = 'var target = structuredClone(obj)';

const helpers = `
function __retainkitCloneable(value) {
  try {
    return structuredClone(value);
  } catch {
    return __retainkitDescribe(value, new WeakSet(), 0);
  }
}
function __retainkitDescribe(value, seen, depth) {
  if (typeof value === 'function') return '[Function ' + (value.name || 'anonymous') + ']';
  if (typeof value === 'symbol' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'object' || value === null) return value;
  if (typeof Window !== 'undefined' && value instanceof Window) return '[Window]';
  if (typeof Node !== 'undefined' && value instanceof Node) {
    if (value.nodeType === 1) {
      const html = value.outerHTML;
      const open = html.slice(0, html.indexOf('>') + 1) || '<' + value.localName + '>';
      return open.length > 200 ? open.slice(0, 199) + '…>' : open;
    }
    return '[' + value.nodeName + ']';
  }
  if (seen.has(value)) return '[Circular]';
  if (depth > 12) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => __retainkitDescribe(item, seen, depth + 1));
  const copy = {};
  if (value instanceof Error) {
    copy.name = value.name;
    copy.message = value.message;
    copy.stack = value.stack;
  }
  for (const key of Object.keys(value)) {
    try {
      copy[key] = __retainkitDescribe(value[key], seen, depth + 1);
    } catch {
      copy[key] = '[unreadable]';
    }
  }
  return copy;
}
`;

export function safeMessagesPlugin() {
  return {
    name: 'retainkit-safe-messages',
    transform(context) {
      if (context.path !== MODULE || typeof context.body !== 'string' || !context.body.includes(CALL)) return undefined;
      return { body: context.body.replace(CALL, 'var target = __retainkitCloneable(obj)') + helpers };
    },
  };
}
