/**
 * Durability: the server logs every update (SQLite WAL) before it broadcasts it, so an edit that
 * any other client has received survives a crash. Three providers type into the plan; the
 * server is killed with SIGKILL mid-stream and restarted on the same port and data.
 *
 * "Acknowledged" is defined soundly, from what clients can observe: an edit is acknowledged
 * once a client other than its author holds it. Providers run with BroadcastChannel off, so
 * the only way an edit reaches another client is a broadcast by the server, which happens only
 * after the update was committed to the log. The server's file is read right after the kill,
 * before the restart and before any client can resend anything, so a client's resync cannot
 * hide a loss.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createBoard, addMember, person, planDoc, waitForHttp } from '../helpers/board';
import { type RunningServer, startServer } from '../helpers/server';
import { prng } from '../helpers/prng';
import { openProvider, type ProviderClient, synced } from '../helpers/providers';
import { openStore, snapshotStore, withStoredDoc } from '../helpers/stored-docs';
import { sleep, waitFor } from '../helpers/wait';

let server: RunningServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.dispose();
});

const ROUNDS = 3;
const TYPING_INTERVAL_MS = 10;
const TOKEN = /<(\d+)\.(\d+)\.(\d+)>/g;

function tokensIn(text: string): Array<{ token: string; author: number; round: number }> {
  return [...text.matchAll(TOKEN)].map((m) => ({ token: m[0], author: Number(m[1]), round: Number(m[2]) }));
}

test('SIGKILL mid-stream loses no acknowledged edit; providers reconnect by themselves and converge', async () => {
  const url = server.url;
  const ivy = await person(url, 'Ivy');
  const fern = await person(url, 'Fern');
  const gus = await person(url, 'Gus');
  const board = await createBoard(ivy, 'Crash');
  await addMember(ivy, board, fern, 'family');
  await addMember(ivy, board, gus, 'family');
  const plan = planDoc(board);
  const clients: ProviderClient[] = [ivy, fern, gus].map((who, i) =>
    openProvider(url, who.cookieHeader(), plan, { label: `writer ${i} (${who.name})` }),
  );
  try {
    await Promise.all(clients.map((c) => synced(c)));
    const random = prng(4242);
    const typed = new Set<string>();
    const report: Array<{ round: number; typed: number; acknowledged: number; lost: number; stored: number }> = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const typedBefore = typed.size;
      let counter = 0;
      // Each writer types a token every few ms, at a token boundary of its own replica, so
      // tokens stay contiguous however the inserts interleave.
      const timers = clients.map((client, i) =>
        setInterval(() => {
          const text = client.doc.getText('text');
          const current = text.toString();
          const boundaries = [0, ...[...current.matchAll(/>/g)].map((m) => (m.index ?? 0) + 1)];
          const at = boundaries[Math.floor(random() * boundaries.length)] ?? 0;
          const token = `<${i}.${round}.${counter++}>`;
          text.insert(at, token);
          typed.add(token);
        }, TYPING_INTERVAL_MS),
      );
      try {
        await sleep(300 + Math.floor(random() * 400));
        await server.crash();

        // What other clients had received was necessarily logged before the kill.
        const acknowledged = new Set<string>();
        clients.forEach((client, i) => {
          for (const { token, author, round: r } of tokensIn(client.doc.getText('text').toString())) {
            if (author !== i && r === round) acknowledged.add(token);
          }
        });
        const snapshot = snapshotStore(server.dataDir);
        let stored: Set<string>;
        try {
          stored = new Set(
            withStoredDoc(snapshot.db, plan, (doc) =>
              tokensIn(doc.getText('text').toString())
                .filter((t) => t.round === round)
                .map((t) => t.token),
            ),
          );
        } finally {
          snapshot.dispose();
        }
        const lost = [...acknowledged].filter((token) => !stored.has(token));
        report.push({ round, typed: 0, acknowledged: acknowledged.size, lost: lost.length, stored: stored.size });
        assert.ok(acknowledged.size > 0, `round ${round}: some edits were acknowledged before the kill`);
        assert.deepEqual(lost.slice(0, 10), [], `round ${round}: acknowledged edits lost in the crash`);

        // The writers keep typing a little while the server is down (offline edits).
        await sleep(200);
      } finally {
        for (const timer of timers) clearInterval(timer);
      }
      await server.restart();
      // Belt and braces: the first request after a restart must find the server answering.
      await waitForHttp(url);
      const last = report[report.length - 1];
      if (last) last.typed = typed.size - typedBefore;

      // The providers reconnect on their own; every replica and the stored state converge,
      // with every token anyone typed (offline ones included: the provider resends them).
      await waitFor(() => clients.every((c) => c.provider.synced), `round ${round}: providers reconnected`, 15_000);
      const expected = (): string => clients[0]?.doc.getText('text').toString() ?? '';
      await waitFor(
        () => clients.every((c) => c.doc.getText('text').toString() === expected()),
        `round ${round}: replicas converge`,
        10_000,
      );
      const finalText = expected();
      const present = new Set(tokensIn(finalText).map((t) => t.token));
      assert.deepEqual(
        [...typed].filter((t) => !present.has(t)).slice(0, 10),
        [],
        `round ${round}: every typed token is there`,
      );
      assert.equal(present.size, typed.size, 'no token twice');
      const db = openStore(server.dataDir);
      try {
        await waitFor(
          () => withStoredDoc(db, plan, (doc) => doc.getText('text').toString()) === finalText,
          `round ${round}: stored state converges`,
        );
      } finally {
        db.close();
      }
    }
    const lostTotal = report.reduce((n, r) => n + r.lost, 0);
    console.log(`crash test: ${ROUNDS} rounds, edits lost: ${lostTotal}`);
    for (const r of report) {
      console.log(
        `  round ${r.round}: ${r.typed} typed, ${r.acknowledged} acknowledged before the kill, ${r.stored} in the log at the kill, ${r.lost} lost`,
      );
    }
    assert.equal(lostTotal, 0);
  } finally {
    for (const c of clients) c.destroy();
  }
});
