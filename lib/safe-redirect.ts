/**
 * Where to go after signing in or registering, from the `next=` parameter of a link that anyone
 * may have crafted (a forwarded link, a message): only a path of this site, never another origin.
 *
 * The value is resolved as a browser would resolve it, then its origin compared: browsers drop
 * tabs and newlines from URLs, so "/\t/evil.example" is "//evil.example", another host; a
 * backslash counts as a slash. Those characters, and every other control character, are refused
 * outright rather than guessed at. The answer is the resolved path, which is checked again not
 * to start with "//" (a "/.//evil.example" resolves to the path "//evil.example", which the next
 * reader would take for a host).
 */
const BASE = 'https://harbor.invalid';
const BASE_ORIGIN = new URL(BASE).origin;
const BACKSLASH = 0x5c;

/** C0 controls (tab, newline...), DEL, C1 controls, and the backslash. */
function hasRefusedCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === BACKSLASH) return true;
  }
  return false;
}

export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || hasRefusedCharacter(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? fallback : path;
}
