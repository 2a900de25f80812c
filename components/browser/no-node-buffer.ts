/**
 * What the browser build gets for Node's `buffer` module (next.config.js, `resolveAlias`).
 *
 * lib0, under Yjs, names `Buffer` in the branch of its base64 helpers that runs only outside a
 * browser (`env.isBrowser` picks `btoa`/`atob` in one). The bundler cannot see that, and for
 * any mention of `Buffer` it shipped Node's whole Buffer in a browser copy: 5.2 KB of gzipped
 * script on every page with a live plan, never run. Nothing else in the browser names it.
 * Should some browser code ever call it, it fails at once (`Buffer` is undefined) instead of
 * quietly growing every page again.
 */
export const Buffer = undefined;
