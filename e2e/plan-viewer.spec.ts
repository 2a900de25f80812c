import { expect, openSection, test } from './fixtures/plan';
import { placeUpdate, sendFromPage } from './fixtures/forged-write';

test('a viewer reads the plan live but cannot change it, even by forcing a write', async ({ board }) => {
  const { boardId, people } = await board(['jordan', 'casey'], { section: 'logistics' });
  const { jordan, casey } = people;
  const place = (page: typeof jordan.page) => page.getByLabel('Place', { exact: true });

  await expect(casey.page.getByTestId('read-only-banner')).toBeVisible();
  await expect(casey.page.getByTestId('plan')).toHaveAttribute('data-read-only', 'true');
  await expect(place(casey.page)).not.toBeEditable();
  await expect(casey.page.getByTestId('logistics-date')).toBeDisabled();
  await expect(casey.page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);

  await place(jordan.page).fill('Grandma’s kitchen');
  await expect(place(casey.page)).toHaveValue('Grandma’s kitchen');

  // Typing into the field after stripping its readonly attribute changes nothing.
  await place(casey.page).evaluate((input) => input.removeAttribute('readonly'));
  await place(casey.page).pressSequentially('X');
  await expect(place(casey.page)).toHaveValue('Grandma’s kitchen');

  // A hand-made update on the viewer's own websocket is dropped by the server.
  const bytes = placeUpdate('VIEWER WAS HERE ');
  await sendFromPage(casey.page, `/yjs/board/${boardId}/attempt/1`, bytes);
  await casey.page.reload();
  await expect(casey.page.getByTestId('save-status').first()).toHaveAttribute('data-status', 'read-only');
  await expect(place(casey.page)).toHaveValue('Grandma’s kitchen');
  await expect(place(jordan.page)).toHaveValue('Grandma’s kitchen');

  // Every section: nothing to add, remove, tick or type.
  for (const section of ['team', 'contingencies', 'treatment', 'safety', 'questions']) {
    await openSection(casey.page, section);
    const panel = casey.page.getByTestId('plan-panel');
    await expect(panel.getByRole('button', { name: /^(Add|Remove|Ask)/ })).toHaveCount(0);
    for (const input of await panel.locator('input, textarea, select').all()) await expect(input).not.toBeEditable();
  }
});
