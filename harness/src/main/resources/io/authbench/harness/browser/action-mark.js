// Installed in every page of a measured context (BrowserContext.addInitScript).
// Records the epoch time of the user's action - a click on a measured control - in sessionStorage. sessionStorage
// survives the same-origin navigation an SSR form post or link causes, so the document that finally paints the
// content can measure from the click even though it has a different performance.timeOrigin.
(() => {
  const KEY = '__authbenchActionEpoch';
  const CONTROLS = '[data-testid="login-submit"],[data-testid="profile-link"],[data-testid="logout"]';
  window.addEventListener('click', event => {
    const control = event.target instanceof Element ? event.target.closest(CONTROLS) : null;
    if (control) {
      try {
        // event.timeStamp is the input's time on this document's clock; timeOrigin makes it an epoch time.
        sessionStorage.setItem(KEY, String(performance.timeOrigin + event.timeStamp));
      } catch (ignored) {
        // storage disabled: the harness reports the missing action time as a failure
      }
    }
  }, true);
})();
