/**
 * A script injected into the board page before its own code runs (Playwright addInitScript).
 * It only records timestamps on the page's clock (performance.timeOrigin + now(), the same
 * wall clock as every other page and process on this machine).
 *
 * Plain JavaScript in a string on purpose: a function would be serialised from tsx's output,
 * which refers to helpers (`__name`) that do not exist in the page.
 */
export interface PageTimes {
  keys: number[];
  /** [length of the watched field's value, when it was set] for every programmatic set. */
  sets: [number, number][];
}

export const HOOKS_SCRIPT = `(() => {
  const times = { keys: [], sets: [] };
  window.__bench = times;
  const now = () => performance.timeOrigin + performance.now();
  // The typist's side: when each key went down in the watched field.
  document.addEventListener('keydown', (event) => {
    const el = event.target;
    if (el instanceof HTMLElement && el.dataset.benchWatch === '1') times.keys.push(now());
  }, true);
  // The reader's side: React writes a controlled field's text through the prototype's value
  // setter; wrapping it before React captures it marks the moment the text is in the DOM.
  for (const proto of [HTMLInputElement.prototype, HTMLTextAreaElement.prototype]) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'value');
    if (!descriptor || !descriptor.set) continue;
    const set = descriptor.set;
    Object.defineProperty(proto, 'value', {
      ...descriptor,
      set(value) {
        set.call(this, value);
        if (this.dataset.benchWatch === '1') times.sets.push([String(value).length, now()]);
      },
    });
  }
})();`;

/** Reads what the hooks recorded (runs in the page). */
export const READ_TIMES = '(() => window.__bench ?? { keys: [], sets: [] })()';
