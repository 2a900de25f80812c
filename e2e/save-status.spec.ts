import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectSaved, test } from './fixtures/plan';
import { lookAt } from './fixtures/look';

/** The logistics' place of attempt 1 as the server has it now (history state API). */
async function storedPlace(request: APIRequestContext, boardId: string): Promise<string> {
  const doc = encodeURIComponent(`board/${boardId}/attempt/1`);
  const response = await request.get(`/api/boards/${boardId}/history/state?doc=${doc}&seq=${Number.MAX_SAFE_INTEGER}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { state: { logistics: { place: string } } }).state.logistics.place;
}

/** From now on, remembers every status the page's save indicator shows, in order. */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { seenStatuses: seen });
    const note = () => {
      const status = document.querySelector('[data-testid="save-status"]')?.getAttribute('data-status');
      if (status && seen[seen.length - 1] !== status) seen.push(status);
    };
    note();
    new MutationObserver(note).observe(document.body, { attributes: true, childList: true, subtree: true });
  });
}

function statusesSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
}

test('edits made offline before a freeze are never shown as saved; the person is told and copies their text out', async ({
  board,
}) => {
  let yjsBlocked = false;
  const { boardId, people } = await board(['maya', 'jordan'], {
    section: 'logistics',
    beforeOpen: async (who, page) => {
      if (who !== 'jordan') return;
      await page.context().routeWebSocket(/\/yjs\//, (socket) => {
        if (yjsBlocked) void socket.close();
        else socket.connectToServer();
      });
    },
  });
  const { maya, jordan } = people;
  await jordan.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const place = (page: Page) => page.getByLabel('Place', { exact: true });
  await place(jordan.page).fill('the park');
  await expectSaved(jordan.page);

  await test.step('Jordan edits offline while Maya closes the attempt', async () => {
    yjsBlocked = true;
    await jordan.context.setOffline(true);
    await expect(jordan.page.getByTestId('offline-banner')).toContainText('offline');
    await recordStatuses(jordan.page);
    await place(jordan.page).fill('the park, by the lake');
    const frozen = await maya.context.request.put(`/api/boards/${boardId}/attempts/1/freeze`, {
      data: { frozen: true },
    });
    expect(frozen.ok(), await frozen.text()).toBe(true);
  });

  await test.step('back online, the server refuses the edit and the page says so', async () => {
    yjsBlocked = false;
    await jordan.context.setOffline(false);
    const unsaved = jordan.page.getByTestId('unsaved-changes');
    await expect(unsaved).toContainText('Some of your changes were not saved');
    const text = unsaved.getByTestId('unsaved-text');
    await expect(text).toHaveCount(1);
    await expect(text).toContainText('Logistics · Place');
    await expect(text.getByRole('textbox')).toHaveValue('the park, by the lake');
    await expect(jordan.page.getByTestId('save-status')).toHaveAttribute('data-status', 'not-saved');
    await expect(place(jordan.page)).not.toBeEditable();
    expect(await statusesSeen(jordan.page)).not.toContain('saved');
    expect(await storedPlace(maya.context.request, boardId)).toBe('the park');
    // Maya's page is frozen too: the plan reads as text.
    await expect(place(maya.page)).toHaveText('the park');

    await text.getByRole('button', { name: 'Copy' }).click();
    await expect(text).toContainText('Copied.');
    expect(await jordan.page.evaluate(() => navigator.clipboard.readText())).toBe('the park, by the lake');
    await lookAt(jordan.page, 'plan-unsaved');
  });

  await test.step('the copy stays on the device until Jordan removes it', async () => {
    await jordan.page.reload();
    await expect(jordan.page.getByTestId('read-only-banner')).toContainText('This plan is frozen for now');
    const unsaved = jordan.page.getByTestId('unsaved-changes');
    await expect(unsaved.getByTestId('unsaved-text').getByRole('textbox')).toHaveValue('the park, by the lake');
    await unsaved.getByRole('button', { name: 'I have copied them: remove from this device' }).click();
    await unsaved.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(unsaved).toHaveCount(0);
    await expect(jordan.page.getByTestId('save-status')).toHaveAttribute('data-status', 'read-only');
    await jordan.page.reload();
    await expect(jordan.page.getByTestId('save-status')).toHaveAttribute('data-status', 'read-only');
    await expect(jordan.page.getByTestId('unsaved-changes')).toHaveCount(0);
    expect(await storedPlace(maya.context.request, boardId)).toBe('the park');
  });
});

test('made a viewer while typing: the plan locks from its own connection, before the page hears of it', async ({
  board,
}) => {
  // Jordan's board channel is held back, so the page is not told of the role change by it.
  let holdChannel = false;
  const { boardId, people } = await board(['maya', 'jordan'], {
    section: 'logistics',
    beforeOpen: async (who, page) => {
      if (who !== 'jordan') return;
      await page.context().routeWebSocket(/\/socket\.io\//, (socket) => {
        const server = socket.connectToServer();
        server.onMessage((message) => {
          if (!holdChannel) socket.send(message);
        });
        socket.onMessage((message) => server.send(message));
      });
    },
  });
  const { maya, jordan } = people;
  const place = (page: Page) => page.getByLabel('Place', { exact: true });
  await place(jordan.page).fill('the park');
  await expectSaved(jordan.page);

  holdChannel = true;
  const changed = await maya.context.request.patch(`/api/boards/${boardId}/members/${jordan.userId}`, {
    data: { role: 'viewer' },
  });
  expect(changed.ok(), await changed.text()).toBe(true);
  await expect(place(jordan.page)).not.toBeEditable();
  await expect(jordan.page.getByTestId('read-only-banner')).toContainText('You can no longer change this');
  await expect(jordan.page.getByTestId('save-status')).toHaveAttribute('data-status', 'read-only');
  await expect(jordan.page.getByTestId('plan')).toHaveAttribute('data-read-only', 'true');
  await lookAt(jordan.page, 'plan-access-reduced');
  expect(await storedPlace(maya.context.request, boardId)).toBe('the park');
});
