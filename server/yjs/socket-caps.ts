import { CloseCode } from '../../lib/protocol/close-codes';
import type { Principal } from './types';

export interface SocketCapLimits {
  maxSocketsPerSession: number;
  maxSocketsPerUser: number;
  maxRoomsPerUser: number;
}

/**
 * How many sockets each session and each person holds, and on how many documents, so that one
 * session (a script with a stolen cookie, a page in a loop) cannot open sockets and rooms without
 * end. The counts live in the sync process, where the sockets are; synchronous, so a check and
 * the place it reserves happen in one turn.
 */
export class SocketCaps {
  private readonly perSession = new Map<string, number>();
  private readonly perUser = new Map<string, { sockets: number; docs: Map<string, number> }>();

  constructor(private readonly limits: SocketCapLimits) {}

  /**
   * Reserves a place for one more socket of `principal` on `docName` and returns null, or
   * returns the close code that refuses it (and reserves nothing). Pair each null with release().
   */
  admit(principal: Principal, docName: string): number | null {
    const sessionCount = this.perSession.get(principal.sessionId) ?? 0;
    const user = this.perUser.get(principal.userId);
    if (sessionCount >= this.limits.maxSocketsPerSession) return CloseCode.TooManySockets;
    if (user && user.sockets >= this.limits.maxSocketsPerUser) return CloseCode.TooManySockets;
    if (user && !user.docs.has(docName) && user.docs.size >= this.limits.maxRoomsPerUser) {
      return CloseCode.TooManyDocuments;
    }
    this.perSession.set(principal.sessionId, sessionCount + 1);
    const entry = user ?? { sockets: 0, docs: new Map<string, number>() };
    entry.sockets++;
    entry.docs.set(docName, (entry.docs.get(docName) ?? 0) + 1);
    this.perUser.set(principal.userId, entry);
    return null;
  }

  /** Gives back the place admit() reserved. */
  release(principal: Principal, docName: string): void {
    const sessionCount = (this.perSession.get(principal.sessionId) ?? 0) - 1;
    if (sessionCount > 0) this.perSession.set(principal.sessionId, sessionCount);
    else this.perSession.delete(principal.sessionId);
    const user = this.perUser.get(principal.userId);
    if (!user) return;
    user.sockets--;
    const onDoc = (user.docs.get(docName) ?? 0) - 1;
    if (onDoc > 0) user.docs.set(docName, onDoc);
    else user.docs.delete(docName);
    if (user.sockets <= 0) this.perUser.delete(principal.userId);
  }

  /** Sessions and people holding sockets (the maps are emptied as they leave). */
  get size(): { sessions: number; users: number } {
    return { sessions: this.perSession.size, users: this.perUser.size };
  }
}
