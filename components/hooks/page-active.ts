/**
 * Whether the page may refresh what it shows now: visible, and not offline. Offline is followed
 * by the browser's events, online until told otherwise (as SWR did): `navigator.onLine` can say
 * offline on a machine that is not.
 */
let online = true;
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => (online = true));
  window.addEventListener('offline', () => (online = false));
}

export const isPageActive = (): boolean => online && document.visibilityState !== 'hidden';
