import type { BrowserContext } from '@playwright/test';
import * as Y from 'yjs';
import { addItem, removeItem } from '../lib/plan/lists';
import { singletonText } from '../lib/plan/singletons';
import { applyTextChange } from '../lib/plan/text-diff';
import { connectDoc } from '../components/browser/connect-doc';
import { cookieSocket } from '../test/helpers/provider-socket';
import { expect, PHONE, test } from './fixtures/plan';
import { lookAt } from './fixtures/look';

/**
 * Writes into a plan as this person through the real Yjs server (a Node provider with their
 * session cookie), one transaction per call: each is one logged change, so the test knows
 * exactly which moments the timeline has. Resolves once the server has logged it.
 */
async function writePlan(context: BrowserContext, boardId: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const baseUrl = test.info().project.use.baseURL ?? '';
  const docName = `board/${boardId}/attempt/1`;
  const logged = async () => {
    const response = await context.request.get(
      `/api/boards/${boardId}/history/timeline?doc=${encodeURIComponent(docName)}&limit=1000`,
    );
    return ((await response.json()) as { entries: unknown[] }).entries.length;
  };
  const before = await logged();
  const doc = new Y.Doc();
  const provider = connectDoc({
    url: baseUrl.replace(/^http/, 'ws'),
    docName,
    doc,
    WebSocketPolyfill: cookieSocket(cookie),
  });
  try {
    await expect.poll(() => provider.synced, { message: 'provider synced' }).toBe(true);
    doc.transact(() => edit(doc));
    await expect.poll(logged, { message: 'change logged' }).toBe(before + 1);
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

const place = (doc: Y.Doc, text: string) => applyTextChange(singletonText(doc, 'logistics', 'place'), text);

test('scrubbing the timeline shows an earlier state; comparing two moments marks additions and removals', async ({
  board,
}) => {
  const { boardId, people } = await board(['maya', 'jordan']);
  const { maya, jordan } = people;

  // Three moments by Jordan, after the plan's setup: a place, a bottom line, then a new place
  // and one of the preset contingencies removed.
  await writePlan(jordan.context, boardId, (doc) => place(doc, 'the kitchen table at noon'));
  await writePlan(jordan.context, boardId, (doc) =>
    addItem(doc, 'bottomLines', { text: { owner: 'Jordan', statement: 'I will no longer pay the phone bill.' } }),
  );
  await writePlan(jordan.context, boardId, (doc) => {
    place(doc, 'the garden bench at noon');
    removeItem(doc, 'contingencies', 'preset-leaves');
  });

  const page = maya.page;
  await page.goto(`/boards/${boardId}/history`);
  await expect(page).toHaveTitle('Harbor');
  const moments = page.getByTestId('moment');
  await expect(moments.first()).toContainText('Jordan');
  await expect(moments.first()).toContainText('Contingencies, Logistics');

  // The latest moment is on screen first.
  const view = page.getByTestId('moment-view');
  await expect(page.getByTestId('moment-title')).toHaveText('As it is now');
  await expect(view.getByTestId('snapshot-logistics')).toContainText('the garden bench at noon');
  await expect(view.getByTestId('snapshot-bottomLines')).toContainText('I will no longer pay the phone bill.');

  await test.step('scrub back with the keyboard', async () => {
    const scrubber = page.getByTestId('scrubber');
    await scrubber.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(scrubber).toHaveAttribute('aria-valuetext', /Jordan changed Logistics/);
    await expect(page.getByTestId('moment-title')).toHaveText('As it was then');
    await expect(view.getByTestId('snapshot-logistics')).toContainText('the kitchen table at noon');
    await expect(view.getByTestId('snapshot-bottomLines')).toContainText('Nothing here yet.');
    await expect(view.getByTestId('snapshot-contingencies')).toContainText('The loved one leaves');
    await expect(view.getByTestId('snapshot-logistics')).toHaveClass(/is-touched/);
    // Nothing on this page can be edited.
    await expect(view.locator('input, textarea, select, [contenteditable]')).toHaveCount(0);
  });

  await test.step('filter the timeline by section', async () => {
    await page.getByLabel('In section').selectOption('Bottom lines');
    await expect(moments).toHaveCount(1);
    await expect(moments.first()).toContainText('Bottom lines');
    await page.getByLabel('In section').selectOption('');
  });

  await test.step('name the moment on screen (interventionist)', async () => {
    await moments.nth(1).click();
    await page.getByLabel('Name the moment on screen').fill('Bottom lines written');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByTestId('version-marker')).toHaveCount(1);
    await expect(page.getByTestId('version-list')).toContainText('Bottom lines written');
  });

  await lookAt(page, 'history-moment');

  await test.step('compare the first of the three moments with the latest', async () => {
    const first = await moments.nth(2).getAttribute('data-seq');
    const latest = await moments.nth(0).getAttribute('data-seq');
    await page.getByRole('button', { name: 'Compare two moments' }).click();
    await page.getByTestId('compare-from').selectOption(first ?? '');
    await page.getByTestId('compare-to').selectOption(latest ?? '');
    const diff = page.getByTestId('plan-diff');
    await expect(page.getByTestId('compare-view')).toHaveAttribute('data-ready', 'true');
    await expect(diff.getByTestId('diff-bottomLines').getByTestId('change-added')).toContainText(
      'I will no longer pay the phone bill.',
    );
    await expect(diff.getByTestId('diff-contingencies').getByTestId('change-removed')).toContainText(
      'The loved one leaves',
    );
    const logistics = diff.getByTestId('diff-logistics');
    await expect(logistics.getByTestId('diff-removed')).toHaveText('[removed: kitchen table]');
    await expect(logistics.getByTestId('diff-added')).toHaveText('[added: garden bench]');
    await expect(logistics).toContainText('at noon');
  });

  await lookAt(page, 'history-compare');
});

test('two people typing together are one entry, and on a phone the changes come before the plan they open', async ({
  board,
}) => {
  const { boardId, people } = await board(['maya', 'jordan'], { viewport: { jordan: PHONE } });
  const { maya, jordan } = people;
  // Six changes to the same field, alternating between them, as when two people type at once.
  for (const [who, text] of [
    [jordan, 'the park'],
    [maya, 'the park by'],
    [jordan, 'the park by the'],
    [maya, 'the park by the lake'],
    [jordan, 'the park by the lake, at'],
    [maya, 'the park by the lake, at noon'],
  ] as const)
    await writePlan(who.context, boardId, (doc) => place(doc, text));

  const page = jordan.page;
  await page.goto(`/boards/${boardId}/history`);
  const moments = page.getByTestId('moment');
  await expect(moments.first()).toContainText('Jordan and Maya');
  await expect(moments.first()).toContainText('Logistics');
  await expect(moments.first()).toContainText('6 changes');
  // The plan's setup when the board opened, then the six changes: two entries, not seven.
  await expect(moments).toHaveCount(2);

  const list = await page.getByTestId('moment-list').boundingBox();
  const view = await page.getByTestId('moment-view').boundingBox();
  expect(list && view && list.y < view.y, 'the list of changes is above the plan snapshot on a phone').toBe(true);
  await lookAt(page, 'history-together');
});
