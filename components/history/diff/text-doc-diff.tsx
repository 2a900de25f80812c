import { diffWords } from '@/lib/diff';
import type { DisplayField } from '../debrief-display';
import { TEXT_DOC_FIELDS } from '../labels';
import { WordDiff } from './word-diff';

/** Letters, notes or a debrief (its own `labels`) at two moments, word by word. */
export function TextDocDiff({
  kind,
  before,
  after,
  labels,
}: {
  kind: 'letters' | 'notes' | 'debrief';
  before: Readonly<Record<string, unknown>>;
  after: Readonly<Record<string, unknown>>;
  labels?: readonly DisplayField[];
}) {
  const fields = (labels ?? (kind === 'debrief' ? [] : TEXT_DOC_FIELDS[kind])).map(({ field, label }) => {
    const a = typeof before[field] === 'string' ? String(before[field]) : '';
    const b = typeof after[field] === 'string' ? String(after[field]) : '';
    return { field, label, same: a === b, segments: diffWords(a, b) };
  });
  if (fields.every((f) => f.same))
    return (
      <p className="empty" data-testid="no-changes">
        No differences between these two moments.
      </p>
    );
  return (
    <div className="snapshot" data-testid="plan-diff">
      {fields.map((f) => (
        <section key={f.field} className="snapshot-section" aria-labelledby={`diff-${f.field}`}>
          <h3 id={`diff-${f.field}`}>{f.label}</h3>
          {f.same ? (
            <p className="muted small">Unchanged.</p>
          ) : (
            <p className="prose-diff">
              <WordDiff segments={f.segments} />
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
