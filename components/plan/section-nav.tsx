'use client';

import type { PresencePerson } from '../hooks/use-board-channel';
import { usePersonColour } from '../board/people-colours';
import type { BoardAbilities } from '@/lib/permissions/abilities';
import type { SectionId } from '@/lib/plan/sections';
import { preloadSection } from './section-loaders';
import { sectionsFor } from './sections/registry';

interface SectionNavProps {
  current: SectionId;
  onChange(id: SectionId): void;
  abilities: BoardAbilities;
  myUserId: string;
  people: PresencePerson[];
  counts: Partial<Record<SectionId, number>>;
}

/**
 * A list of sections beside the plan on wide screens; a select on a phone. Each section names who
 * else has it open, in words on both (a dot of colour alone says nothing, and a phone has no
 * tooltips).
 */
export function SectionNav({ current, onChange, abilities, myUserId, people, counts }: SectionNavProps) {
  const sections = sectionsFor(abilities);
  const others = people.filter((person) => person.userId !== myUserId);
  const colourOf = usePersonColour();
  const namesIn = (id: SectionId) =>
    others
      .filter((person) => person.section === id)
      .map((person) => person.name)
      .join(', ');
  return (
    <>
      <div className="section-select">
        <label htmlFor="section-select">Section</label>
        <select
          id="section-select"
          value={current}
          // About to choose: every section's code starts coming (a phone's select shows them all).
          onFocus={() => sections.forEach((section) => preloadSection(section.id))}
          onChange={(event) => onChange(event.target.value as SectionId)}
        >
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.label}
              {namesIn(section.id) ? ` · ${namesIn(section.id)} here` : ''}
            </option>
          ))}
        </select>
      </div>
      <nav className="section-nav" aria-label="Plan sections">
        <ul>
          {sections.map((section) => {
            const here = others.filter((person) => person.section === section.id);
            const count = counts[section.id];
            return (
              <li key={section.id}>
                <button
                  type="button"
                  className="section-link"
                  aria-current={current === section.id ? 'page' : undefined}
                  onClick={() => onChange(section.id)}
                  onPointerEnter={() => preloadSection(section.id)}
                  onFocus={() => preloadSection(section.id)}
                  data-testid={`nav-${section.id}`}
                >
                  <span className="section-link-label">{section.label}</span>
                  {count ? (
                    <span className="section-count">
                      {count}
                      <span className="visually-hidden"> items</span>
                    </span>
                  ) : null}
                  {here.length ? (
                    <span className="section-here" data-testid="section-here">
                      <span className="visually-hidden">, here now: </span>
                      {here.map((person) => (
                        <span key={person.userId} className="section-person">
                          <span
                            className="presence-swatch"
                            style={{ background: colourOf(person.userId) }}
                            aria-hidden="true"
                          />
                          {person.name}
                        </span>
                      ))}
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
