import type { FieldChange, ItemChange, PartChanges } from '@/lib/diff';
import type { ListName } from '@/lib/plan/schema';
import { partLabel } from '@/lib/plan/sections';
import { fieldLabel, TITLE_FIELD } from '../labels';
import { ItemFields } from '../snapshot/item-fields';
import { FieldChangeValue } from './field-change';

function titleOf(list: ListName, item: ItemChange): string {
  const source = item.after ?? item.before;
  const value = source?.[TITLE_FIELD[list] ?? ''];
  return typeof value === 'string' && value.trim() ? value.trim() : '(untitled)';
}

export function FieldChanges({ part, fields }: { part: PartChanges['part']; fields: readonly FieldChange[] }) {
  return (
    <dl className="snapshot-fields">
      {fields.map((change) => (
        <div key={change.field} className="snapshot-field">
          <dt>{fieldLabel(part, change.field)}</dt>
          <dd>
            <FieldChangeValue change={change} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

const BADGE: Record<ItemChange['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

function ItemChangeView({ list, item }: { list: ListName; item: ItemChange }) {
  const titleField = TITLE_FIELD[list] ?? '';
  return (
    <li className={`change-item change-${item.kind}`} data-testid={`change-${item.kind}`}>
      <p className="change-item-title">
        <span className={`change-badge change-badge-${item.kind}`}>{BADGE[item.kind]}</span>
        {item.kind === 'removed' ? (
          <del className="diff-removed">{titleOf(list, item)}</del>
        ) : item.kind === 'added' ? (
          <ins className="diff-added">{titleOf(list, item)}</ins>
        ) : (
          <span>{titleOf(list, item)}</span>
        )}
        {item.moved ? <span className="muted small"> · moved in the order</span> : null}
      </p>
      {item.kind === 'changed' ? (
        item.fields.length ? (
          <FieldChanges part={list} fields={item.fields} />
        ) : null
      ) : (
        <ItemFields part={list} fields={item.after ?? item.before ?? {}} skip={titleField} empty={null} />
      )}
    </li>
  );
}

/** What changed between two states of the plan, section by section. */
export function PlanDiff({ changes }: { changes: readonly PartChanges[] }) {
  if (changes.length === 0)
    return (
      <p className="empty" data-testid="no-changes">
        No differences between these two moments.
      </p>
    );
  return (
    <div className="snapshot" data-testid="plan-diff">
      {changes.map((change) => (
        <section
          key={change.part}
          className="snapshot-section"
          aria-labelledby={`diff-${change.part}`}
          data-testid={`diff-${change.part}`}
        >
          <h3 id={`diff-${change.part}`}>{partLabel(change.part)}</h3>
          {change.kind === 'fields' ? (
            <FieldChanges part={change.part} fields={change.fields} />
          ) : (
            <ul className="change-list">
              {change.items.map((item) => (
                <ItemChangeView key={`${item.kind}-${item.id}`} list={change.part} item={item} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
