import { isId } from './ids';

/**
 * Yjs document names, one per visibility scope (see docs/realtime.md):
 *   board/<boardId>/attempt/<n>            the shared plan of attempt n
 *   board/<boardId>/letters/<n>/<userId>   one participant's letters for attempt n
 *   board/<boardId>/notes                  the interventionists' private notes
 *   board/<boardId>/debrief/<n>            the team's debrief of attempt n
 * Parsed strictly: anything else is refused before it reaches storage.
 */
export type DocName =
  | { kind: 'plan'; boardId: string; attempt: number }
  | { kind: 'letters'; boardId: string; attempt: number; ownerId: string }
  | { kind: 'notes'; boardId: string }
  | { kind: 'debrief'; boardId: string; attempt: number };

export const MAX_ATTEMPTS = 99;

function parseAttempt(value: string | undefined): number | null {
  if (!value || !/^[1-9][0-9]?$/.test(value)) return null;
  return Number(value);
}

export function parseDocName(name: string): DocName | null {
  const parts = name.split('/');
  if (parts[0] !== 'board' || !parts[1] || !isId(parts[1])) return null;
  const boardId = parts[1];
  if (parts[2] === 'notes' && parts.length === 3) return { kind: 'notes', boardId };
  if (parts[2] === 'attempt' && parts.length === 4) {
    const attempt = parseAttempt(parts[3]);
    return attempt === null ? null : { kind: 'plan', boardId, attempt };
  }
  if (parts[2] === 'debrief' && parts.length === 4) {
    const attempt = parseAttempt(parts[3]);
    return attempt === null ? null : { kind: 'debrief', boardId, attempt };
  }
  if (parts[2] === 'letters' && parts.length === 5 && parts[4] && isId(parts[4])) {
    const attempt = parseAttempt(parts[3]);
    return attempt === null ? null : { kind: 'letters', boardId, attempt, ownerId: parts[4] };
  }
  return null;
}

export function formatDocName(doc: DocName): string {
  switch (doc.kind) {
    case 'plan':
      return `board/${doc.boardId}/attempt/${doc.attempt}`;
    case 'letters':
      return `board/${doc.boardId}/letters/${doc.attempt}/${doc.ownerId}`;
    case 'notes':
      return `board/${doc.boardId}/notes`;
    case 'debrief':
      return `board/${doc.boardId}/debrief/${doc.attempt}`;
  }
}
