import * as Y from 'yjs';
import { ensureDefaults } from '../lib/plan/defaults';
import { addItem } from '../lib/plan/lists';
import { NOTES_FIELD, type LetterField } from '../lib/plan/schema';
import { setSingletonValue, singletonText } from '../lib/plan/singletons';

/**
 * The content of the demo board "Helping Sam (demo)" (scripts/seed-demo.ts): a plausible plan a
 * family might have a few days before the intervention. Everything here is fictional.
 */
export interface DemoPeople {
  jordan: string;
  riley: string;
  pat: string;
  elena: string;
}

function day(offset: number): string {
  const date = new Date(Date.now() + offset * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function write(doc: Y.Doc, section: 'approach' | 'escort' | 'logistics' | 'safety', field: string, text: string): void {
  singletonText(doc, section, field).insert(0, text);
}

export function buildDemoPlan(people: DemoPeople): Y.Doc {
  const doc = new Y.Doc();
  ensureDefaults(doc);
  doc.transact(() => {
    setSingletonValue(doc, 'approach', 'model', 'invitational');
    write(
      doc,
      'approach',
      'goals',
      'Sam hears, from each of us, how much we love him and what his drinking has done to us, and goes to Cedar Ridge the same day.',
    );
    write(
      doc,
      'approach',
      'ladder',
      '1. Jordan talks to Sam alone (done: he changed the subject)\n2. Family meeting with Elena, Sam invited\n3. If he says no: bottom lines from that evening',
    );

    const team = [
      {
        name: 'Pat',
        relationship: 'aunt',
        attendance: 'letter-read',
        readBy: 'Jordan',
        roles: ['speaker'],
        member: people.pat,
      },
      {
        name: 'Alex',
        relationship: 'best friend since school',
        attendance: 'attends',
        seat: 'Nearest the hall door',
        roles: ['speaker', 'follower'],
        member: '',
      },
      {
        name: 'Jordan',
        relationship: 'sister',
        attendance: 'attends',
        seat: 'Beside Sam, on his left',
        roles: ['chair', 'speaker'],
        member: people.jordan,
      },
      {
        name: 'Riley',
        relationship: 'father',
        attendance: 'attends',
        seat: 'Across from Sam',
        roles: ['speaker', 'closer', 'escort', 'safety-lead'],
        member: people.riley,
      },
      { name: 'Grandpa Joe', relationship: 'grandfather', attendance: 'home', roles: [], member: '' },
    ];
    for (const person of team) {
      addItem(doc, 'team', {
        text: {
          name: person.name,
          relationship: person.relationship,
          seat: person.seat ?? '',
          readBy: person.readBy ?? '',
        },
        values: { attendance: person.attendance, memberId: person.member },
        sets: { roles: person.roles },
      });
    }

    const bottomLines = [
      {
        owner: 'Jordan',
        statement: 'I will no longer call in sick for you or cover for you at work.',
        enabling: 'Phoning his manager with excuses',
      },
      {
        owner: 'Riley',
        statement: 'I will no longer pay your rent or your phone bill.',
        enabling: 'Paying his rent every month',
      },
      {
        owner: 'Pat',
        statement: 'I will not lend you money, and I will not have you stay with me while you are drinking.',
        enabling: 'Loans that are never paid back',
      },
    ];
    for (const line of bottomLines) addItem(doc, 'bottomLines', { text: line });

    addItem(doc, 'contingencies', {
      text: {
        title: 'Sam’s phone keeps ringing',
        trigger: 'He looks at his phone or says he has to take a call.',
        who: 'Jordan, as chair.',
        steps: 'Ask kindly: “Could the phone wait for twenty minutes? This matters to all of us.”',
      },
    });

    const objections = [
      {
        objection: '“I can quit on my own.”',
        answeredBy: 'Riley',
        answer:
          'You have tried three times this year, and we saw how hard it was. You deserve real help, not another try alone.',
      },
      {
        objection: '“I can’t leave work.”',
        answeredBy: 'Jordan',
        answer: 'Your manager knows only that you need medical leave. Your job is protected; we checked.',
      },
      {
        objection: '“You’re all exaggerating.”',
        answeredBy: 'Alex',
        answer: 'Each of us saw it with our own eyes. That is why we are all here.',
      },
    ];
    for (const item of objections) addItem(doc, 'objections', { text: item });

    addItem(doc, 'treatment', {
      text: {
        name: 'Cedar Ridge Recovery',
        contact: 'Admissions: Dana, 555-0142',
        notes: 'Medical detox on site. 28-day programme with family weekend.',
      },
      values: { level: 'inpatient', insuranceChecked: true, bedHeld: true, admissionDate: day(5) },
    });
    addItem(doc, 'treatment', {
      text: {
        name: 'Riverside Detox Unit',
        contact: 'Intake line 555-0178',
        notes: 'Five to seven days; they help arrange what comes next.',
      },
      values: { level: 'detox', insuranceChecked: true },
    });
    addItem(doc, 'treatment', {
      text: {
        name: 'Lakeside Outpatient',
        contact: 'Dr. Okafor, 555-0190',
        notes: 'Evening programme. Only if he refuses inpatient care.',
      },
      values: { level: 'outpatient' },
    });
    write(doc, 'escort', 'driver', 'Riley');
    write(
      doc,
      'escort',
      'travel',
      'Riley drives straight to Cedar Ridge (40 minutes); Jordan rides along. No stops on the way.',
    );
    setSingletonValue(doc, 'escort', 'bagPacked', true);
    setSingletonValue(doc, 'escort', 'medicalDetox', true);

    setSingletonValue(doc, 'logistics', 'date', day(5));
    setSingletonValue(doc, 'logistics', 'time', '09:30');
    setSingletonValue(doc, 'logistics', 'rehearsalDate', day(3));
    write(doc, 'logistics', 'timing', 'Saturday morning, before he has had a drink.');
    write(doc, 'logistics', 'place', 'Riley’s living room');
    write(doc, 'logistics', 'bringer', 'Jordan invites Sam for breakfast.');

    setSingletonValue(doc, 'safety', 'overdose', true);
    setSingletonValue(doc, 'safety', 'naloxone', true);
    write(
      doc,
      'safety',
      'riskNotes',
      'No violence before. He was very low after losing his job; Elena will ask about self-harm privately.',
    );
    write(doc, 'safety', 'exits', 'Front door and the kitchen door. Alex sits nearest the hall.');
    write(doc, 'safety', 'codeWord', 'Lighthouse');
    write(doc, 'safety', 'caller', 'Alex calls emergency services; Riley stays with Sam.');
  });
  return doc;
}

function paragraphs(fragment: Y.XmlFragment, text: string): void {
  const blocks = text.split('\n\n').map((paragraph) => {
    const element = new Y.XmlElement('paragraph');
    element.insert(0, [new Y.XmlText(paragraph)]);
    return element;
  });
  fragment.insert(0, blocks);
}

/** A letters document in Tiptap's format: one Y.XmlFragment of paragraphs per letter. */
export function buildDemoLetters(letters: Partial<Record<LetterField, string>>): Y.Doc {
  const doc = new Y.Doc();
  for (const [field, text] of Object.entries(letters)) {
    if (text) paragraphs(doc.getXmlFragment(field), text);
  }
  return doc;
}

export function buildDemoNotes(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText(NOTES_FIELD).insert(0, text);
  return doc;
}
