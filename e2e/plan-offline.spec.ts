import { expect, expectSaved, gotoBoard, test } from './fixtures/plan';

test('an edit made offline survives a reload and reaches the others after reconnecting', async ({ board }) => {
  // Jordan's document sockets go through a switch from the start (routes apply to pages loaded after).
  let yjsBlocked = false;
  const { boardId, people } = await board(['jordan', 'riley'], {
    section: 'logistics',
    beforeOpen: async (who, page) => {
      if (who !== 'jordan') return;
      await page.context().routeWebSocket(/\/yjs\//, (socket) => {
        if (yjsBlocked) void socket.close();
        else socket.connectToServer();
      });
    },
  });
  const { jordan, riley } = people;
  const place = (page: typeof jordan.page) => page.getByLabel('Place', { exact: true });
  const bringer = (page: typeof jordan.page) => page.getByLabel('Who brings them', { exact: true });
  await place(jordan.page).fill('the park');
  await expect(place(riley.page)).toHaveValue('the park');

  // Offline: the banner says so, and the edit stays on this device.
  yjsBlocked = true;
  await jordan.context.setOffline(true);
  await expect(jordan.page.getByTestId('offline-banner')).toContainText('offline');
  await bringer(jordan.page).fill('Uncle Ray');
  await place(jordan.page).fill('the park, by the lake');
  await jordan.page.waitForTimeout(300);

  // Back on the network but the document server still unreachable: reload from this device's copy.
  await jordan.context.setOffline(false);
  await jordan.page.reload();
  await expect(bringer(jordan.page)).toHaveValue('Uncle Ray');
  await expect(place(jordan.page)).toHaveValue('the park, by the lake');
  await expect(jordan.page.getByTestId('save-status').first()).not.toHaveAttribute('data-status', 'saved');
  await expect(place(riley.page)).toHaveValue('the park');

  // The connection returns: the edits reach Riley, merged with what she typed meanwhile.
  await riley.page.getByLabel('Why this time', { exact: true }).fill('Saturday morning');
  yjsBlocked = false;
  await expect(bringer(riley.page)).toHaveValue('Uncle Ray');
  await expect(place(riley.page)).toHaveValue('the park, by the lake');
  await expect(jordan.page.getByLabel('Why this time', { exact: true })).toHaveValue('Saturday morning');
  await expectSaved(jordan.page);
  await gotoBoard(riley.page, boardId, 'logistics');
  await expect(bringer(riley.page)).toHaveValue('Uncle Ray');
});
