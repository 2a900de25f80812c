import { expect, openSection, PHONE, test } from './fixtures/plan';

test('words and looks: two kinds of team named apart, every input styled, titles whole on a phone, the menu in view', async ({
  board,
}) => {
  const { people } = await board(['maya', 'jordan'], { section: 'team', viewport: { jordan: PHONE } });
  const { maya, jordan } = people;

  // The plan's Team is who takes part; the card below lists who has an account on the board.
  await expect(maya.page.getByRole('heading', { name: 'Team', exact: true })).toBeVisible();
  await expect(maya.page.getByRole('heading', { name: 'People on this board (2)' })).toBeVisible();
  await expect(maya.page.getByRole('heading', { name: /^Team \(/ })).toHaveCount(0);

  // Inputs without a type (the delete confirmation) look like every other input.
  const confirm = maya.page.getByLabel(/To delete this board for everyone/);
  const looks = await confirm.evaluate((input) => {
    const style = getComputedStyle(input);
    return {
      height: input.getBoundingClientRect().height,
      padding: parseFloat(style.paddingLeft),
      radius: style.borderRadius,
    };
  });
  expect(looks.height).toBeGreaterThanOrEqual(40);
  expect(looks.padding).toBeGreaterThan(4);
  expect(looks.radius).not.toBe('0px');

  // A long contingency title wraps on a phone instead of being cut off.
  await openSection(jordan.page, 'contingencies');
  const title = jordan.page.getByLabel('Situation').first();
  await title.fill('The loved one arrives under the influence, hours earlier than we planned');
  const cut = await title.evaluate(
    (field) => field.scrollWidth > field.clientWidth || field.scrollHeight > field.clientHeight + 1,
  );
  expect(cut, 'the title is shown whole').toBe(false);
  // Enter does not break a title into lines.
  await title.press('End');
  await title.press('Enter');
  await expect(title).toHaveValue('The loved one arrives under the influence, hours earlier than we planned');

  // From the end of a long section to a short one: the new section starts at its top, the menu beside it.
  await openSection(maya.page, 'team');
  await maya.page.getByRole('button', { name: /Add everyone on this board/ }).click();
  await maya.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await maya.page.getByTestId('nav-logistics').click();
  await expect(maya.page.getByTestId('section-logistics')).toBeInViewport();
  const nav = await maya.page.getByRole('navigation', { name: 'Plan sections' }).boundingBox();
  expect(nav && nav.y >= 0, 'the section menu is in view').toBe(true);
  await expect(maya.page.getByTestId('nav-approach')).toBeInViewport();
});
