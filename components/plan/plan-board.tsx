'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { BoardClientSocket } from '@/lib/protocol/board-events';
import type { AttemptSummary } from '@/server/boards/boards';
import type { Member } from '@/server/boards/members';
import type { RenderedDocState } from '@/server/update-log/page-state';
import { formatDocName } from '@/lib/doc-names';
import { planAccess } from '@/lib/permissions/abilities';
import { ensureDefaults } from '@/lib/plan/defaults';
import { planTypes } from '@/lib/plan/scope';
import type { SectionId } from '@/lib/plan/sections';
import type { PresencePerson } from '../hooks/use-board-channel';
import type { Me } from '../board/me';
import { BoardProvider, type BoardContextValue } from './board-context';
import type { EditContextValue } from './edit-context';
import { personHex } from '../browser/colour';
import { usePeers } from '../hooks/use-peers';
import { useSyncedDoc } from '../hooks/use-synced-doc';
import { handleUndoKey, useUndo } from '../hooks/use-undo';
import { ConnectionBanner, SaveStatus } from './save-status';
import { UnsavedChanges } from './unsaved-changes';
import { useQuestionCount } from './sections/use-questions';
import { SectionNav } from './section-nav';
import { SectionView } from './section-view';
import { useCounts } from './use-counts';
import { useNotice } from './use-notice';
import { useSection } from './use-section';
import './plan.css';
import './fields/fields.css';
import './team/speaking-order.css';
import './letters/letters.css';
import { useFollowing } from '../hooks/use-following';
import { useVisitLog } from '../board/use-visit-log';
import { attemptName, attemptState } from './attempt-state';
import { readOnlyReason } from './read-only-reason';

// Shown only on a second or later attempt (most boards have one): its code, with the debrief's
// labels and the first days' rules, is about 3.5 KB of gzipped script a first attempt never
// needs, so it comes only when shown (rendered on the server all the same).
const CarriedOver = dynamic(() => import('./carried-over').then((loaded) => loaded.CarriedOver));

export interface PlanBoardProps {
  boardId: string;
  attempts: AttemptSummary[];
  me: Me;
  members: Member[];
  socket: BoardClientSocket | null;
  people: PresencePerson[];
  emergency?: { number: string; crisisLine: string } | null;
  /** The latest attempt's plan as stored when the page was rendered, shown before the socket syncs. */
  renderedPlan?: RenderedDocState | null;
}

/** Default content is written by no one in particular: it is never part of anyone's undo. */
const DEFAULTS_ORIGIN = { kind: 'plan-defaults' };

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && ['text', 'date', 'time', 'search', 'email'].includes(target.type);
}

/** The shared plan of one attempt: connection, undo, presence, the section menu and the section. */
export function PlanBoard({
  boardId,
  attempts,
  me,
  members,
  socket,
  people,
  emergency = null,
  renderedPlan = null,
}: PlanBoardProps) {
  const latest = attempts[attempts.length - 1]?.number ?? 1;
  // A new attempt (after a debrief) becomes the one on screen for everyone.
  const [attemptNumber, setAttemptNumber] = useFollowing(latest);
  const attempt = attempts.find((a) => a.number === attemptNumber) ?? attempts[attempts.length - 1];
  const frozen = attempt?.frozenAt != null;
  const state = attemptState(attemptNumber, attempts);
  const doc = { kind: 'plan', boardId, attempt: attemptNumber } as const;
  // Decided by the server for this render (a freeze or a role change renders the page again).
  const access = planAccess(me.abilities, attemptNumber);
  const readOnly = access !== 'write';
  const user = useMemo(() => ({ userId: me.userId, name: me.name, color: personHex(me.userId) }), [me.userId, me.name]);
  const plan = useSyncedDoc({
    docName: formatDocName(doc),
    label: 'this plan',
    user,
    readOnly,
    persist: !readOnly,
    rendered: renderedPlan,
  });
  const origin = useMemo(() => ({ kind: 'my-plan-edits', attempt: attemptNumber }), [attemptNumber]);
  const undo = useUndo(plan.doc, planTypes, origin);
  const peers = usePeers(plan.provider?.awareness ?? null);
  const questionCount = useQuestionCount(boardId, attemptNumber);
  const docCounts = useCounts(plan.doc);
  const counts = useMemo(() => ({ ...docCounts, questions: questionCount }), [docCounts, questionCount]);
  // The server may have said read-only since this page was rendered (a freeze, a role change).
  const editable = !readOnly && plan.canWrite;
  const [section, setSection] = useSection(boardId, me, socket);
  useVisitLog(boardId, section);
  const planRef = useRef<HTMLDivElement>(null);
  // A new section starts at its top: switching from the end of a long one would otherwise leave
  // the page scrolled past the short new one, its menu stranded halfway up the screen.
  const openSection = useCallback(
    (id: SectionId) => {
      setSection(id);
      const top = planRef.current;
      if (top && top.getBoundingClientRect().top < 0) top.scrollIntoView({ block: 'start' });
    },
    [setSection],
  );
  const [notice, notify, dismiss] = useNotice();

  useEffect(() => {
    // Only after the server answered: a plan someone already started is never refilled.
    if (plan.doc && plan.synced && editable) ensureDefaults(plan.doc, DEFAULTS_ORIGIN);
  }, [plan.doc, plan.synced, editable]);

  useEffect(() => {
    // Undo outside text fields (after removing an item, ticking a box); fields handle their own.
    const onKey = (event: KeyboardEvent) => {
      if (!editable || isTextEntry(event.target)) return;
      if (handleUndoKey(event, undo.manager)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo.manager, editable]);

  const board: BoardContextValue = useMemo(
    () => ({ boardId, attempt: attemptNumber, frozen, state, me, user, members, socket, emergency, notify }),
    [boardId, attemptNumber, frozen, state, me, user, members, socket, emergency, notify],
  );
  const edit: EditContextValue | null = useMemo(() => {
    if (!plan.doc) return null;
    const awareness = plan.provider?.awareness ?? null;
    return {
      doc: plan.doc,
      readOnly: !editable,
      origin,
      undo: undo.manager,
      peers,
      setFocus: (field: string | null) => awareness?.setLocalStateField('field', field),
    };
  }, [plan.doc, plan.provider, editable, origin, undo.manager, peers]);

  // An open attempt that is still read-only is so because of the person's role: only viewers read along.
  const reason = readOnlyReason({
    state,
    attempt: attemptNumber,
    latest,
    canLift: me.abilities.can['attempts.freeze'],
    viewer: access === 'read',
    members,
  });

  return (
    <BoardProvider value={board}>
      <div
        ref={planRef}
        className="plan"
        data-testid="plan"
        data-read-only={readOnly || plan.accessReduced ? 'true' : 'false'}
      >
        <div className="spread plan-toolbar">
          <div className="plan-toolbar-start">
            <h2 className="plan-title">The plan</h2>
            {attempts.length > 1 ? (
              <label className="attempt-picker">
                <span className="visually-hidden">Attempt</span>
                <select
                  data-testid="attempt-picker"
                  value={attemptNumber}
                  onChange={(event) => setAttemptNumber(Number(event.target.value))}
                >
                  {attempts.map((a) => (
                    <option key={a.number} value={a.number}>
                      {attemptName(a.number, attempts)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <SaveStatus status={plan.status} />
          </div>
          {!editable ? null : (
            <div className="plan-toolbar-end" role="group" aria-label="Undo your own changes">
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={!undo.canUndo}
                onClick={() => undo.manager?.undo()}
                aria-keyshortcuts="Control+Z Meta+Z"
              >
                Undo
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={!undo.canRedo}
                onClick={() => undo.manager?.redo()}
                aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
              >
                Redo
              </button>
            </div>
          )}
        </div>
        <ConnectionBanner
          status={plan.status}
          closedReason={plan.closedReason}
          readOnlyReason={reason}
          accessReduced={plan.accessReduced}
        />
        <UnsavedChanges synced={plan} docName={formatDocName(doc)} />
        {attemptNumber === latest && latest > 1 ? (
          <CarriedOver key={latest} boardId={boardId} previous={latest - 1} me={me} />
        ) : null}
        <div className="plan-layout">
          <SectionNav
            current={section}
            onChange={openSection}
            abilities={me.abilities}
            myUserId={me.userId}
            people={people}
            counts={counts}
          />
          <div className="plan-panel" data-testid="plan-panel">
            <SectionView
              section={section}
              edit={plan.loaded ? edit : null}
              loading={
                plan.status === 'closed' ? null : (
                  <div className="plan-loading" role="status" data-testid="plan-loading">
                    <span className="plan-spinner" aria-hidden="true" />
                    {plan.status === 'offline'
                      ? 'You are offline, and this plan is not on this device yet. It opens as soon as you are back online.'
                      : 'Opening the plan…'}
                  </div>
                )
              }
            />
          </div>
        </div>
        <div className="plan-notice-region" aria-live="polite">
          {notice ? (
            <div className="plan-notice" key={notice.id}>
              <span>{notice.message}</span>
              {notice.undo && undo.canUndo ? (
                <button
                  type="button"
                  className="button-link"
                  onClick={() => {
                    undo.manager?.undo();
                    dismiss();
                  }}
                >
                  Undo
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>
    </BoardProvider>
  );
}
