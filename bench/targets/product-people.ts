import { Account } from './accounts';
import type { BoardAccess } from './types';

/** Family members besides the interventionist; boards get up to this many writers beyond her. */
const FAMILY_ACCOUNTS = 7;
/** Board set-up requests in flight at once: the API is exercised, not benchmarked. */
const SETUP_CONCURRENCY = 8;

/**
 * The people of the product's boards, registered through its pages' API on `httpBase`.
 * Registration is rate-limited per address (20 an hour) and argon2 is slow by design, so a
 * handful of people are registered once and their sessions are reused by many sockets each:
 * the server authenticates and authorises every socket all the same.
 */
export class ProductPeople {
  private boardCounter = 0;

  private constructor(
    readonly lead: Account,
    private readonly family: Account[],
  ) {}

  static async register(httpBase: string): Promise<ProductPeople> {
    const run = Date.now().toString(36);
    const lead = new Account(httpBase, `lead.${run}@bench.test`, 'bench password 1');
    const family = Array.from(
      { length: FAMILY_ACCOUNTS },
      (_, i) => new Account(httpBase, `family${i + 1}.${run}@bench.test`, 'bench password 1'),
    );
    await lead.register('Bench Lead');
    for (const [i, person] of family.entries()) await person.register(`Bench Family ${i + 1}`);
    return new ProductPeople(lead, family);
  }

  accounts(): Account[] {
    return [this.lead, ...this.family];
  }

  async prepareBoards(count: number, wanted: number): Promise<BoardAccess[]> {
    // A board has at most the bench's eight people; more sockets than that cycle over their
    // cookies, as one person's several tabs and devices would.
    const editors = Math.min(wanted, this.family.length + 1);
    const out: BoardAccess[] = new Array<BoardAccess>(count);
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const index = next++;
        out[index] = await this.prepareBoard(editors);
      }
    };
    await Promise.all(Array.from({ length: Math.min(SETUP_CONCURRENCY, count) }, worker));
    return out;
  }

  private async prepareBoard(editors: number): Promise<BoardAccess> {
    const boardId = await this.lead.createBoard(`Bench board ${++this.boardCounter}`);
    const writers = this.family.slice(0, Math.max(0, editors - 1));
    for (const person of writers) await this.lead.bringIn(boardId, person, 'family');
    return { docName: `board/${boardId}/attempt/1`, cookies: [this.lead, ...writers].map((a) => a.cookieHeader()) };
  }
}
