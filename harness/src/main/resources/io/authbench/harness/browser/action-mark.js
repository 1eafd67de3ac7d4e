// Installed in every page of a measured context (BrowserContext.addInitScript), as "(this function)(controls)" with
// the target's selectors of the measured controls (submit, profile link, logout) joined by commas.
// Records the epoch time of the user's action - a click on a measured control - in sessionStorage. sessionStorage
// survives the same-origin navigation an SSR form post or link causes, so the document that finally paints the
// content can measure from the click even though it has a different performance.timeOrigin.
(CONTROLS) => {
  const KEY = '__authbenchActionEpoch';
  window.addEventListener('click', event => {
    let control = null;
    try {
      control = event.target instanceof Element ? event.target.closest(CONTROLS) : null;
    } catch (ignored) {
      // not a CSS selector: no action time, which the harness reports as a failure
    }
    if (control) {
      try {
        // event.timeStamp is the input's time on this document's clock; timeOrigin makes it an epoch time.
        sessionStorage.setItem(KEY, String(performance.timeOrigin + event.timeStamp));
      } catch (ignored) {
        // storage disabled: the harness reports the missing action time as a failure
      }
    }
  }, true);
}
