/**
 * The cookie a page sets when it hides itself (components/quick-hide.tsx). While this browser
 * holds it, every page of the app but the neutral one and the sign-in is redirected to the
 * neutral page (next.config.js, which spells the same name), so Back and reload show that one.
 * It holds no secret: it only says "hidden", and it is a session cookie.
 */
export const HIDDEN_COOKIE = 'harbor-hidden';

/** The neutral page that stands in for the app while it is hidden. */
export const NEUTRAL_PATH = '/notes';
