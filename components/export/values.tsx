import type { ReactNode } from 'react';

/** Fields of a plan item that are bookkeeping, not content. */
const SKIPPED = new Set(['id', 'order']);

/** "speakingOrder" → "Speaking order": a field's name, readable on paper. */
export function fieldLabel(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

/** One record's fields as a definition list, empty ones left out. */
export function Fields({ record }: { record: Record<string, unknown> }) {
  const shown = Object.entries(record).filter(([name, value]) => !SKIPPED.has(name) && valueText(value) !== '');
  if (shown.length === 0) return <p className="muted small">Nothing written.</p>;
  return (
    <dl className="export-fields">
      {shown.map(([name, value]) => (
        <div key={name}>
          <dt>{fieldLabel(name)}</dt>
          <dd>{valueText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A titled block of the printable page. */
export function Block({ title, children, level = 2 }: { title: string; children: ReactNode; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="export-block">
      <Heading>{title}</Heading>
      {children}
    </section>
  );
}

/** Text as it was written, line breaks kept. */
export function Text({ children }: { children: string }) {
  return children.trim() === '' ? (
    <p className="muted small">Nothing written.</p>
  ) : (
    <p className="export-text">{children}</p>
  );
}
