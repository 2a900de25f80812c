'use client';

import { useMemo, useRef, useState } from 'react';
import { PLAN_PARTS, type PlanPart } from '@/lib/diff';
import { Alert } from '../ui/alert';
import { CompareView, type MomentOption } from './compare-view';
import { shortMoment } from '../ui/dates';
import { timelineSectionRank } from './labels';
import { MomentList } from './moment-list';
import { MomentView } from './moment-view';
import { entrySections, type Moment, momentIndexAt, namesOf, seqAtTime, toMoments } from './moments';
import { TimelineFilters } from './timeline-filters';
import { type Marker, TimelineScrubber } from './timeline-scrubber';
import type { DocOption } from './use-documents';
import { useTimeline } from './use-timeline';
import type { NamedVersion } from './use-versions';
import { VersionsPanel } from './versions-panel';

/**
 * One document's history: its timeline (filterable), the moment on screen and the comparison
 * of two moments. Mounted per document (keyed by its name), so choosing another document
 * starts from its latest moment with no filter left over.
 */
export function DocHistory(props: {
  boardId: string;
  attempt: number;
  doc: DocOption;
  nameOf(userId: string): string;
  versions: readonly NamedVersion[];
  canNameVersions: boolean;
  onVersionsChanged(): void;
}) {
  const { boardId, attempt, doc, nameOf, versions, canNameVersions, onVersionsChanged } = props;
  const timeline = useTimeline(boardId, doc.name);
  const entries = useMemo(
    () => (timeline.doc === doc.name ? timeline.entries : []),
    [timeline.doc, timeline.entries, doc.name],
  );
  const [person, setPerson] = useState('');
  const [section, setSection] = useState('');
  /** The sequence number on screen; null follows the latest change. */
  const [selected, setSelected] = useState<number | null>(null);
  const [pickedVersion, setPickedVersion] = useState<string | null>(null);
  const [mode, setMode] = useState<'moment' | 'compare'>('moment');
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const viewCard = useRef<HTMLDivElement>(null);
  // Letters shared with this person are theirs to see from the moment of sharing: the server
  // serves nothing earlier, so nothing earlier is offered (no start, no version, no base).
  const shared = timeline.doc === doc.name ? timeline.from : null;
  const start = shared?.seq ?? 0;
  const visibleVersions = shared ? versions.filter((v) => v.at >= shared.at) : versions;

  const allMoments = useMemo(() => toMoments(entries), [entries]);
  const moments = useMemo(() => toMoments(entries, { person, section }), [entries, person, section]);
  const people = useMemo(
    () => [...new Set(entries.map((e) => e.userId))].map((userId) => ({ userId, name: nameOf(userId) })),
    [entries, nameOf],
  );
  const sections = useMemo(
    () => [...new Set(entries.flatMap(entrySections))].sort((a, b) => timelineSectionRank(a) - timelineSectionRank(b)),
    [entries],
  );

  const lastSeq = entries[entries.length - 1]?.seq ?? start;
  const selectedSeq = selected ?? lastSeq;
  const index = momentIndexAt(moments, selectedSeq);
  const containing = allMoments.find((m) => selectedSeq >= m.firstSeq && selectedSeq <= m.seq) ?? null;
  const selectedEntry = entries.find((e) => e.seq === selectedSeq) ?? null;
  const touched = useMemo(() => {
    const parts = new Set<PlanPart>();
    if (!containing) return parts;
    for (const entry of entries) {
      if (entry.seq < containing.firstSeq || entry.seq > selectedSeq) continue;
      for (const field of entry.fields) {
        const top = field.split('.')[0] ?? '';
        const part = PLAN_PARTS.find((p) => p === top);
        if (part) parts.add(part);
      }
    }
    return parts;
  }, [containing, entries, selectedSeq]);

  const markers: Marker[] = visibleVersions.map((v) => {
    const seq = seqAtTime(entries, v.at, start);
    return { id: v.id, label: v.label, seq, index: momentIndexAt(moments, seq) };
  });
  const describe = (m: Moment) => `${namesOf(m, nameOf)} changed ${m.sections.join(', ')}, ${shortMoment(m.at)}`;
  const select = (seq: number, version: string | null = null) => {
    setSelected(seq);
    setPickedVersion(version);
    // While comparing, the scrubber and the flags move the later of the two moments.
    if (mode === 'compare') setTo(seq);
  };
  const options: MomentOption[] = [
    ...visibleVersions.map((v) => ({ seq: seqAtTime(entries, v.at, start), label: `⚑ ${v.label}` })),
    ...[...allMoments].reverse().map((m) => ({
      seq: m.seq,
      label: `${shortMoment(m.at)} · ${namesOf(m, nameOf)} · ${m.sections.join(', ')}${m.seq === lastSeq ? ' (latest)' : ''}`,
    })),
    shared
      ? { seq: start, label: `${shortMoment(shared.at)} · when they were shared with the team` }
      : { seq: 0, label: 'The very start (empty)' },
  ];
  // A filtered timeline's moment can end on a change inside a wider moment: list it too, so
  // each select always shows what is being compared.
  for (const seq of [to, from]) {
    const entry = entries.find((e) => e.seq === seq);
    if (entry && !options.some((o) => o.seq === seq))
      options.unshift({
        seq,
        label: `${shortMoment(entry.at)} · ${nameOf(entry.userId)} · ${entrySections(entry).join(', ')}`,
      });
  }
  const startCompare = () => {
    const at = allMoments.findIndex((m) => m === containing);
    setFrom(at > 0 ? (allMoments[at - 1]?.seq ?? start) : start);
    setTo(selectedSeq);
    setMode('compare');
  };

  if (timeline.error) {
    return (
      <div className="stack">
        <Alert kind="error">{timeline.error}</Alert>
        <div>
          <button type="button" className="button button-secondary" onClick={timeline.reload}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  if (timeline.loading && timeline.doc !== doc.name) {
    return (
      <p className="history-loading" role="status">
        <span className="history-spinner" aria-hidden="true" />
        Loading the timeline…
      </p>
    );
  }
  const sharedNote = shared ? (
    <p className="muted small" data-testid="history-from-share">
      You see these letters from {shortMoment(shared.at)}, when they were last shared with the team. What was written
      before stays between their writer and the interventionist.
    </p>
  ) : null;
  if (allMoments.length === 0) {
    return (
      <div className="empty history-card" data-testid="history-empty">
        <p>
          {shared
            ? 'Nothing has changed since these letters were shared with the team.'
            : 'No changes have been recorded in this document yet.'}
        </p>
        {sharedNote}
        <button type="button" className="button button-secondary button-small" onClick={timeline.reload}>
          Check again
        </button>
      </div>
    );
  }

  const heading = (
    <div className="spread">
      <div>
        <h2 className="moment-title" data-testid="moment-title">
          {pickedVersion ? `⚑ ${pickedVersion}` : selectedSeq === lastSeq ? 'As it is now' : 'As it was then'}
        </h2>
        <p className="muted small moment-subtitle">
          {containing
            ? `After ${describe(containing)}`
            : shared
              ? 'As they were when shared with the team'
              : 'Before any change'}
        </p>
      </div>
      <button type="button" className="button button-secondary button-small" onClick={startCompare}>
        Compare with the moment before
      </button>
    </div>
  );

  return (
    // On a phone the list of changes comes right after its filters, before the moment it
    // opens: the grid places the cards side by side on a wide screen (history.css).
    <div className="history-layout">
      <div className="history-card stack history-filters">
        <TimelineFilters
          people={people}
          sections={sections}
          person={person}
          section={section}
          onPerson={setPerson}
          onSection={setSection}
        />
        {moments.length === 0 ? (
          <p className="muted" role="status">
            No changes match these filters.{' '}
            <button
              type="button"
              className="button-link"
              onClick={() => {
                setPerson('');
                setSection('');
              }}
            >
              Show every change
            </button>
          </p>
        ) : (
          <TimelineScrubber
            moments={moments}
            index={index}
            describe={describe}
            onIndex={(i) => select(moments[i]?.seq ?? lastSeq)}
            markers={markers}
            onMarker={(marker) => select(marker.seq, marker.label)}
          />
        )}
        {sharedNote}
        {timeline.truncated ? (
          <p className="muted small">This document has a very long history; only its first changes are listed.</p>
        ) : null}
      </div>
      <aside className="history-side stack" aria-label="Timeline">
        <section className="history-card stack" aria-labelledby="moments-heading">
          <div className="spread">
            <h2 id="moments-heading">Changes</h2>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={timeline.reload}
              disabled={timeline.loading}
            >
              {timeline.loading ? 'Checking…' : 'Check for newer'}
            </button>
          </div>
          <MomentList
            moments={moments}
            selectedSeq={selectedSeq}
            nameOf={nameOf}
            onSelect={(m) => {
              select(m.seq);
              setMode('moment');
              // On a narrow screen the moment it opens is below the list: bring that into view.
              if (window.matchMedia('(max-width: 960px)').matches) {
                const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
                viewCard.current?.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
              }
            }}
          />
        </section>
        <VersionsPanel
          boardId={boardId}
          attempt={attempt}
          versions={visibleVersions}
          canEdit={canNameVersions}
          selectedAt={selectedEntry?.at ?? null}
          onShow={(v) => {
            select(seqAtTime(entries, v.at, start), v.label);
            setMode('moment');
          }}
          onChanged={onVersionsChanged}
        />
      </aside>
      <div className="mode-switch history-mode" role="group" aria-label="What to show">
        <button type="button" aria-pressed={mode === 'moment'} onClick={() => setMode('moment')}>
          One moment
        </button>
        <button
          type="button"
          aria-pressed={mode === 'compare'}
          onClick={() => (mode === 'compare' ? undefined : startCompare())}
        >
          Compare two moments
        </button>
      </div>
      <div className="history-card history-view" ref={viewCard}>
        {mode === 'moment' ? (
          <MomentView
            boardId={boardId}
            doc={doc}
            seq={selectedSeq}
            heading={heading}
            touched={touched}
            nameOf={nameOf}
          />
        ) : (
          <CompareView
            boardId={boardId}
            doc={doc}
            options={options}
            from={from}
            to={to}
            onFrom={setFrom}
            onTo={setTo}
            nameOf={nameOf}
          />
        )}
      </div>
    </div>
  );
}
