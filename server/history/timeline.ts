import * as Y from 'yjs';
import type { Tx } from '../db/immediate';
import { listChanges, rebuildAtSeq } from '../update-log/rebuild';

type Shared = NonNullable<ReturnType<Y.Doc['share']['get']>>;

export interface TimelineEntry {
  seq: number;
  at: number;
  userId: string;
  size: number;
  /** Top-level shared types this update changed, e.g. "team", "logistics.place", "impact". */
  fields: string[];
}

/**
 * A page of a document's changes with what each one touched. The fields come from replaying
 * the page's updates on the state just before it and reading each transaction's changed
 * top-level types, so nested edits (a list item's text) are attributed to their section.
 */
export async function timelinePage(q: Tx, docName: string, afterSeq: number, limit: number): Promise<TimelineEntry[]> {
  const changes = await listChanges(q, docName, { afterSeq, limit });
  if (changes.length === 0) return [];
  const last = changes[changes.length - 1]?.seq ?? afterSeq;
  // The page's updates, read whole (a page is at most MAX_CHANGES_PAGE of them) and before the
  // rebuild, so that a failed read leaves no document to destroy.
  const updates = await q
    .selectFrom('doc_updates')
    .select(['seq', 'bytes'])
    .where('doc', '=', docName)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', last)
    .orderBy('seq')
    .execute();
  const rebuilt = await rebuildAtSeq(q, docName, afterSeq);
  const doc = rebuilt.doc;
  const names = new Map<Shared, string>();
  const nameOf = (type: Shared): string | null => {
    if (names.size !== doc.share.size) {
      names.clear();
      for (const [name, shared] of doc.share) names.set(shared, name);
    }
    return names.get(type) ?? null;
  };
  const fieldsBySeq = new Map<number, string[]>();
  try {
    for (const row of updates) {
      const touched = new Set<string>();
      const listener = (tr: Y.Transaction) => {
        for (const type of tr.changedParentTypes.keys()) {
          let top: Shared = type;
          while (top._item?.parent instanceof Y.AbstractType) top = top._item.parent as Shared;
          const name = nameOf(top);
          if (name) touched.add(name);
        }
        for (const type of tr.changed.keys()) {
          const name = type._item === null ? nameOf(type) : null;
          if (name) touched.add(name);
        }
      };
      doc.on('afterTransaction', listener);
      Y.applyUpdate(doc, row.bytes);
      doc.off('afterTransaction', listener);
      fieldsBySeq.set(row.seq, [...touched].sort());
    }
  } finally {
    doc.destroy();
  }
  return changes.map((change) => ({ ...change, fields: fieldsBySeq.get(change.seq) ?? [] }));
}
