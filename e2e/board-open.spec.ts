import type { Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { expect, expectSaved, gotoBoard, openSection, test } from './fixtures/plan';

/**
 * Opening a board, as a relative on a phone does first: the plan comes with the page (before its
 * document socket has synced), and the page brings only the code its first section needs.
 */

/** What a page fetched as scripts from now on, each with its text and gzipped size. */
function scriptsOf(page: Page): () => Promise<{ url: string; text: string; gzip: number }[]> {
  const scripts: Promise<{ url: string; text: string; gzip: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push(
      response.body().then((body) => ({
        url: response.url(),
        text: body.toString('utf8'),
        gzip: gzipSync(body, { level: 6 }).length,
      })),
    );
  });
  return () => Promise.all(scripts);
}

test('the plan is on screen and takes typing before its document socket has synced', async ({ board, browser }) => {
  const { boardId, people } = await board(['jordan', 'riley'], { section: 'logistics' });
  const { jordan, riley } = people;
  await jordan.page.getByLabel('Place', { exact: true }).fill('the park');
  await expectSaved(jordan.page);

  // Riley on another device (no copy of the plan in its browser), whose document sockets are
  // held: nothing the server sends over them arrives.
  const device = await browser.newContext({ storageState: await riley.context.storageState() });
  const held = await device.newPage();
  await held.routeWebSocket(/\/yjs\//, () => undefined);
  await held.goto(`/boards/${boardId}#logistics`);
  const place = held.getByLabel('Place', { exact: true });
  await expect(place).toHaveValue('the park');
  await expect(place).toBeEditable();
  await place.fill('the park, by the lake');
  // Typed, and honestly not saved: the socket has not synced.
  await expect(held.getByTestId('save-status').first()).not.toHaveAttribute('data-status', 'saved');
  await expect(jordan.page.getByLabel('Place', { exact: true })).toHaveValue('the park');
  await device.close();
});

test('two tabs of one browser pass edits through the server only, never tab to tab', async ({ board }) => {
  const { boardId, people } = await board(['jordan'], { section: 'logistics' });
  const { jordan } = people;
  await expect(jordan.page.getByLabel('Place', { exact: true })).toBeEditable();
  // A second tab of the same browser, whose document sockets are held: nothing reaches it
  // from the server. Tabs sharing a BroadcastChannel would still pass the edit along.
  const tab = await jordan.context.newPage();
  await tab.routeWebSocket(/\/yjs\//, () => undefined);
  await tab.goto(`/boards/${boardId}#logistics`);
  await expect(tab.getByLabel('Place', { exact: true })).toBeEditable();
  await jordan.page.getByLabel('Place', { exact: true }).fill('the lake house');
  await expectSaved(jordan.page);
  // Long enough for a BroadcastChannel message (they arrive within milliseconds).
  await tab.waitForTimeout(1000);
  await expect(tab.getByLabel('Place', { exact: true })).toHaveValue('');
  await tab.close();
});

/** Opens the board in a fresh page and waits until it has fetched everything (the board channel's client too). */
async function scriptsOnOpen(page: Page, boardId: string) {
  const scripts = scriptsOf(page);
  await gotoBoard(page, boardId);
  await page.waitForLoadState('networkidle');
  const opened = await scripts();
  return { opened, total: opened.reduce((sum, script) => sum + script.gzip, 0), more: scripts };
}

test('the board page brings no editor, drag and drop or schema code until a section needs it', async ({ board }) => {
  const { boardId, people } = await board(['maya', 'jordan']);
  const page = await people.jordan.context.newPage();
  const { opened, total, more } = await scriptsOnOpen(page, boardId);
  // A relative's page: about 194 KB today, the board channel's client included (docs/performance.md,
  // change 18); Tiptap alone would add about 140 KB, dnd-kit and zod 30 each, socket.io's client 13,
  // Node's Buffer or SWR 5.
  expect(total, `${opened.length} scripts, ${total} bytes gzipped`).toBeLessThan(200_000);
  expect(opened.filter((script) => script.text.includes('ProseMirror'))).toHaveLength(0);
  expect(opened.filter((script) => script.text.includes('SlowBuffer'))).toHaveLength(0);
  // The cards only those who manage the board see come with their page only.
  expect(opened.filter((script) => script.text.includes('Delete this board'))).toHaveLength(0);

  // The team section fetches its own code (the speaking order's drag and drop) when opened.
  const before = opened.length;
  await openSection(page, 'team');
  await expect(page.getByRole('heading', { name: 'Who takes part' })).toBeVisible();
  expect((await more()).length).toBeGreaterThan(before);
  await page.close();

  // The interventionist's page adds the cards of invites, visits and deleting the board (about 3 KB).
  const lead = await people.maya.context.newPage();
  const led = await scriptsOnOpen(lead, boardId);
  // Issue 19's bound for the board page: 200 KB (204,800 bytes) gzipped.
  expect(led.total, `${led.opened.length} scripts, ${led.total} bytes gzipped`).toBeLessThan(204_800);
  await expect(lead.getByRole('heading', { name: 'Delete this board' })).toBeVisible();
  await lead.close();
});
