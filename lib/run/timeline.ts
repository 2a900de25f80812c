import { leftLine, listNames, OUTCOME_WORDS, SIGNAL_LABEL } from './labels';
import type { RunEvent, RunPhase, StoredRunEvent } from './types';

/** A time zone the phone named, if this runtime knows it; otherwise UTC (said so in the heading). */
export function knownTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function hourMinute(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(at);
}

/** What one moment says in the debrief, or null for what stays out of it; `phase` is the phase before it. */
function sentence(event: RunEvent, phase: RunPhase): string | null {
  switch (event.kind) {
    case 'started':
      return 'We began.';
    case 'speaker':
      if (event.itemId === null)
        return event.phase === 'letters' ? 'Every letter had been read.' : 'Every bottom-line letter had been read.';
      return event.phase === 'letters'
        ? `${event.name} began reading their letter.`
        : `${event.name} began reading their bottom-line letter.`;
    case 'phase':
      if (event.phase === 'bottom-lines') return 'The bottom-line letters began.';
      return phase === 'bottom-lines' ? 'Every bottom-line letter had been read; the first 72 hours began.' : null;
    case 'contingency':
      return event.actorNames.length > 0
        ? `Opened the playbook “${event.title}”: ${listNames(event.actorNames)} acted.`
        : `Opened the playbook “${event.title}”.`;
    case 'contingency-closed':
      return `Closed the playbook “${event.title}”.`;
    case 'signal':
      if (event.signal === 'left') return `Signal to the team: ${leftLine(event.followerNames)}.`;
      return `Signal to the team: ${SIGNAL_LABEL[event.signal].toLowerCase()}.`;
    case 'signal-cleared':
      return 'All clear given.';
    // A request to step out was between one person and the interventionist: the debrief, which
    // the whole board reads, does not name it.
    case 'step-out':
      return null;
    case 'outcome':
      return `Outcome: ${OUTCOME_WORDS[event.outcome]}.`;
    case 'ended':
      return 'Run mode ended.';
  }
}

/** The heading above the lines, written once, the first time a run's moments reach the debrief. */
export function timelineHeading(timeZone: string): string {
  return `On the day, as run mode recorded it (times in ${timeZone}):`;
}

/**
 * One line per moment worth keeping, with its time ("14:02 Jordan began reading their letter."),
 * for the moments after `afterSeq` (those already written are skipped; the earlier ones still
 * give the later ones their context).
 */
export function timelineLines(events: readonly StoredRunEvent[], timeZone: string, afterSeq = 0): string[] {
  const lines: string[] = [];
  let phase: RunPhase = 'letters';
  for (const { seq, at, event } of events) {
    const said = sentence(event, phase);
    if (event.kind === 'phase' || event.kind === 'speaker') phase = event.phase;
    if (said !== null && seq > afterSeq) lines.push(`${hourMinute(at, timeZone)} ${said}`);
  }
  return lines;
}
