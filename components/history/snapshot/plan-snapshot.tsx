import { type Fields, isListPart, PLAN_PARTS } from '@/lib/diff';
import type { ListName } from '@/lib/plan/schema';
import type { PlanJSON } from '@/lib/plan/to-json';
import { partLabel } from '@/lib/plan/sections';
import { TITLE_FIELD } from '../labels';
import { ItemFields } from './item-fields';

function ListItems({ part, items }: { part: ListName; items: readonly Fields[] }) {
  if (items.length === 0) return <p className="muted small snapshot-empty">Nothing here yet.</p>;
  const titleField = TITLE_FIELD[part] ?? '';
  return (
    <ol className="snapshot-items">
      {items.map((item, index) => {
        const title = typeof item[titleField] === 'string' ? String(item[titleField]).trim() : '';
        return (
          <li key={typeof item.id === 'string' ? item.id : index} className="snapshot-item">
            <p className="snapshot-item-title">{title || <span className="muted">(untitled)</span>}</p>
            <ItemFields part={part} fields={item} skip={titleField} empty={null} />
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The shared plan exactly as it was at a moment, section by section, read-only. Sections the
 * selected change touched are marked, so the eye goes to them first.
 */
export function PlanSnapshot({ plan, touched }: { plan: PlanJSON; touched?: ReadonlySet<string> }) {
  return (
    <div className="snapshot" data-testid="plan-snapshot">
      {PLAN_PARTS.map((part) => {
        const changed = touched?.has(part) ?? false;
        return (
          <section
            key={part}
            className={`snapshot-section${changed ? ' is-touched' : ''}`}
            aria-labelledby={`snap-${part}`}
            data-testid={`snapshot-${part}`}
          >
            <h3 id={`snap-${part}`}>
              {partLabel(part)}
              {changed ? <span className="chip-changed">changed here</span> : null}
            </h3>
            {isListPart(part) ? (
              <ListItems part={part} items={plan[part]} />
            ) : (
              <ItemFields part={part} fields={plan[part]} />
            )}
          </section>
        );
      })}
    </div>
  );
}
