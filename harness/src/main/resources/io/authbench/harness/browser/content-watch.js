// Installed in every page of a measured context (BrowserContext.addInitScript), as "(this function)(config)" with
// config = { selector, mode, expected } (expected null: presence and visibility are enough, e.g. a login heading).
// mode is the target's name match, compared on the text with whitespace runs collapsed and the ends trimmed, exactly
// as the harness's NameMatch does: 'exact' (the text is expected), 'contains', or 'regex' (expected is a regular
// expression, searched in the text).
// The observer-based time to content, for pages whose content element has no elementtiming attribute: a
// MutationObserver, installed before the document's first byte is parsed, notices when the content selector first
// matches a visible element showing the expected text; the first paint after that is taken as the time of the next
// frame: a requestAnimationFrame callback runs just before the frame's style, layout and paint, and a message posted
// from it is handled after that frame's rendering work, so its time stamp is an upper bound of the paint on the main
// thread (not of the moment the compositor shows it on screen; Element Timing's paintTime is earlier by that much).
// Every match is kept in window.__authbenchContent (times relative to this document's timeOrigin); the probe picks the
// first one after the action.
(config) => {
  const entries = [];
  Object.defineProperty(window, '__authbenchContent', { value: entries });
  let matched = false;
  let waitingForStyle = false;
  const pattern = config.mode === 'regex' ? new RegExp(config.expected) : null;
  const shows = text => {
    if (config.expected == null) return true;
    const normal = text.replace(/\s+/g, ' ').trim();
    if (config.mode === 'contains') return normal.includes(config.expected);
    if (pattern) return pattern.test(normal);
    return normal === config.expected;
  };
  const visible = el => (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);
  const check = () => {
    let el = null;
    try {
      el = document.querySelector(config.selector);
    } catch (ignored) {
      return; // not a CSS selector: the probe reports that
    }
    const showing = el != null && shows(el.textContent);
    const now = showing && visible(el);
    if (now && !matched) {
      const entry = { matched: performance.now(), paint: null };
      entries.push(entry);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { entry.paint = performance.now(); };
        channel.port2.postMessage(null);
      });
    }
    matched = now;
    // Present with the right text but hidden (e.g. until a stylesheet applies): check again at the next frames.
    if (showing && !now && !waitingForStyle) {
      waitingForStyle = true;
      requestAnimationFrame(() => { waitingForStyle = false; check(); });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  check();
}
