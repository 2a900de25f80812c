'use client';

import { diffPlan, summarise } from '@/lib/diff';
import { PlanDiff } from './diff/plan-diff';
import { TextDocDiff } from './diff/text-doc-diff';
import { debriefDisplay } from './debrief-display';
import { plural } from './format';
import { isPlanJSON } from './plan-shape';
import { StateFrame } from './state-frame';
import { useDocState } from './use-doc-state';
import type { DocOption } from './use-documents';

export interface MomentOption {
  seq: number;
  label: string;
}

function MomentSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  options: readonly MomentOption[];
  onChange(seq: number): void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))} data-testid={id}>
        {options.map((option, index) => (
          <option key={index} value={option.seq}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Two moments of the same document, and what changed from the first to the second. */
export function CompareView(props: {
  boardId: string;
  doc: DocOption;
  options: readonly MomentOption[];
  from: number;
  to: number;
  onFrom(seq: number): void;
  onTo(seq: number): void;
  nameOf(userId: string): string;
}) {
  const { boardId, doc, options, from, to, onFrom, onTo, nameOf } = props;
  const before = useDocState(boardId, doc.name, from);
  const after = useDocState(boardId, doc.name, to);
  const ready = before.data !== null && after.data !== null;
  const loading = before.loading || after.loading;
  const error = before.error ?? after.error;
  const retry = () => {
    before.reload();
    after.reload();
  };

  let body = null;
  let summary = '';
  if (before.data && after.data) {
    if (doc.kind === 'plan') {
      if (isPlanJSON(before.data.state) && isPlanJSON(after.data.state)) {
        const changes = diffPlan(before.data.state, after.data.state);
        const count = summarise(changes);
        summary = changes.length
          ? `${plural(count.added, 'item')} added, ${count.removed} removed, ${plural(count.changed, 'change')} to existing content.`
          : '';
        body = <PlanDiff changes={changes} />;
      } else {
        body = <p className="muted">This plan cannot be compared.</p>;
      }
    } else if (doc.kind === 'debrief') {
      const display = debriefDisplay([before.data.state, after.data.state], nameOf);
      body = (
        <TextDocDiff
          kind="debrief"
          before={display.values[0] ?? {}}
          after={display.values[1] ?? {}}
          labels={display.fields}
        />
      );
    } else {
      body = <TextDocDiff kind={doc.kind} before={before.data.state} after={after.data.state} />;
    }
  }

  return (
    <div className="compare-view" data-testid="compare-view" data-ready={ready && !loading ? 'true' : 'false'}>
      <fieldset className="compare-pickers">
        <legend>Compare two moments</legend>
        <MomentSelect id="compare-from" label="From" value={from} options={options} onChange={onFrom} />
        <button
          type="button"
          className="button button-secondary button-small compare-swap"
          onClick={() => {
            onFrom(to);
            onTo(from);
          }}
          aria-label="Swap the two moments"
        >
          ⇄ Swap
        </button>
        <MomentSelect id="compare-to" label="To" value={to} options={options} onChange={onTo} />
      </fieldset>
      <p className="compare-legend small">
        <ins className="diff-added">Added</ins> <del className="diff-removed">Removed</del>
        {summary ? <span className="muted"> · {summary}</span> : null}
      </p>
      {from === to ? (
        <p className="muted">Choose two different moments to see what changed between them.</p>
      ) : (
        <StateFrame loading={loading} hasData={ready} error={error} onRetry={retry} what="the two moments">
          {body}
        </StateFrame>
      )}
    </div>
  );
}
