import type { PlanJSON } from '@/lib/plan/to-json';
import { partLabel } from '@/lib/plan/sections';
import { PLAN_PARTS } from '@/lib/diff';
import { Block, Fields } from './values';

/** Every part of the plan in the order of its sections, lists item by item. */
export function PlanExport({ plan }: { plan: PlanJSON }) {
  const record = plan as unknown as Record<string, unknown>;
  return (
    <>
      {PLAN_PARTS.map((part) => {
        const value = record[part];
        return (
          <Block key={part} title={partLabel(part)} level={3}>
            {Array.isArray(value) ? (
              value.length === 0 ? (
                <p className="muted small">Nothing written.</p>
              ) : (
                <ol className="export-items">
                  {value.map((item, index) => (
                    <li key={index}>
                      <Fields record={item as Record<string, unknown>} part={part} />
                    </li>
                  ))}
                </ol>
              )
            ) : (
              <Fields record={(value ?? {}) as Record<string, unknown>} part={part} />
            )}
          </Block>
        );
      })}
    </>
  );
}
