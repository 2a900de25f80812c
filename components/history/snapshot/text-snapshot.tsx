import type { DisplayField } from '../debrief-display';
import { TEXT_DOC_FIELDS } from '../labels';

/** Paragraphs as the writer left them: blank lines separate them. */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim());
  if (paragraphs.length === 0) return <p className="muted small snapshot-empty">Nothing written yet.</p>;
  return (
    <div className="snapshot-prose">
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

/** A participant's letters, the private notes or a debrief (its own `fields`), as they were at a moment. */
export function TextSnapshot({
  kind,
  state,
  fields,
}: {
  kind: 'letters' | 'notes' | 'debrief';
  state: Readonly<Record<string, unknown>>;
  fields?: readonly DisplayField[];
}) {
  return (
    <div className="snapshot" data-testid="text-snapshot">
      {(fields ?? (kind === 'debrief' ? [] : TEXT_DOC_FIELDS[kind])).map(({ field, label }) => (
        <section key={field} className="snapshot-section" aria-labelledby={`snap-${field}`}>
          <h3 id={`snap-${field}`}>{label}</h3>
          <Paragraphs text={typeof state[field] === 'string' ? String(state[field]) : ''} />
        </section>
      ))}
    </div>
  );
}
