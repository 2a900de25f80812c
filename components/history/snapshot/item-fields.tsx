import type { ReactNode } from 'react';
import type { Fields, PlanPart } from '@/lib/diff';
import { FIELD_LABEL, HIDDEN_FIELDS, valueLabel } from '../labels';

/** A field's value as text: a set as a list of labels, a scalar in words; '' when empty. */
export function fieldText(field: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => valueLabel(field, v)).join(', ');
  if (typeof value === 'string') return value.trim() ? valueLabel(field, value) : '';
  if (typeof value === 'boolean') return valueLabel(field, value);
  return '';
}

/**
 * The filled-in fields of an item or section as a definition list, in the board's order.
 * Unchecked boxes are left out, as empty fields are: a snapshot shows what was written.
 */
export function ItemFields({
  part,
  fields,
  skip,
  empty,
}: {
  part: PlanPart;
  fields: Fields;
  skip?: string;
  empty?: ReactNode;
}) {
  const rows = Object.keys(FIELD_LABEL[part])
    .filter((field) => field !== skip && !HIDDEN_FIELDS.has(field) && fields[field] !== false)
    .map((field) => ({ field, label: FIELD_LABEL[part][field] ?? field, text: fieldText(field, fields[field]) }))
    .filter((row) => row.text !== '');
  if (rows.length === 0)
    return empty === undefined ? <p className="muted small snapshot-empty">Nothing written here.</p> : empty;
  return (
    <dl className="snapshot-fields">
      {rows.map((row) => (
        <div key={row.field} className="snapshot-field">
          <dt>{row.label}</dt>
          <dd>{row.text}</dd>
        </div>
      ))}
    </dl>
  );
}
