import type { FieldChange } from '@/lib/diff';
import { valueLabel } from '../labels';
import { WordDiff } from './word-diff';

/** One changed field: text word by word, a value as before → after, a set as ticked/unticked. */
export function FieldChangeValue({
  change,
  side = 'both',
}: {
  change: FieldChange;
  side?: 'both' | 'before' | 'after';
}) {
  switch (change.kind) {
    case 'text':
      return <WordDiff segments={change.segments} side={side} />;
    case 'value': {
      const before = (
        <del className="diff-removed" data-testid="diff-removed">
          <span className="visually-hidden">[was: </span>
          {valueLabel(change.field, change.before)}
          <span className="visually-hidden">]</span>
        </del>
      );
      const after = (
        <ins className="diff-added" data-testid="diff-added">
          <span className="visually-hidden">[now: </span>
          {valueLabel(change.field, change.after)}
          <span className="visually-hidden">]</span>
        </ins>
      );
      if (side === 'before') return before;
      if (side === 'after') return after;
      return (
        <span>
          {before} <span aria-hidden="true">→</span> {after}
        </span>
      );
    }
    case 'set': {
      const added = change.added.map((v) => valueLabel(change.field, v)).join(', ');
      const removed = change.removed.map((v) => valueLabel(change.field, v)).join(', ');
      return (
        <span className="set-change">
          {added && side !== 'before' ? (
            <ins className="diff-added" data-testid="diff-added">
              <span className="visually-hidden">[added: </span>+ {added}
              <span className="visually-hidden">]</span>
            </ins>
          ) : null}
          {removed && side !== 'after' ? (
            <del className="diff-removed" data-testid="diff-removed">
              <span className="visually-hidden">[removed: </span>− {removed}
              <span className="visually-hidden">]</span>
            </del>
          ) : null}
        </span>
      );
    }
  }
}
