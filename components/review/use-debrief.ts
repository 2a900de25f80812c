'use client';

import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { formatDocName } from '@/lib/doc-names';
import { debriefToJSON } from '@/lib/plan/debrief';
import type { Debrief } from '@/lib/schemas/debrief';
import { EMPTY_DEBRIEF } from '@/lib/plan/debrief-values';
import { personHex } from '../browser/colour';
import { type SyncedDoc, useSyncedDoc } from '../hooks/use-synced-doc';

/** The debrief as it reads now, re-read after every change (it is a small document). */
export function useDebriefJSON(doc: Y.Doc | null): Debrief {
  const [debrief, setDebrief] = useState<{ doc: Y.Doc | null; value: Debrief }>({ doc, value: EMPTY_DEBRIEF });
  useEffect(() => {
    if (!doc) return;
    const read = () => setDebrief({ doc, value: debriefToJSON(doc) });
    read();
    doc.on('afterTransaction', read);
    return () => doc.off('afterTransaction', read);
  }, [doc]);
  // Never another document's debrief while this one opens.
  return debrief.doc === doc ? debrief.value : EMPTY_DEBRIEF;
}

/**
 * The debrief of one attempt: its own Yjs document (`board/<b>/debrief/<n>`), written live by
 * the participants like the plan, read by viewers, and still open once the attempt is frozen.
 * Two people typing at once both keep their words, and every change is in the history.
 */
export function useDebrief(
  boardId: string,
  attempt: number,
  me: { userId: string; name: string },
  readOnly: boolean,
  readAlong = false,
): { synced: SyncedDoc; debrief: Debrief; docName: string } {
  const docName = formatDocName({ kind: 'debrief', boardId, attempt });
  const user = useMemo(() => ({ userId: me.userId, name: me.name, color: personHex(me.userId) }), [me.userId, me.name]);
  const synced = useSyncedDoc({ docName, label: 'this debrief', user, readOnly, persist: !readOnly, readAlong });
  const debrief = useDebriefJSON(synced.loaded ? synced.doc : null);
  return { synced, debrief, docName };
}
