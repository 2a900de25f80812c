import type { ReactNode } from 'react';
import type { PlanPart } from '@/lib/diff';
import { fieldLabel as planFieldLabel, HIDDEN_FIELDS, valueLabel } from '../history/labels';

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

/** A plan field's value in the board's own words ("Not started", a day as the board writes it). */
function planValueText(field: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => planValueText(field, item)).join(', ');
  return typeof value === 'string' || typeof value === 'boolean' ? valueLabel(field, value) : valueText(value);
}

/**
 * One record's fields as a definition list, empty ones left out. A part of the plan is worded as
 * the board and its history word it, without the fields that are bookkeeping (ids, presets).
 */
export function Fields({ record, part }: { record: Record<string, unknown>; part?: PlanPart }) {
  const shown = Object.entries(record).filter(
    ([name, value]) => !SKIPPED.has(name) && !(part && HIDDEN_FIELDS.has(name)) && valueText(value) !== '',
  );
  if (shown.length === 0) return <p className="muted small">Nothing written.</p>;
  return (
    <dl className="export-fields">
      {shown.map(([name, value]) => (
        <div key={name}>
          <dt>{part ? planFieldLabel(part, name) : fieldLabel(name)}</dt>
          <dd>{part ? planValueText(name, value) : valueText(value)}</dd>
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
