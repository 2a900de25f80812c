import type { CoverageCheck } from '@/lib/readiness/coverage';

export function CoverageList({ checks }: { checks: CoverageCheck[] | null }) {
  if (!checks)
    return (
      <p className="muted" role="status">
        Checking the plan…
      </p>
    );
  const open = checks.filter((check) => !check.ok).length;
  return (
    <div className="coverage" data-testid="coverage">
      <p className="muted small">
        {open === 0
          ? 'Everything the plan needs is covered.'
          : `${open} ${open === 1 ? 'thing needs' : 'things need'} attention before the day.`}
      </p>
      <ul className="coverage-list">
        {checks.map((check) => (
          <li
            key={check.id}
            className={check.ok ? 'coverage-ok' : 'coverage-missing'}
            data-testid={`coverage-${check.id}`}
            data-ok={check.ok}
          >
            <span className="coverage-mark" aria-hidden="true">
              {check.ok ? '✓' : '!'}
            </span>
            <div>
              <strong>{check.label}</strong>
              <span className="visually-hidden">{check.ok ? ': done' : ': missing'}</span>
              {check.missing.length > 0 ? (
                <ul className="coverage-missing-items">
                  {check.missing.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
