/** Upgrade paths look like `/yjs/<document name>`; the name itself contains slashes. */
export const YJS_PATH_PREFIX = '/yjs/';

/** Longer names are refused before any lookup; real ones are well under 200 characters. */
const MAX_DOC_NAME_LENGTH = 512;

/**
 * The document name of an upgrade request URL: the path after `/yjs/`, URL-decoded once, the
 * query string ignored. Null when there is none or it does not decode. This is not the strict
 * validation of ids: docAccess does that and answers 'none' for anything it does not know.
 */
export function parseDocName(url: string | undefined): string | null {
  if (url === undefined) return null;
  const path = url.split('?', 1)[0] ?? '';
  if (!path.startsWith(YJS_PATH_PREFIX)) return null;
  const raw = path.slice(YJS_PATH_PREFIX.length);
  if (raw.length === 0 || raw.length > MAX_DOC_NAME_LENGTH * 3) return null;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return null;
  }
  // Control characters (NUL included) have no place in a name and confuse logs.
  if (name.length > MAX_DOC_NAME_LENGTH || /\p{Cc}/u.test(name)) return null;
  return name;
}
