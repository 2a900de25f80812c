/** Ids arrive in URLs and document names; anything else is refused before it reaches storage. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{16,32}$/;

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}
