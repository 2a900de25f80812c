'use client';

import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { type PlanJSON, planToJSON } from '@/lib/plan/to-json';
import { type CoverageCheck, coverageChecks, type LetterProgress } from '@/lib/readiness/coverage';

const RECHECK_DELAY_MS = 250;

/** The plan as JSON, read again shortly after each change (anyone's). */
function usePlanJSON(doc: Y.Doc | null): PlanJSON | null {
  const [plan, setPlan] = useState<PlanJSON | null>(null);
  useEffect(() => {
    if (!doc) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const reread = () => setPlan(planToJSON(doc));
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(reread, RECHECK_DELAY_MS);
    };
    reread();
    doc.on('update', onUpdate);
    return () => {
      if (timer) clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc]);
  return plan;
}

/**
 * The plan's coverage checks, live. `letters` is where the letters stand (from the readiness API:
 * review records are not in the plan); null while it loads, and the checks wait for it.
 */
export function useCoverage(doc: Y.Doc | null, letters: LetterProgress | 'unavailable' | null): CoverageCheck[] | null {
  const plan = usePlanJSON(doc);
  return useMemo(() => (plan && letters ? coverageChecks(plan, letters) : null), [plan, letters]);
}
