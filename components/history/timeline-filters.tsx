'use client';

/** Narrow the timeline to one person's changes, or to one section. */
export function TimelineFilters(props: {
  people: readonly { userId: string; name: string }[];
  sections: readonly string[];
  person: string;
  section: string;
  onPerson(userId: string): void;
  onSection(section: string): void;
}) {
  const { people, sections, person, section, onPerson, onSection } = props;
  return (
    <div className="history-pickers">
      <div className="field">
        <label htmlFor="history-person">Changes by</label>
        <select id="history-person" value={person} onChange={(event) => onPerson(event.target.value)}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="history-section">In section</label>
        <select id="history-section" value={section} onChange={(event) => onSection(event.target.value)}>
          <option value="">Every section</option>
          {sections.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
