import type { TeamRole } from '../plan/schema';
import type { PlanJSON } from '../plan/to-json';

type TeamCard = PlanJSON['team'][number];

/** Lower case, letters and digits only, one space between words, with a space at each end. */
function words(text: string): string {
  const plain = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return plain === '' ? '' : ` ${plain} `;
}

/**
 * Role words in a playbook's "who acts", as the five prepared playbooks and families write them
 * ("The person chosen to follow them.", "The safety lead; the person who calls emergency
 * services."). Matched on whole words.
 */
const ROLE_WORDS: readonly { role: TeamRole; phrases: readonly string[] }[] = [
  { role: 'chair', phrases: [' chair '] },
  { role: 'closer', phrases: [' closer '] },
  { role: 'escort', phrases: [' escort ', ' escorts ', ' drives ', ' driver '] },
  { role: 'follower', phrases: [' follow ', ' follows ', ' follower ', ' followers '] },
  { role: 'safety-lead', phrases: [' safety lead '] },
  { role: 'emergency-caller', phrases: [' emergency services ', ' calls emergency ', ' emergency caller ', ' 911 '] },
];

const EVERYONE = [' everyone ', ' each participant ', ' every participant ', ' all of us ', ' whole team '];

/** Whether the text names this person: their whole name, or their first name alone (any case). */
export function namesPerson(text: string, name: string): boolean {
  const said = words(text);
  const full = words(name);
  if (full === '') return false;
  if (said.includes(full)) return true;
  const first = full.trim().split(' ')[0] ?? '';
  return first.length >= 2 && said.includes(` ${first} `);
}

/**
 * The people in the room a playbook's "who acts" names: by name ("Riley follows"), by a role on
 * their card ("the safety lead"), or all of them ("each participant"). Only those who attend:
 * someone whose letter is read for them, or who stays home, is not there to act. In team order.
 */
export function actorsOf(who: string, team: readonly TeamCard[]): TeamCard[] {
  const text = words(who);
  if (text === '') return [];
  const present = team.filter((card) => card.attendance === 'attends');
  if (EVERYONE.some((phrase) => text.includes(phrase))) return present;
  const roles = ROLE_WORDS.filter(({ phrases }) => phrases.some((phrase) => text.includes(phrase))).map((r) => r.role);
  return present.filter(
    (card) => namesPerson(text, card.name) || card.roles.some((role) => roles.includes(role as TeamRole)),
  );
}

/** Those chosen to follow the loved one if they walk out. */
export function followersOf(team: readonly TeamCard[]): TeamCard[] {
  return team.filter((card) => card.attendance === 'attends' && card.roles.includes('follower'));
}
