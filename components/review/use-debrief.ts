'use client';

import { useCallback, useState } from 'react';
import type { Debrief } from '@/lib/schemas/debrief';
import { api, ApiError } from '@/components/browser/api';
import { useApiData } from '../hooks/use-api-data';

export type SavedDebrief = Debrief & { updatedAt: number | null };

export const EMPTY: Debrief = { outcome: '', wentWrong: [], details: '', participantNotes: {}, lessons: '' };

function content(debrief: Debrief): Debrief {
  const notes = Object.fromEntries(Object.entries(debrief.participantNotes).filter(([, note]) => note.trim() !== ''));
  return {
    outcome: debrief.outcome,
    wentWrong: [...debrief.wentWrong].sort(),
    details: debrief.details,
    participantNotes: notes,
    lessons: debrief.lessons,
  };
}

/** Whether two debriefs say the same (empty notes and the order of ticks do not count). */
export function sameDebrief(a: Debrief, b: Debrief): boolean {
  const x = content(a);
  const y = content(b);
  const keys = new Set([...Object.keys(x.participantNotes), ...Object.keys(y.participantNotes)]);
  return (
    x.outcome === y.outcome &&
    x.details === y.details &&
    x.lessons === y.lessons &&
    x.wentWrong.join() === y.wentWrong.join() &&
    [...keys].every((key) => x.participantNotes[key] === y.participantNotes[key])
  );
}

/**
 * The debrief of one attempt: what the server has, the draft on screen, and saving it. Saving
 * is explicit (a debrief is a considered record, not a live document). When someone else saves,
 * the board channel has it asked again, and their version comes in at once unless this person
 * is in the middle of editing; then it is held in `incoming` until they choose, so nobody's
 * words vanish under their cursor.
 */
export function useDebrief(boardId: string, attempt: number) {
  const path = `/api/boards/${boardId}/attempts/${attempt}/debrief`;
  // Never another attempt's debrief while this one loads.
  const server = useApiData<{ debrief: SavedDebrief }>(path, { refreshOn: ['debrief'], keepPrevious: false });
  const [scope, setScope] = useState(path);
  const [saved, setSaved] = useState<SavedDebrief | null>(null);
  const [draft, setDraft] = useState<Debrief>(EMPTY);
  /** The server's answer last taken into account, so that each is handled once. */
  const [considered, setConsidered] = useState<SavedDebrief | null>(null);
  /** What a save is sending now; answers wait until it is done. */
  const [sending, setSending] = useState<Debrief | null>(null);
  /** What this person saved, until the server's answer with it comes back. */
  const [sent, setSent] = useState<Debrief | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [incoming, setIncoming] = useState<SavedDebrief | null>(null);
  const [updatedByOther, setUpdatedByOther] = useState<number | null>(null);

  // Both adjustments happen while rendering (React's pattern for state that follows a prop), so
  // no render ever shows an answer that was not handled yet.
  if (scope !== path) {
    setScope(path);
    setSaved(null);
    setConsidered(null);
    setSent(null);
    setIncoming(null);
    setUpdatedByOther(null);
  }
  const latest = server.data?.debrief ?? null;
  if (scope === path && latest !== null && latest !== considered && sending === null) {
    setConsidered(latest);
    if (saved === null) {
      setSaved(latest);
      setDraft(content(latest));
    } else if (latest.updatedAt !== saved.updatedAt) {
      const editing = !sameDebrief(draft, saved);
      if (sent !== null && sameDebrief(latest, sent)) {
        // This person's own save: words typed while saving stay in the draft (shown as unsaved).
        setSent(null);
        setSaved(latest);
        setIncoming(null);
        setUpdatedByOther(null);
        if (sameDebrief(draft, sent)) setDraft(content(latest));
      } else if (!editing || sameDebrief(draft, latest)) {
        if (!sameDebrief(draft, latest)) setUpdatedByOther(latest.updatedAt);
        setSaved(latest);
        setDraft(content(latest));
        setIncoming(null);
      } else {
        setIncoming(latest);
      }
    }
  }

  const { revalidate } = server;
  const save = useCallback(async () => {
    const body = content(draft);
    setSending(body);
    setSaveError(null);
    try {
      await api(path, { method: 'PUT', body });
      setSent(body);
      await revalidate();
    } catch (caught) {
      setSaveError(
        caught instanceof ApiError ? caught.message : 'The debrief was not saved. Check your connection and try again.',
      );
    } finally {
      setSending(null);
    }
  }, [path, draft, revalidate]);

  const acceptIncoming = useCallback(() => {
    if (!incoming) return;
    setSaved(incoming);
    setDraft(content(incoming));
    setIncoming(null);
  }, [incoming]);

  const discard = useCallback(() => {
    if (saved) setDraft(content(saved));
  }, [saved]);

  const dirty = saved !== null && !sameDebrief(draft, saved);
  const loadError = saved === null ? server.error : null;
  return {
    saved,
    draft,
    setDraft,
    dirty,
    loadError,
    reload: server.reload,
    saving: sending !== null,
    saveError,
    save,
    incoming,
    acceptIncoming,
    discard,
    updatedByOther,
  };
}
