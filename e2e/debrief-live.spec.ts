import { expect, PHONE, test } from './fixtures/plan';
import { lookAt } from './fixtures/look';

/**
 * The debrief is a live document: two people writing it at once, one of them offline for a
 * while, both keep every word, and its history holds each earlier version.
 */
test('two people write the debrief at once, one offline; nothing is lost and the history keeps each version', async ({
  board,
}) => {
  let rileyYjsBlocked = false;
  const { boardId, people } = await board(['maya', 'jordan', 'riley'], {
    viewport: { riley: PHONE },
    beforeOpen: async (who, page) => {
      if (who !== 'riley') return;
      await page.context().routeWebSocket(/\/yjs\//, (socket) => {
        if (rileyYjsBlocked) void socket.close();
        else socket.connectToServer();
      });
    },
  });
  const { maya, jordan, riley } = people;
  await Promise.all([maya, jordan, riley].map((person) => person.page.goto(`/boards/${boardId}/review`)));
  const lessons = (page: typeof maya.page) => page.getByTestId('debrief-form').getByLabel('Lessons for next time');
  const noteOnMaya = (page: typeof maya.page) => page.getByTestId('debrief-form').getByLabel(/^Maya/);
  for (const person of [maya, jordan, riley])
    await expect(person.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  await test.step('Riley goes offline and keeps writing; Jordan writes the same fields meanwhile', async () => {
    rileyYjsBlocked = true;
    await riley.context.setOffline(true);
    await expect(riley.page.getByTestId('offline-banner')).toBeVisible();
    await lessons(riley.page).fill('Have the bed confirmed the day before.');
    await noteOnMaya(riley.page).fill('Riley: Maya kept us calm.');
    await jordan.page
      .getByTestId('debrief-form')
      .getByRole('checkbox', { name: /Walked out/ })
      .check();
    await lessons(jordan.page).fill('Meet in the morning.');
    await noteOnMaya(jordan.page).fill('Jordan: Maya spoke first.');
    await expect(jordan.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    await expect(lessons(maya.page)).toHaveValue('Meet in the morning.');
  });

  await test.step('Riley is back: both versions are kept, for everyone', async () => {
    rileyYjsBlocked = false;
    await riley.context.setOffline(false);
    await expect(riley.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    for (const page of [maya.page, jordan.page, riley.page]) {
      await expect(lessons(page)).toHaveValue(/Meet in the morning\./);
      await expect(lessons(page)).toHaveValue(/Have the bed confirmed the day before\./);
      await expect(noteOnMaya(page)).toHaveValue(/Riley: Maya kept us calm\./);
      await expect(noteOnMaya(page)).toHaveValue(/Jordan: Maya spoke first\./);
      await expect(page.getByTestId('debrief-form').getByRole('checkbox', { name: /Walked out/ })).toBeChecked();
    }
    await lookAt(riley.page, 'debrief-merged');
  });

  await test.step('the history holds the debrief and its earlier versions', async () => {
    await maya.page.goto(`/boards/${boardId}/history`);
    await maya.page.getByLabel('Document').selectOption({ label: 'Debrief' });
    await expect(maya.page.getByTestId('moment-view')).toContainText('Lessons for next time');
    await expect(maya.page.getByTestId('moment-view')).toContainText('Have the bed confirmed the day before.');
    await lookAt(maya.page, 'history-debrief');
  });
});
