import type { Browser, Page } from '@playwright/test';
import * as Y from 'yjs';
import { writeRunPlan } from '../../test/helpers/run-plan';
import { writeParagraph } from '../../test/helpers/tiptap-fragments';
import { openProvider, whenSynced } from '../load/provider';
import type { Account } from '../targets/accounts';
import type { Target } from '../targets/types';
import { onPhones, type ScriptSizes } from './phones';

export interface RunPageResult {
  /** JavaScript the run page loads on the slow phone. */
  js: ScriptSizes;
  /** Navigation -> the running order and the safety plan on screen (from the server's HTML), ms. */
  contentMs: number;
  /** Navigation -> usable: hydrated, joined to the board channel, following the run live, ms. */
  usableMs: number;
  /** The same two on a phone without throttling, for comparison. */
  fast: { contentMs: number; usableMs: number };
}

/** A plan for the day (a team with letters, the five playbooks, the safety plan), written as the people would. */
async function prepareDay(target: Target, boardId: string, lead: Account, family: Account[]): Promise<void> {
  const write = async (docName: string, cookie: string, edit: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc();
    const provider = openProvider(target.wsBase, docName, cookie, doc, target.wire);
    try {
      await whenSynced(provider, 10_000);
      edit(doc);
      // Stored before anyone else is told (docs/realtime.md, section 5): a short wait covers the turn.
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      provider.destroy();
      doc.destroy();
    }
  };
  await write(`board/${boardId}/attempt/1`, lead.cookieHeader(), (doc) =>
    writeRunPlan(
      doc,
      family.map((person, i) => ({
        name: `Bench Family ${i + 1}`,
        memberId: person.userId,
        roles: i === 0 ? ['chair', 'follower'] : ['closer'],
      })),
    ),
  );
  for (const person of family) {
    await write(`board/${boardId}/letters/1/${person.userId}`, person.cookieHeader(), (doc) => {
      for (let p = 0; p < 4; p++) writeParagraph(doc, 'impact', 'I love you and I remember the good years. '.repeat(8));
      writeParagraph(doc, 'bottomLine', 'If you say no today, I will stop paying for your phone.');
    });
  }
}

async function load(page: Page, url: string): Promise<{ contentMs: number; usableMs: number }> {
  const started = performance.now();
  const content = page
    .locator('[data-testid="run-safety"]')
    .waitFor({ timeout: 120_000 })
    .then(() => performance.now() - started);
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator('[data-testid="run-link"][data-link="live"]').waitFor({ timeout: 120_000 });
  return { contentMs: await content, usableMs: performance.now() - started };
}

/**
 * The run-mode page on the slow phone: what a relative's phone loads on the day, and how long
 * until it follows the run. Measured as a relative (the interventionist's page differs only by
 * its controls), on a board whose plan and letters are filled in.
 */
export async function runPageOnSlowPhone(browser: Browser, target: Target): Promise<RunPageResult> {
  const [lead, ...family] = target.accounts();
  const relatives = family.slice(0, 3);
  const reader = relatives[0];
  if (!lead || !reader) throw new Error('the run page needs the product and its accounts');
  const boardId = await lead.createBoard('Bench run page');
  for (const person of relatives) await lead.bringIn(boardId, person, 'family');
  await prepareDay(target, boardId, lead, relatives);
  const url = `${target.httpBase}/boards/${boardId}/run`;

  const measured = await onPhones(browser, target, reader, url, load);
  return { js: measured.js, ...measured.slow, fast: measured.fast };
}
