// Evaluated in the page after the user action. Finds the content element ({selector}); if it carries an
// elementtiming attribute, waits for its Element Timing entry painted after the action (page.navigate returns before
// the paint, so an observer with buffered:true must wait); otherwise takes the observer-based time from
// content-watch.js (the first frame after the expected content appeared). Then reads paint, LCP and navigation
// timing. Every time is returned relative to this document's timeOrigin; the harness converts to "ms after the user
// action" with timeOrigin (an epoch time).
async ({ selector, useAction, timeoutMs }) => {
  const KEY = '__authbenchActionEpoch';
  const origin = performance.timeOrigin;
  const stored = useAction ? sessionStorage.getItem(KEY) : null;
  const actionEpoch = stored == null ? null : Number(stored);
  const afterRel = actionEpoch == null ? -Infinity : actionEpoch - origin;
  // paintTime (0.1 ms resolution) where the browser has it; renderTime is coarsened to 4 ms.
  const paintOf = e => (e.paintTime > 0 ? e.paintTime : (e.renderTime > 0 ? e.renderTime : e.loadTime));
  const contentElement = document.querySelector(selector);
  const identifier = contentElement ? contentElement.getAttribute('elementtiming') : null;
  const method = identifier ? 'element-timing' : 'observer';

  const element = await new Promise(resolve => {
    let observer = null;
    let done = false;
    const finish = value => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (observer) observer.disconnect();
      resolve(value);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    if (identifier) {
      observer = new PerformanceObserver(list => {
        const hit = list.getEntries().find(e => e.identifier === identifier && paintOf(e) >= afterRel);
        if (hit) finish({ paint: paintOf(hit), renderTime: hit.renderTime, paintTime: hit.paintTime ?? null });
      });
      observer.observe({ type: 'element', buffered: true });
    } else {
      const poll = () => {
        const entries = window.__authbenchContent || [];
        const hit = entries.find(e => e.matched >= afterRel);
        if (hit && hit.paint != null) {
          finish({ paint: hit.paint, matched: hit.matched });
        } else if (!done) {
          setTimeout(poll, 5);
        }
      };
      poll();
    }
  });

  const lcp = await new Promise(resolve => {
    let observer = null;
    let timer = null;
    const finish = entries => {
      clearTimeout(timer);
      observer.disconnect();
      const last = entries[entries.length - 1];
      resolve(last ? (last.paintTime > 0 ? last.paintTime : last.startTime) : null);
    };
    // The buffered entries all arrive in one callback, in the next task: answer then. The 50 ms timer only ends
    // the wait for a page that has no LCP entry (it leaves room for that task on a throttled CPU).
    observer = new PerformanceObserver(list => finish(list.getEntries()));
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    timer = setTimeout(() => finish([]), 50);
  });

  const fcpEntry = performance.getEntriesByType('paint').find(p => p.name === 'first-contentful-paint');
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    timeOrigin: origin,
    actionEpoch,
    method,
    element,
    // Read again at the end: the text the page settled on (a CSR page may first show a placeholder).
    text: (document.querySelector(selector) || contentElement)?.textContent.trim() ?? null,
    fcp: fcpEntry ? (fcpEntry.paintTime > 0 ? fcpEntry.paintTime : fcpEntry.startTime) : null,
    lcp,
    ttfb: nav ? nav.responseStart : null,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    load: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null,
    url: location.href
  };
}
