/**
 * A plan ready for the day, written into a plan document as the board's pages would: a team in
 * speaking order (linked to accounts), the five prepared playbooks' "leaves" and "violence", a
 * playbook of the family's own, the safety plan, the escort and an admission. For the run-mode
 * and packet tests (integration and end-to-end).
 */
import type * as Y from 'yjs';
import { ensureDefaults } from '../../lib/plan/defaults';
import { addItem } from '../../lib/plan/lists';
import type { Attendance, TeamRole } from '../../lib/plan/schema';
import { setSingletonValue, singletonText } from '../../lib/plan/singletons';

export interface RunPlanPerson {
  name: string;
  /** The account the card is linked to ('' for none). */
  memberId: string;
  roles: TeamRole[];
  attendance?: Attendance;
  seat?: string;
  readBy?: string;
}

export const RUN_PLAN = {
  codeWord: 'lighthouse',
  exits: 'Front door and the kitchen door',
  caller: 'Pat calls 911',
  driver: 'Uncle Ray drives',
  clinic: 'Harbor Springs Recovery',
  ownPlaybook: { title: 'The dog barks at the door', who: 'Riley', steps: 'Riley takes the dog to the garden.' },
  bottomLine: 'I will no longer pay the rent on the flat.',
};

function setText(text: Y.Text, value: string): void {
  text.delete(0, text.length);
  text.insert(0, value);
}

/** Writes the plan in one transaction each for defaults and content (the defaults as a page adds them). */
export function writeRunPlan(doc: Y.Doc, people: readonly RunPlanPerson[]): void {
  ensureDefaults(doc);
  doc.transact(() => {
    for (const person of people) {
      addItem(doc, 'team', {
        text: { name: person.name, seat: person.seat ?? '', readBy: person.readBy ?? '', relationship: 'family' },
        values: { memberId: person.memberId, attendance: person.attendance ?? 'attends' },
        sets: { roles: person.roles },
      });
    }
    addItem(doc, 'contingencies', { text: RUN_PLAN.ownPlaybook });
    addItem(doc, 'bottomLines', { text: { owner: people[0]?.name ?? '', statement: RUN_PLAN.bottomLine } });
    addItem(doc, 'treatment', {
      text: { name: RUN_PLAN.clinic, contact: '555-0100' },
      values: { level: 'inpatient', admissionDate: '2026-12-20', bedHeld: true },
    });
    setText(singletonText(doc, 'safety', 'codeWord'), RUN_PLAN.codeWord);
    setText(singletonText(doc, 'safety', 'exits'), RUN_PLAN.exits);
    setText(singletonText(doc, 'safety', 'caller'), RUN_PLAN.caller);
    setText(singletonText(doc, 'escort', 'driver'), RUN_PLAN.driver);
    setSingletonValue(doc, 'escort', 'bagPacked', true);
    setSingletonValue(doc, 'logistics', 'date', '2026-12-19');
    setSingletonValue(doc, 'logistics', 'time', '10:00');
  });
}
