import type { PresencePerson } from '../../lib/protocol/board-events';
import type { Role } from '../../lib/roles';

/** What the registry keeps per socket is what the `presence` event lists per person. */
type PresenceEntry = PresencePerson;

/**
 * One line per person, sorted by name: someone with several tabs (or tabs on several server
 * processes) is listed once, at the section one of them is looking at, if any.
 */
export function listPeople(entries: Iterable<PresenceEntry>): PresenceEntry[] {
  const byUser = new Map<string, PresenceEntry>();
  for (const entry of entries) {
    const known = byUser.get(entry.userId);
    if (!known || (known.section === null && entry.section !== null)) byUser.set(entry.userId, { ...entry });
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Who is on each board now, per socket of this process; a person with two tabs is listed once. */
export class PresenceRegistry {
  private readonly boards = new Map<string, Map<string, PresenceEntry>>();

  set(boardId: string, socketId: string, entry: PresenceEntry): void {
    let sockets = this.boards.get(boardId);
    if (!sockets) this.boards.set(boardId, (sockets = new Map<string, PresenceEntry>()));
    sockets.set(socketId, entry);
  }

  setSection(boardId: string, socketId: string, section: string | null): boolean {
    const entry = this.boards.get(boardId)?.get(socketId);
    if (!entry || entry.section === section) return false;
    entry.section = section;
    return true;
  }

  setRole(boardId: string, socketId: string, role: Role): void {
    const entry = this.boards.get(boardId)?.get(socketId);
    if (entry) entry.role = role;
  }

  remove(boardId: string, socketId: string): boolean {
    const sockets = this.boards.get(boardId);
    if (!sockets?.delete(socketId)) return false;
    if (sockets.size === 0) this.boards.delete(boardId);
    return true;
  }

  list(boardId: string): PresenceEntry[] {
    return listPeople(this.boards.get(boardId)?.values() ?? []);
  }

  /** The boards someone on this process is on. */
  boardIds(): string[] {
    return [...this.boards.keys()];
  }
}
