/** Where a document's websocket is, spelled as the product's client spells it (components/browser/connect-doc.ts). */

export function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

/** Each segment encoded once: the server decodes the path once, so `/` stays a separator. */
export function encodeDocName(docName: string): string {
  return docName.split('/').map(encodeURIComponent).join('/');
}

/** The upgrade path of a document. */
export function docPath(docName: string): string {
  return `/yjs/${encodeDocName(docName)}`;
}

/** The websocket address of a document on a server whose websocket origin is `wsBase`. */
export function docUrl(wsBase: string, docName: string): string {
  return `${wsBase}${docPath(docName)}`;
}
