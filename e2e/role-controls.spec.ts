import { expect, test } from './fixtures/plan';

/**
 * The controls each role is shown come from the abilities the server computed for the page
 * (lib/permissions/abilities): what someone cannot do is not offered, and a role change or a
 * freeze reaches an open page without a reload.
 */
test('each role is offered only what it may do, and a change of role or a freeze follows live', async ({ board }) => {
  const { boardId, people } = await board(['maya', 'jordan', 'casey'], { section: 'readiness' });
  const { maya, jordan, casey } = people;
  const interventionistOnly = ['readiness-table', 'freeze-toggle', 'nav-notes'];

  await expect(maya.page.getByTestId('readiness-checkin')).toBeVisible();
  for (const id of interventionistOnly) await expect(maya.page.getByTestId(id)).toBeVisible();
  await expect(maya.page.getByRole('button', { name: 'Delete board' })).toBeVisible();

  await expect(jordan.page.getByTestId('readiness-checkin')).toBeVisible();
  await expect(jordan.page.getByTestId('attendance-list')).toBeVisible();
  for (const id of interventionistOnly) await expect(jordan.page.getByTestId(id)).toHaveCount(0);
  await expect(jordan.page.getByRole('button', { name: 'Delete board' })).toHaveCount(0);
  await expect(jordan.page.getByTestId('plan')).toHaveAttribute('data-read-only', 'false');

  await expect(casey.page.getByTestId('attendance-list')).toBeVisible();
  for (const id of ['readiness-checkin', ...interventionistOnly])
    await expect(casey.page.getByTestId(id)).toHaveCount(0);

  // Made a viewer while the page is open: the check-in goes and the plan turns read-only.
  const changed = await maya.context.request.patch(`/api/boards/${boardId}/members/${jordan.userId}`, {
    data: { role: 'viewer' },
  });
  expect(changed.ok(), await changed.text()).toBe(true);
  await expect(jordan.page.getByTestId('plan')).toHaveAttribute('data-read-only', 'true');
  await expect(jordan.page.getByTestId('read-only-banner')).toBeVisible();
  await expect(jordan.page.getByTestId('readiness-checkin')).toHaveCount(0);

  // Frozen: read-only for the interventionist too, and said so: a pause, and who can lift it.
  maya.page.once('dialog', (dialog) => void dialog.accept());
  await maya.page.getByTestId('freeze-toggle').click();
  await expect(maya.page.getByTestId('plan')).toHaveAttribute('data-read-only', 'true');
  const banner = maya.page.getByTestId('read-only-banner');
  await expect(banner).toContainText('This plan is frozen');
  await expect(banner).toContainText('You can lift it under Readiness');
  await expect(banner).not.toContainText('closed');
  for (const page of [jordan.page, casey.page]) {
    await expect(page.getByTestId('read-only-banner')).toContainText(
      'This plan is frozen for now: you can read it, but nobody can change it. Only Maya can lift the freeze',
    );
  }
  // Lifted: everyone who may write writes again.
  await maya.page.getByTestId('freeze-toggle').click();
  await expect(maya.page.getByTestId('plan')).toHaveAttribute('data-read-only', 'false');
  await expect(maya.page.getByTestId('read-only-banner')).toHaveCount(0);
});
