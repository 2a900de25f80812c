import { lookAt } from './fixtures/look';
import { expect, expectSaved, openSection, PHONE, test } from './fixtures/plan';

/**
 * Who has seen what, and the export (docs/security.md): the interventionist sees who opened the
 * logistics and the safety plan; every member keeps a copy of what they may read.
 */

test('the interventionist sees who opened the logistics and the safety plan, and when each member last came', async ({
  board,
}) => {
  const { people } = await board(['maya', 'jordan', 'casey'], { viewport: { casey: PHONE } });
  const { maya, jordan, casey } = people;
  await openSection(jordan.page, 'logistics');
  await openSection(casey.page, 'safety');
  const visits = maya.page.getByTestId('visits');
  await expect(visits.getByTestId('visits-members')).toContainText('Jordan');
  // The card counts the page it is on: the board's render recorded the opening before it came.
  await expect(
    visits.getByTestId('visits-members').getByRole('listitem').filter({ hasText: 'Maya' }),
  ).not.toContainText('not opened yet');
  await expect
    .poll(async () => {
      await visits.getByRole('button', { name: 'Refresh' }).click();
      return visits.getByTestId('visits-log').innerText();
    })
    .toMatch(/Casey opened Safety plan[\s\S]*Jordan opened Logistics/);
  await lookAt(maya.page, 'visits');
  // Nobody else is offered it.
  await expect(jordan.page.getByTestId('visits')).toHaveCount(0);
});

test('a relative prints what they may read of the board, and nothing of the private notes', async ({ board }) => {
  const { boardId, people } = await board(['maya', 'jordan'], { section: 'logistics' });
  const { maya, jordan } = people;
  await jordan.page.getByLabel('Place', { exact: true }).fill('the community hall');
  await expectSaved(jordan.page);
  await openSection(maya.page, 'notes');
  await maya.page.getByTestId('private-notes').fill('Only for us');
  await expect(maya.page.getByTestId('section-notes').getByTestId('save-status')).toHaveAttribute(
    'data-status',
    'saved',
  );

  await jordan.page.getByRole('link', { name: 'Printable page' }).click();
  await expect(jordan.page).toHaveURL(new RegExp(`/boards/${boardId}/export$`));
  await expect(jordan.page.getByTestId('export')).toContainText('the community hall');
  await expect(jordan.page.getByTestId('export')).not.toContainText('Only for us');
  // Worded as the board words it: "Situation", not a field's name; no preset's id on the paper.
  await expect(jordan.page.getByTestId('export')).toContainText('Situation');
  await expect(jordan.page.getByTestId('export')).not.toContainText('preset-');
  await lookAt(jordan.page, 'export-relative');
  await maya.page.goto(`/boards/${boardId}/export`);
  await expect(maya.page.getByTestId('export')).toContainText('Only for us');
  const download = jordan.page.waitForEvent('download');
  await jordan.page.getByRole('link', { name: 'Download (JSON)' }).click();
  expect((await download).suggestedFilename()).toBe('harbor-export.json');
});
