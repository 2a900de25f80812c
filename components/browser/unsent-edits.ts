/**
 * Which documents open in this tab hold edits the server has not confirmed (or refused), so
 * that signing out, which deletes this device's copies, asks first. Each open document reports
 * itself (components/hooks/use-synced-doc.ts) and forgets itself when it closes. Other tabs and
 * documents not open now are not known here (docs/security.md, "Limits known today").
 */
const unsent = new Set<string>();

export function reportUnsent(docKey: string, hasUnsent: boolean): void {
  if (hasUnsent) unsent.add(docKey);
  else unsent.delete(docKey);
}

export function hasUnsentEdits(): boolean {
  return unsent.size > 0;
}
