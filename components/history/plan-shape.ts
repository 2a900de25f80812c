import { LIST_NAMES, SINGLETON_NAMES } from '@/lib/plan/schema';
import type { PlanJSON } from '@/lib/plan/to-json';

/** Whether a state from the history API is a plan (every list an array, every section an object). */
export function isPlanJSON(value: Readonly<Record<string, unknown>>): value is PlanJSON {
  return (
    LIST_NAMES.every((list) => Array.isArray(value[list])) &&
    SINGLETON_NAMES.every((section) => typeof value[section] === 'object' && value[section] !== null)
  );
}
