import type { FieldChange, ItemChange, PartChanges } from '@/lib/diff';
import type { ListName } from '@/lib/plan/schema';
import { partLabel } from '@/lib/plan/sections';
import { FieldChangeValue } from '../history/diff/field-change';
import { fieldLabel, TITLE_FIELD } from '../history/labels';
import { ItemFields } from '../history/snapshot/item-fields';

type Side = 'before' | 'after';

function Fields({ part, fields, side }: { part: PartChanges['part']; fields: readonly FieldChange[]; side: Side }) {
  return (
    <dl className="snapshot-fields">
      {fields.map((change) => (
        <div key={change.field} className="snapshot-field">
          <dt>{fieldLabel(part, change.field)}</dt>
          <dd>
            <FieldChangeValue change={change} side={side} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function title(list: ListName, item: ItemChange, side: Side): string {
  const value = (side === 'before' ? item.before : item.after)?.[TITLE_FIELD[list] ?? ''];
  return typeof value === 'string' && value.trim() ? value.trim() : '(untitled)';
}

function ItemCell({
  list,
  item,
  side,
  names,
}: {
  list: ListName;
  item: ItemChange;
  side: Side;
  names: Record<Side, string>;
}) {
  const present = side === 'before' ? item.before : item.after;
  const label = <span className="sbs-label">{names[side]}</span>;
  if (!present) {
    return (
      <div className={`sbs-cell sbs-${side} sbs-absent`}>
        {label}
        <p className="muted small">
          {side === 'before' ? `New in ${names.after.toLowerCase()}` : `Dropped from ${names.after.toLowerCase()}`}
        </p>
      </div>
    );
  }
  const whole = item.kind !== 'changed';
  const heading = title(list, item, side);
  return (
    <div className={`sbs-cell sbs-${side}`}>
      {label}
      <p className="change-item-title">
        {whole ? (
          side === 'after' ? (
            <ins className="diff-added">{heading}</ins>
          ) : (
            <del className="diff-removed">{heading}</del>
          )
        ) : (
          heading
        )}
      </p>
      {whole ? (
        <ItemFields part={list} fields={present} skip={TITLE_FIELD[list]} empty={null} />
      ) : (
        <Fields part={list} fields={item.fields} side={side} />
      )}
      {item.moved && side === 'after' ? <p className="muted small">Moved in the order.</p> : null}
    </div>
  );
}

/**
 * Two attempts' plans side by side, only where they differ: each row is one field or one item,
 * the earlier attempt on the left with what was dropped struck through, the later one on the
 * right with what was added marked. On a phone the two cells stack, each labelled.
 */
export function SideBySide({ changes, names }: { changes: readonly PartChanges[]; names: Record<Side, string> }) {
  return (
    <div className="sbs" data-testid="attempt-diff">
      <div className="sbs-row sbs-columns" aria-hidden="true">
        <span>{names.before}</span>
        <span>{names.after}</span>
      </div>
      {changes.map((change) => (
        <section key={change.part} className="sbs-section" aria-labelledby={`sbs-${change.part}`}>
          <h3 id={`sbs-${change.part}`}>{partLabel(change.part)}</h3>
          {change.kind === 'fields' ? (
            <div className="sbs-row">
              {(['before', 'after'] as const).map((side) => (
                <div key={side} className={`sbs-cell sbs-${side}`}>
                  <span className="sbs-label">{names[side]}</span>
                  <Fields part={change.part} fields={change.fields} side={side} />
                </div>
              ))}
            </div>
          ) : (
            change.items.map((item) => (
              <div key={`${item.kind}-${item.id}`} className="sbs-row" data-testid={`sbs-${item.kind}`}>
                <ItemCell list={change.part} item={item} side="before" names={names} />
                <ItemCell list={change.part} item={item} side="after" names={names} />
              </div>
            ))
          )}
        </section>
      ))}
    </div>
  );
}
