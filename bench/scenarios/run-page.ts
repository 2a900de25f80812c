import type { Browser, CDPSession, Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { writeRunPlan } from '../../test/helpers/run-plan';
import { writeParagraph } from '../../test/helpers/tiptap-fragments';
import { openProvider, whenSynced } from '../load/provider';
import type { Account } from '../targets/accounts';
import type { Target } from '../targets/types';

/**
 * The slow phone: a mid-range phone on a poor mobile connection, as Lighthouse's mobile profile
 * has it: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trips, the CPU four times slower, an
 * empty cache, a 375 px screen.
 */
export const SLOW_PHONE = {
  latencyMs: 150,
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
  cpuSlowdown: 4,
  viewport: { width: 375, height: 780 },
};

export interface RunPageResult {
  /** JavaScript the run page loads: files, bytes as served, bytes gzipped (level 6). */
  js: { files: number; rawBytes: number; gzipBytes: number; largest: { file: string; gzipBytes: number }[] };
  /** Navigation -> the running order and the safety plan on screen (from the server's HTML), ms. */
  contentMs: number;
  /** Navigation -> usable: hydrated, joined to the board channel, following the run live, ms. */
  usableMs: number;
  /** The same two on a fast connection (no throttling), for comparison. */
  fast: { contentMs: number; usableMs: number };
}

async function slowDown(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_PHONE.latencyMs,
    downloadThroughput: SLOW_PHONE.downloadBytesPerSecond,
    uploadThroughput: SLOW_PHONE.uploadBytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
}

/** A plan for the day (a team with letters, the five playbooks, the safety plan), written as the people would. */
async function prepareDay(target: Target, boardId: string, lead: Account, family: Account[]): Promise<void> {
  const write = async (docName: string, cookie: string, edit: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc();
    const provider = openProvider(target.wsBase, docName, cookie, doc);
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

async function open(
  browser: Browser,
  target: Target,
  who: Account,
  slow: boolean,
): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: SLOW_PHONE.viewport, isMobile: true, hasTouch: true });
  const host = new URL(target.httpBase).hostname;
  const cookie = who.sessionCookie();
  await context.addCookies([{ ...cookie, domain: host, path: '/', httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  if (slow) await slowDown(await context.newCDPSession(page));
  return { page, close: () => context.close() };
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

  const fastPhone = await open(browser, target, reader, false);
  const fast = await load(fastPhone.page, url);
  await fastPhone.close();

  const slowPhone = await open(browser, target, reader, true);
  try {
    const scripts: Promise<{ file: string; raw: number; gzip: number }>[] = [];
    slowPhone.page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const file = new URL(response.url()).pathname;
      scripts.push(
        response.body().then(
          (body) => ({ file, raw: body.length, gzip: gzipSync(body, { level: 6 }).length }),
          () => ({ file, raw: 0, gzip: 0 }),
        ),
      );
    });
    const slow = await load(slowPhone.page, url);
    const sizes = await Promise.all(scripts);
    return {
      js: {
        files: sizes.length,
        rawBytes: sizes.reduce((s, x) => s + x.raw, 0),
        gzipBytes: sizes.reduce((s, x) => s + x.gzip, 0),
        largest: [...sizes]
          .sort((a, b) => b.gzip - a.gzip)
          .slice(0, 5)
          .map((x) => ({ file: x.file, gzipBytes: x.gzip })),
      },
      ...slow,
      fast,
    };
  } finally {
    await slowPhone.close();
  }
}
