/**
 * The shape of an attempt's shared plan, the Yjs document `board/<b>/attempt/<n>`.
 *
 * Top-level shared types (identified by name, so two clients that create one at the same time
 * always get the same type and their edits merge):
 *
 *   meta                  Y.Map   { schema: 1, initialised: true }
 *   <singleton>           Y.Map   scalar fields (select values, dates, checkboxes): last writer wins
 *   <singleton>.<field>   Y.Text  free-text fields: merged character by character
 *   <list>                Y.Map<itemId, Y.Map> one entry per item:
 *                           id: string, order: string (fractional key, see order.ts),
 *                           <text field>: Y.Text, <set field>: Y.Map<value, true>,
 *                           <value field>: string | boolean
 *
 * Why free text of a singleton is a top-level Y.Text and not a field of the section's Y.Map:
 * a nested type created lazily by two people at once is a conflict on one map key, and one of
 * them would lose what they typed. Items create all their nested types in the transaction that
 * adds them, so only the item key itself can conflict, and item ids are random.
 * Why lists are maps keyed by id and not Y.Arrays: removing and moving need no index lookup,
 * and default items with fixed ids (defaults.ts) collapse into one when two clients add them.
 * Roles are a Y.Map used as a set, so two people ticking two roles at once keep both.
 *
 * Access (who may read or write this document) is decided by the server per document, never by
 * anything stored here. Letters live in their own documents (see LETTER_FIELDS).
 */

export const PLAN_SCHEMA_VERSION = 1;

export type ApproachModel = '' | 'surprise' | 'invitational' | 'craft';
export type Attendance = 'attends' | 'letter-read' | 'home';
export type TeamRole = 'chair' | 'speaker' | 'closer' | 'escort' | 'follower' | 'safety-lead' | 'emergency-caller';
export type CareLevel = '' | 'detox' | 'inpatient' | 'outpatient';
export type FollowThrough = 'not-started' | 'in-effect' | 'broken';
export type Scalar = string | boolean;

interface ListSpec {
  /** Free-text fields (Y.Text). */
  text: readonly string[];
  /** Multi-choice fields (Y.Map<value, true>). */
  sets: readonly string[];
  /** Scalar fields and their value for a new item. */
  values: Readonly<Record<string, Scalar>>;
}

function listSpec<T extends string, S extends string, V extends Record<string, Scalar>>(spec: {
  text: readonly T[];
  sets: readonly S[];
  values: V;
}) {
  return spec satisfies ListSpec;
}

/**
 * A field's default, typed as the field rather than as the literal it starts as (`''` would
 * make the field's type `string` or `""`): `field<Attendance>('attends')`.
 */
const field = <T extends Scalar>(initial: T): T => initial;

export const LIST_SPECS = {
  team: listSpec({
    text: ['name', 'relationship', 'seat', 'readBy'],
    sets: ['roles'],
    values: { memberId: field<string>(''), attendance: field<Attendance>('attends') },
  }),
  bottomLines: listSpec({
    text: ['owner', 'statement', 'enabling', 'followUp'],
    sets: [],
    values: { status: field<FollowThrough>('not-started') },
  }),
  contingencies: listSpec({
    text: ['title', 'trigger', 'who', 'steps'],
    sets: [],
    values: { preset: field<string>('') },
  }),
  objections: listSpec({
    text: ['objection', 'answeredBy', 'answer'],
    sets: [],
    values: {},
  }),
  treatment: listSpec({
    text: ['name', 'contact', 'notes'],
    sets: [],
    values: {
      level: field<CareLevel>(''),
      insuranceChecked: field<boolean>(false),
      admissionDate: field<string>(''),
      bedHeld: field<boolean>(false),
    },
  }),
  questions: listSpec({
    text: ['question', 'answer'],
    sets: [],
    values: { askedBy: field<string>(''), askedByName: field<string>('') },
  }),
};

interface SingletonSpec {
  text: readonly string[];
  values: Readonly<Record<string, Scalar>>;
}

function singletonSpec<T extends string, V extends Record<string, Scalar>>(spec: { text: readonly T[]; values: V }) {
  return spec satisfies SingletonSpec;
}

export const SINGLETON_SPECS = {
  approach: singletonSpec({ text: ['goals', 'ladder'], values: { model: field<ApproachModel>('') } }),
  escort: singletonSpec({
    text: ['driver', 'travel'],
    values: { bagPacked: field<boolean>(false), medicalDetox: field<boolean>(false) },
  }),
  logistics: singletonSpec({
    text: ['place', 'bringer', 'timing'],
    values: { date: field<string>(''), time: field<string>(''), rehearsalDate: field<string>('') },
  }),
  safety: singletonSpec({
    text: ['riskNotes', 'exits', 'codeWord', 'caller'],
    values: {
      violence: field<boolean>(false),
      selfHarm: field<boolean>(false),
      weapons: field<boolean>(false),
      overdose: field<boolean>(false),
      naloxone: field<boolean>(false),
    },
  }),
};

export type ListName = keyof typeof LIST_SPECS;
export type SingletonName = keyof typeof SINGLETON_SPECS;
export const LIST_NAMES = Object.keys(LIST_SPECS) as ListName[];
export const SINGLETON_NAMES = Object.keys(SINGLETON_SPECS) as SingletonName[];

export type ListTextField<L extends ListName> = (typeof LIST_SPECS)[L]['text'][number];
export type ListSetField<L extends ListName> = (typeof LIST_SPECS)[L]['sets'][number];
export type ListValues<L extends ListName> = (typeof LIST_SPECS)[L]['values'];
export type SingletonTextField<S extends SingletonName> = (typeof SINGLETON_SPECS)[S]['text'][number];
export type SingletonValues<S extends SingletonName> = (typeof SINGLETON_SPECS)[S]['values'];

/** Name of the top-level Y.Text holding a singleton's free-text field. */
export function singletonTextName(section: SingletonName, field: string): string {
  return `${section}.${field}`;
}

export const META = 'meta';

/** The letters document `board/<b>/letters/<n>/<userId>`: one Y.XmlFragment per letter (Tiptap). */
export const LETTER_FIELDS = ['impact', 'bottomLine'] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];

/** The interventionists' notes document `board/<b>/notes`: one Y.Text. */
export const NOTES_FIELD = 'notes';

export const TEAM_ROLES: readonly { value: TeamRole; label: string }[] = [
  { value: 'chair', label: 'Chair' },
  { value: 'speaker', label: 'Speaker' },
  { value: 'closer', label: 'Closer (last letter)' },
  { value: 'escort', label: 'Escort to treatment' },
  { value: 'follower', label: 'Follows if they walk out' },
  { value: 'safety-lead', label: 'Safety lead' },
  { value: 'emergency-caller', label: 'Calls emergency services' },
];

export const ATTENDANCE: readonly { value: Attendance; label: string }[] = [
  { value: 'attends', label: 'Attends' },
  { value: 'letter-read', label: 'Letter read by someone else' },
  { value: 'home', label: 'Stays home' },
];
