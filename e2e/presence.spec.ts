import { expect, openSection, PHONE, test } from './fixtures/plan';

test('who is here, by name, in their own colour and section, on a phone too; offline says so at once', async ({
  board,
}) => {
  const { people } = await board(['maya', 'jordan', 'riley'], { section: 'team', viewport: { jordan: PHONE } });
  const { maya, jordan, riley } = people;
  await openSection(riley.page, 'contingencies');

  // Names and sections are written out, on the laptop and on the phone alike.
  for (const page of [maya.page, jordan.page]) {
    const list = page.getByTestId('presence');
    await expect(list.getByTestId('presence-person')).toHaveCount(3);
    await expect(list.getByTestId('presence-person').first()).toHaveText(/^You/);
    await expect(list.getByTestId('presence-person').filter({ hasText: 'Riley' })).toContainText('Contingencies');
    await expect(list.getByTestId('presence-person').filter({ hasText: 'Riley' })).toBeInViewport();
  }
  await expect(maya.page.getByTestId('presence-person').filter({ hasText: 'Jordan' })).toContainText('Team');
  // Everyone has a colour of their own.
  const colours = await maya.page
    .getByTestId('presence-colour')
    .evaluateAll((swatches) => swatches.map((swatch) => getComputedStyle(swatch).backgroundColor));
  expect(new Set(colours).size).toBe(3);

  // The section menu names who is in each section; the phone's menu says it in words too.
  await expect(maya.page.getByTestId('nav-contingencies').getByTestId('section-here')).toHaveText(/Riley/);
  await expect(maya.page.getByTestId('nav-team').getByTestId('section-here')).toHaveText(/Jordan/);
  await expect(jordan.page.getByLabel('Section', { exact: true }).locator('option[value="contingencies"]')).toHaveText(
    'Contingencies · Riley here',
  );

  // Offline: within a second the header says so, and no longer claims who is here.
  await jordan.context.setOffline(true);
  await expect(jordan.page.getByTestId('channel-status')).toHaveText(/Offline/, { timeout: 1000 });
  await expect(jordan.page.getByTestId('presence')).toHaveCount(0, { timeout: 1000 });
  await expect(jordan.page.getByTestId('presence-unknown')).toBeVisible();
  await jordan.context.setOffline(false);
  await expect(jordan.page.getByTestId('channel-status')).toHaveText('Live');
  await expect(jordan.page.getByTestId('presence').getByTestId('presence-person')).toHaveCount(3);
});
