'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Debrief } from '@/lib/schemas/debrief';
import { api, ApiError } from '@/components/browser/api';

export type SavedDebrief = Debrief & { updatedAt: number | null };

export const EMPTY: Debrief = { outcome: '', wentWrong: [], details: '', participantNotes: {}, lessons: '' };

function content(debrief: Debrief): Debrief {
  const notes = Object.fromEntries(Object.entries(debrief.participantNotes).filter(([, note]) => note.trim() !== ''));
  return { outcome: debrief.outcome, wentWrong: [...debrief.wentWrong].sort(), details: debrief.details, participantNotes: notes, lessons: debrief.lessons };
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

const message = (caught: unknown, fallback: string) => (caught instanceof ApiError ? caught.message : fallback);

/**
 * The debrief of one attempt: what the server has, the draft on screen, and saving it. Saving
 * is explicit (a debrief is a considered record, not a live document). When someone else saves,
 * `refresh` brings their version in at once unless this person is in the middle of editing; then
 * it is held in `incoming` until they choose, so nobody's words vanish under their cursor.
 */
export function useDebrief(boardId: string, attempt: number) {
  const path = `/api/boards/${boardId}/attempts/${attempt}/debrief`;
  const [saved, setSaved] = useState<SavedDebrief | null>(null);
  const [draft, setDraft] = useState<Debrief>(EMPTY);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [incoming, setIncoming] = useState<SavedDebrief | null>(null);
  const [updatedByOther, setUpdatedByOther] = useState<number | null>(null);
  const [round, setRound] = useState(0);
  const latest = useRef({ saved, draft });
  useEffect(() => {
    latest.current = { saved, draft };
  }, [saved, draft]);

  const fetchDebrief = useCallback(async () => (await api<{ debrief: SavedDebrief }>(path)).debrief, [path]);

  useEffect(() => {
    let current = true;
    setSaved(null);
    setLoadError(null);
    setIncoming(null);
    setUpdatedByOther(null);
    fetchDebrief()
      .then((debrief) => {
        if (!current) return;
        setSaved(debrief);
        setDraft(content(debrief));
      })
      .catch((caught: unknown) => current && setLoadError(message(caught, 'The debrief could not be loaded.')));
    return () => {
      current = false;
    };
  }, [fetchDebrief, round]);

  const refresh = useCallback(async () => {
    let next: SavedDebrief;
    try {
      next = await fetchDebrief();
    } catch {
      return; // The next change or a reload brings it; the draft on screen is untouched.
    }
    const { saved: known, draft: mine } = latest.current;
    if (known && next.updatedAt === known.updatedAt) return;
    const editing = known !== null && !sameDebrief(mine, known);
    if (!editing || sameDebrief(mine, next)) {
      if (!sameDebrief(mine, next)) setUpdatedByOther(next.updatedAt);
      setSaved(next);
      setDraft(content(next));
      setIncoming(null);
    } else {
      setIncoming(next);
    }
  }, [fetchDebrief]);

  const save = useCallback(async () => {
    const sent = content(latest.current.draft);
    setSaving(true);
    setSaveError(null);
    try {
      await api(path, { method: 'PUT', body: sent });
      const next = await fetchDebrief();
      setSaved(next);
      setIncoming(null);
      setUpdatedByOther(null);
      // Words typed while saving stay in the draft (and the form shows them as unsaved).
      if (sameDebrief(latest.current.draft, sent)) setDraft(content(next));
    } catch (caught) {
      setSaveError(message(caught, 'The debrief was not saved. Check your connection and try again.'));
    } finally {
      setSaving(false);
    }
  }, [path, fetchDebrief]);

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
  return { saved, draft, setDraft, dirty, loadError, reload: () => setRound((n) => n + 1), saving, saveError, save, refresh, incoming, acceptIncoming, discard, updatedByOther };
}
