/**
 * Stable colour per person, so the same relative always has the same avatar colour. Pure and in
 * lib/: the browser paints avatars and carets with it, and the sync server sets it in every
 * awareness state it relays (server/yjs/presence-identity.ts), so that both always agree.
 */
export function personColour(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 45% 32%)`;
}

/** The lightest shade that keeps white name tags at 4.5:1 or more for every hue (yellow is the worst). */
const MAX_LIGHTNESS = 0.32;

/**
 * A person's colour as #rrggbb: the avatar's hue (personColour gives `hsl(h s% l%)`), a little
 * darker so white text on it stays readable, and in hex because Tiptap's collaboration carets
 * accept hex colours only.
 */
export function personHex(userId: string): string {
  const match = /hsl\((\d+)\s+(\d+)%\s+(\d+)%\)/.exec(personColour(userId));
  const [h, s, l] = match
    ? [Number(match[1]), Number(match[2]) / 100, Math.min(MAX_LIGHTNESS, Number(match[3]) / 100)]
    : [200, 0.45, MAX_LIGHTNESS];
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const value = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
