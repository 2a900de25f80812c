import { expect, openSection, test } from './fixtures/plan';
import { placeUpdate, sendFromPage } from './fixtures/forged-write';

test('a viewer reads the plan live but cannot change it, even by forcing a write', async ({ board }) => {
  const { boardId, people } = await board(['jordan', 'casey'], { section: 'logistics' });
  const { jordan, casey } = people;
  const place = (page: typeof jordan.page) => page.getByLabel('Place', { exact: true });

  await expect(casey.page.getByTestId('read-only-banner')).toBeVisible();
  await expect(casey.page.getByTestId('plan')).toHaveAttribute('data-read-only', 'true');
  await expect(place(casey.page)).not.toBeEditable();
  await expect(casey.page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);

  // Jordan writes; the viewer reads it live, as text, with the day in words, not in a box.
  await place(jordan.page).fill('Grandma’s kitchen');
  await jordan.page.getByTestId('logistics-date').fill('2026-12-06');
  await expect(jordan.page.getByTestId('date-in-words')).toHaveText(/Sun.*Dec.*6.*2026/);
  await expect(place(casey.page)).toHaveText('Grandma’s kitchen');
  await expect(casey.page.getByTestId('logistics-date')).toHaveText(/Sun.*Dec.*6.*2026/);
  await expect(casey.page.getByLabel('Who brings them', { exact: true })).toHaveText('Not filled in yet');

  // A hand-made update on the viewer's own websocket is dropped by the server.
  const bytes = placeUpdate('VIEWER WAS HERE ');
  await sendFromPage(casey.page, `/yjs/board/${boardId}/attempt/1`, bytes);
  await casey.page.reload();
  await expect(casey.page.getByTestId('save-status').first()).toHaveAttribute('data-status', 'read-only');
  await expect(place(casey.page)).toHaveText('Grandma’s kitchen');
  await expect(place(jordan.page)).toHaveValue('Grandma’s kitchen');

  // Every section reads as a page: nothing to add, remove, tick or type, no greyed boxes.
  for (const section of ['logistics', 'team', 'contingencies', 'treatment', 'safety', 'approach', 'questions']) {
    await openSection(casey.page, section);
    const panel = casey.page.getByTestId('plan-panel');
    await expect(panel.getByRole('button', { name: /^(Add|Remove|Ask)/ })).toHaveCount(0);
    await expect(panel.locator('input, textarea, select')).toHaveCount(0);
  }
  await openSection(casey.page, 'team');
  await openSection(jordan.page, 'team');
  await jordan.page.getByRole('button', { name: 'Add a person' }).click();
  await jordan.page.getByTestId('team-name').last().fill('Aunt Rose');
  await jordan.page.getByTestId('item-team').last().getByLabel('Chair').check();
  await expect(casey.page.getByTestId('team-name').last()).toHaveText('Aunt Rose');
  await expect(casey.page.getByTestId('team-roles').last()).toHaveText('Chair');
});
