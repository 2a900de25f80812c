/**
 * Creates the demo board "Helping Sam (demo)" with clearly marked demo accounts and a populated
 * plan for attempt 1. Idempotent: accounts that exist are kept, and a demo board that exists is
 * left as it is (delete it on the board page to seed a fresh one).
 *
 *   npx tsx scripts/seed-demo.ts            (DATA_DIR defaults to ./data, like the server)
 *
 * Documents are written through the server's own storage: each one as a Yjs update appended to
 * the update log, exactly as the realtime server logs a client's update. Run it while the
 * server is stopped, or at least before anyone opens the demo board.
 */
import * as Y from 'yjs';
import { hashPassword } from '../server/auth/password';
import { createBoard } from '../server/boards/boards';
import { db } from '../server/db/connection';
import type { Role } from '../lib/roles';
import { formatDocName } from '../lib/doc-names';
import { newId } from '../server/ids';
import { buildDemoLetters, buildDemoNotes, buildDemoPlan } from './demo-content';
import { appendUpdate } from '../server/update-log/log-writes';

process.env.DATA_DIR ??= './data';

const BOARD_TITLE = 'Helping Sam (demo)';
/** One shared password for every demo account; printed below, never used for real people. */
const DEMO_PASSWORD = 'harbor-demo-only';

const ACCOUNTS = {
  elena: { email: 'demo-interventionist@harbor.example', name: 'Elena Demo', role: 'interventionist' },
  jordan: { email: 'demo-jordan@harbor.example', name: 'Jordan Demo', role: 'family' },
  riley: { email: 'demo-riley@harbor.example', name: 'Riley Demo', role: 'family' },
  pat: { email: 'demo-pat@harbor.example', name: 'Pat Demo', role: 'family' },
  casey: { email: 'demo-viewer@harbor.example', name: 'Casey Demo', role: 'viewer' },
} as const satisfies Record<string, { email: string; name: string; role: Role }>;
type Key = keyof typeof ACCOUNTS;

async function ensureUser(email: string, name: string): Promise<string> {
  const kysely = db().kysely;
  const existing = await kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  await kysely
    .insertInto('users')
    .values({ id, email, name, password_hash: await hashPassword(DEMO_PASSWORD), created_at: Date.now() })
    .execute();
  return id;
}

async function appendDoc(docName: string, userId: string, doc: Y.Doc): Promise<void> {
  await appendUpdate(db().kysely, docName, userId, Y.encodeStateAsUpdate(doc));
  doc.destroy();
}

async function main(): Promise<void> {
  const ids = {} as Record<Key, string>;
  for (const key of Object.keys(ACCOUNTS) as Key[])
    ids[key] = await ensureUser(ACCOUNTS[key].email, ACCOUNTS[key].name);

  const kysely = db().kysely;
  const existing = await kysely
    .selectFrom('boards')
    .innerJoin('memberships', 'memberships.board_id', 'boards.id')
    .select('boards.id')
    .where('boards.title', '=', BOARD_TITLE)
    .where('memberships.user_id', '=', ids.elena)
    .executeTakeFirst();

  let boardId: string;
  if (existing) {
    boardId = existing.id;
    console.log(`The demo board is already there; left unchanged.`);
  } else {
    const elena = ACCOUNTS.elena;
    const board = await createBoard(
      { userId: ids.elena, sessionId: 'seed-demo', email: elena.email, name: elena.name, shared: false },
      BOARD_TITLE,
    );
    boardId = board.id;
    const now = Date.now();
    for (const key of ['jordan', 'riley', 'pat', 'casey'] as const) {
      await kysely
        .insertInto('memberships')
        .values({ board_id: boardId, user_id: ids[key], role: ACCOUNTS[key].role, created_at: now })
        .execute();
    }
    // Jordan and Riley have shared their letters with the team; Pat's are still private.
    for (const key of ['jordan', 'riley'] as const) {
      await kysely
        .insertInto('letter_shares')
        .values({ board_id: boardId, attempt: 1, user_id: ids[key], shared_at: now })
        .execute();
    }

    const plan = buildDemoPlan({ jordan: ids.jordan, riley: ids.riley, pat: ids.pat, elena: ids.elena });
    await appendDoc(formatDocName({ kind: 'plan', boardId, attempt: 1 }), ids.elena, plan);
    const letters: Record<'jordan' | 'riley' | 'pat', Parameters<typeof buildDemoLetters>[0]> = {
      jordan: {
        impact:
          'Sam, you are my little brother and I love you more than I can say. You taught me to ride a bike and you were the first person I called when I got my job.\n\nOn March 3rd you missed Mia’s birthday party. She waited by the window for an hour. When you came the next day you could barely stand, and I was frightened for you.\n\nI miss my brother. Please accept the help we have found for you, today.',
        bottomLine:
          'If you say no today, I will no longer call in sick for you or cover for you at work. I will still love you, and I will be there the day you say yes.',
      },
      riley: {
        impact:
          'Son, I am proud of the man you were before the drinking took hold, and I believe that man is still here.\n\nLast Christmas I found you asleep in your car in the driveway, with the engine running. I have not slept properly since.\n\nA bed is waiting for you at Cedar Ridge this morning. Please go.',
      },
      pat: {
        impact:
          'Sam, I remember the summer you stayed with us and fixed every bike in the street. I am worried about you and I want that Sam back. Please say yes today.',
      },
    };
    for (const key of ['jordan', 'riley', 'pat'] as const) {
      await appendDoc(
        formatDocName({ kind: 'letters', boardId, attempt: 1, ownerId: ids[key] }),
        ids[key],
        buildDemoLetters(letters[key]),
      );
    }
    // Questions are records: who asked and who answered are set here as the server sets them.
    const asked = now - 3 * 60 * 60 * 1000;
    await kysely
      .insertInto('questions')
      .values([
        {
          id: newId(),
          board_id: boardId,
          attempt: 1,
          asked_by: ids.jordan,
          question: 'What do we say if Sam asks who organised this?',
          answer: 'Tell the truth: all of you did, together, because you love him. Do not single anyone out.',
          answered_by: ids.elena,
          answered_at: asked + 40 * 60 * 1000,
          created_at: asked,
          edited_at: null,
          withdrawn_at: null,
          withdrawn_by: null,
        },
        {
          id: newId(),
          board_id: boardId,
          attempt: 1,
          asked_by: ids.riley,
          question: 'Should Grandpa Joe be told about the date?',
          answer: '',
          answered_by: null,
          answered_at: null,
          created_at: asked + 60 * 60 * 1000,
          edited_at: null,
          withdrawn_at: null,
          withdrawn_by: null,
        },
      ])
      .execute();
    await appendDoc(
      formatDocName({ kind: 'notes', boardId }),
      ids.elena,
      buildDemoNotes(
        'Riley may struggle to stay calm if Sam raises the divorce. Agreed signal: Jordan touches his arm.\n\nPat cannot travel; Jordan reads her letter.\n\nAsk Sam about self-harm privately, before we begin.',
      ),
    );
    console.log('Created the demo board.');
  }

  console.log(`\nBoard: ${BOARD_TITLE}  →  /boards/${boardId}`);
  console.log(`Password for every demo account: ${DEMO_PASSWORD}`);
  for (const key of Object.keys(ACCOUNTS) as Key[]) {
    console.log(`  ${ACCOUNTS[key].role.padEnd(15)} ${ACCOUNTS[key].email}  (${ACCOUNTS[key].name})`);
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error('seeding failed:', error);
    process.exit(1);
  });
