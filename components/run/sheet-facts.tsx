import type { RunSheet } from './run-types';

/**
 * The facts of the day that both the run page and the printed packet show, written once: the
 * safety plan and the escort. Each surface names its own list style (`className`); the run page
 * marks the two figures its tests and large type pick out.
 */

export function SafetyFacts(props: {
  safety: RunSheet['safety'];
  emergency: RunSheet['emergency'];
  className: string;
  codeWordClassName?: string;
}) {
  const { safety, emergency, className, codeWordClassName } = props;
  return (
    <dl className={className}>
      <dt>Code word</dt>
      <dd className={codeWordClassName} data-testid={codeWordClassName ? 'run-code-word' : undefined}>
        {safety.codeWord.trim() || 'None agreed yet'}
      </dd>
      <dt>Exits</dt>
      <dd>{safety.exits.trim() || 'Not written yet'}</dd>
      <dt>Calls emergency services</dt>
      <dd>{safety.caller.trim() || 'Not named yet'}</dd>
      <dt>Numbers</dt>
      <dd>
        Emergency <a href={`tel:${emergency.number}`}>{emergency.number}</a>, crisis line{' '}
        <a href={`tel:${emergency.crisisLine}`}>{emergency.crisisLine}</a>
      </dd>
      {safety.riskNotes.trim() ? (
        <>
          <dt>Also know</dt>
          <dd>{safety.riskNotes}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function EscortFacts(props: { escort: RunSheet['escort']; className: string; driverClassName?: string }) {
  const { escort, className, driverClassName } = props;
  return (
    <dl className={className}>
      <dt>Who drives</dt>
      <dd className={driverClassName} data-testid={driverClassName ? 'run-driver' : undefined}>
        {escort.driver.trim() || 'Not named yet'}
      </dd>
      {escort.travel.trim() ? (
        <>
          <dt>Travel</dt>
          <dd>{escort.travel}</dd>
        </>
      ) : null}
      <dt>Bag</dt>
      <dd>{escort.bagPacked ? 'Packed' : 'Not packed yet'}</dd>
      <dt>Medical detox</dt>
      <dd>{escort.medicalDetox ? 'Needed' : 'Not needed'}</dd>
    </dl>
  );
}
