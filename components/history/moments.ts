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
 * A moment of the timeline: consecutive changes to the same sections, close in time, by one
 * person or by several typing together. Typing a sentence logs dozens of changes, and two
 * people writing in the same place at once interleave theirs: nobody wants to scrub through
 * each keystroke, or a dozen entries alternating between two names within one minute.
 */
export interface Moment {
  /** The last change of the moment: the state "after" it is what selecting the moment shows. */
  seq: number;
  firstSeq: number;
  startedAt: number;
  at: number;
  /** Who made its changes, in the order they first did. */
  userIds: string[];
  sections: string[];
  count: number;
}

/** Changes further apart than this start a new moment, even by the same people in the same sections. */
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

/** Whoever made it: a change to the moment's sections soon after its last one carries it on. */
function joins(moment: Moment, entry: TimelineEntry, sections: readonly string[]): boolean {
  return entry.at - moment.at <= MOMENT_GAP_MS && sections.join('|') === moment.sections.join('|');
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
    if (last && joins(last, entry, sections)) {
      last.seq = entry.seq;
      last.at = entry.at;
      last.count += 1;
      if (!last.userIds.includes(entry.userId)) last.userIds.push(entry.userId);
      continue;
    }
    moments.push({
      seq: entry.seq,
      firstSeq: entry.seq,
      startedAt: entry.at,
      at: entry.at,
      userIds: [entry.userId],
      sections,
      count: 1,
    });
  }
  return moments;
}

/** "Jordan", "Jordan and Riley", "Jordan, Riley and Maya". */
export function namesOf(moment: Moment, nameOf: (userId: string) => string): string {
  const names = moment.userIds.map(nameOf);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
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
