'use client';

import type { ReactNode } from 'react';
import type { PlanPart } from '@/lib/diff';
import { debriefDisplay } from './debrief-display';
import { isPlanJSON } from './plan-shape';
import { PlanSnapshot } from './snapshot/plan-snapshot';
import { TextSnapshot } from './snapshot/text-snapshot';
import { StateFrame } from './state-frame';
import { useDocState } from './use-doc-state';
import type { DocOption } from './use-documents';

function DebriefSnapshot({
  state,
  nameOf,
}: {
  state: Readonly<Record<string, unknown>>;
  nameOf(userId: string): string;
}) {
  const display = debriefDisplay([state], nameOf);
  return <TextSnapshot kind="debrief" state={display.values[0] ?? {}} fields={display.fields} />;
}

/** The selected document exactly as it was after change `seq`, read-only. */
export function MomentView(props: {
  boardId: string;
  doc: DocOption;
  seq: number;
  heading: ReactNode;
  touched: ReadonlySet<PlanPart>;
  nameOf(userId: string): string;
}) {
  const { boardId, doc, seq, heading, touched, nameOf } = props;
  const state = useDocState(boardId, doc.name, seq);
  const data = state.data;
  return (
    <div className="moment-view" data-testid="moment-view" data-seq={data && !state.loading ? data.seq : ''}>
      <div className="moment-heading">{heading}</div>
      <StateFrame
        loading={state.loading}
        hasData={data !== null}
        error={state.error}
        onRetry={state.reload}
        what="this moment"
      >
        {data === null ? null : doc.kind === 'plan' ? (
          isPlanJSON(data.state) ? (
            <PlanSnapshot plan={data.state} touched={touched} />
          ) : (
            <p className="muted">This plan cannot be shown.</p>
          )
        ) : doc.kind === 'debrief' ? (
          <DebriefSnapshot state={data.state} nameOf={nameOf} />
        ) : (
          <TextSnapshot kind={doc.kind} state={data.state} />
        )}
      </StateFrame>
    </div>
  );
}
