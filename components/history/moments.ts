import { sectionOfField } from './labels';

/** One logged change of a document, as the timeline API describes it. */
export interface TimelineEntry {
  seq: number;
  at: number;
  userId: string;
  size: number;
  fields: string[];
}

/**
 * A moment of the timeline: consecutive changes by one person to the same sections, close in
 * time. Typing a sentence logs dozens of changes; nobody wants to scrub through each keystroke.
 */
export interface Moment {
  /** The last change of the moment: the state "after" it is what selecting the moment shows. */
  seq: number;
  firstSeq: number;
  startedAt: number;
  at: number;
  userId: string;
  sections: string[];
  count: number;
}

/** Changes further apart than this start a new moment, even by the same person. */
export const MOMENT_GAP_MS = 5 * 60_000;

export interface MomentFilter {
  /** A user id, or '' for everyone. */
  person: string;
  /** A section label, or '' for every section. */
  section: string;
}

export function entrySections(entry: TimelineEntry): string[] {
  return [...new Set(entry.fields.map(sectionOfField))].sort();
}

export function toMoments(
  entries: readonly TimelineEntry[],
  filter: MomentFilter = { person: '', section: '' },
): Moment[] {
  const moments: Moment[] = [];
  for (const entry of entries) {
    const sections = entrySections(entry);
    // An update that changed nothing visible (e.g. a duplicate) is not a moment anyone made.
    if (sections.length === 0) continue;
    if (filter.person && entry.userId !== filter.person) continue;
    if (filter.section && !sections.includes(filter.section)) continue;
    const last = moments[moments.length - 1];
    if (
      last &&
      last.userId === entry.userId &&
      last.sections.join('|') === sections.join('|') &&
      entry.at - last.at <= MOMENT_GAP_MS
    ) {
      last.seq = entry.seq;
      last.at = entry.at;
      last.count += 1;
      continue;
    }
    moments.push({
      seq: entry.seq,
      firstSeq: entry.seq,
      startedAt: entry.at,
      at: entry.at,
      userId: entry.userId,
      sections,
      count: 1,
    });
  }
  return moments;
}

/**
 * The sequence number of the document's state at a moment in time: the last change at or before
 * it, or `start` (the first state this person may see) when there is none.
 */
export function seqAtTime(entries: readonly TimelineEntry[], at: number, start = 0): number {
  let seq = start;
  for (const entry of entries) {
    if (entry.at > at) break;
    seq = entry.seq;
  }
  return seq;
}

/** Index of the moment showing `seq`: the last moment at or before it (0 when none is). */
export function momentIndexAt(moments: readonly Moment[], seq: number): number {
  let index = 0;
  moments.forEach((moment, i) => {
    if (moment.seq <= seq) index = i;
  });
  return index;
}
