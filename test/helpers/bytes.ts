/** Byte searches, to prove what was never stored or sent. */

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(Buffer.from(needle)) >= 0;
}
