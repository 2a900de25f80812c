'use client';

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { planToJSON } from '@/lib/plan/to-json';
import { type CoverageCheck, coverageChecks } from '@/lib/readiness/coverage';

const RECHECK_DELAY_MS = 250;

/** The plan's coverage checks, recomputed shortly after each change (anyone's). */
export function useCoverage(doc: Y.Doc | null): CoverageCheck[] | null {
  const [checks, setChecks] = useState<CoverageCheck[] | null>(null);
  useEffect(() => {
    if (!doc) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const recompute = () => setChecks(coverageChecks(planToJSON(doc)));
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(recompute, RECHECK_DELAY_MS);
    };
    recompute();
    doc.on('update', onUpdate);
    return () => {
      if (timer) clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc]);
  return checks;
}
