import { expect, expectSaved, openSection, speakingOrder, teamCard, test } from './fixtures/plan';

test('two relatives type in the same field at once and both see the merged text', async ({ board }) => {
  const { people } = await board(['maya', 'jordan', 'riley'], { section: 'team' });
  const { jordan, riley, maya } = people;
  await jordan.page.getByRole('button', { name: /Add everyone on this board/ }).click();
  await expect(riley.page.getByTestId('item-team')).toHaveCount(3);
  await expect(maya.page.getByTestId('nav-team')).toContainText('3');

  const jordanField = (await teamCard(jordan.page, 'Riley')).getByTestId('team-relationship');
  const rileyField = (await teamCard(riley.page, 'Riley')).getByTestId('team-relationship');
  await jordanField.fill('sister');
  await expect(rileyField).toHaveValue('sister');

  // Riley is in the field: Jordan sees her name tag on it.
  await rileyField.click();
  await expect((await teamCard(jordan.page, 'Riley')).getByTestId('field-presence')).toContainText('Riley');

  await jordanField.click();
  await jordanField.press('Home');
  await rileyField.press('End');
  await Promise.all([
    jordanField.pressSequentially('older ', { delay: 40 }),
    rileyField.pressSequentially(' (lives nearby)', { delay: 25 }),
  ]);
  const merged = 'older sister (lives nearby)';
  await expect(jordanField).toHaveValue(merged);
  await expect(rileyField).toHaveValue(merged);
  await expect((await teamCard(maya.page, 'Riley')).getByTestId('team-relationship')).toHaveValue(merged);
  await expectSaved(jordan.page);
  await expectSaved(riley.page);
});

test('the speaking order moves with the keyboard, for everyone, and undo puts it back', async ({ board }) => {
  const { people } = await board(['maya', 'jordan'], { section: 'team' });
  const { maya, jordan } = people;
  await maya.page.getByRole('button', { name: /Add everyone on this board/ }).click();
  await maya.page.getByRole('button', { name: 'Add a person' }).click();
  await maya.page.getByTestId('team-name').last().fill('Aunt May');
  await expect.poll(() => speakingOrder(jordan.page)).toEqual(['Maya', 'Jordan', 'Aunt May']);

  // Alt+ArrowUp on a row moves that person one place earlier; focus stays with them.
  const handle = maya.page.getByRole('button', { name: /^Reorder Aunt May/ });
  await handle.focus();
  await maya.page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => speakingOrder(maya.page)).toEqual(['Maya', 'Aunt May', 'Jordan']);
  await expect(maya.page.getByRole('button', { name: /^Reorder Aunt May/ })).toBeFocused();
  await maya.page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => speakingOrder(maya.page)).toEqual(['Aunt May', 'Maya', 'Jordan']);
  await expect.poll(() => speakingOrder(jordan.page)).toEqual(['Aunt May', 'Maya', 'Jordan']);

  // The buttons do the same, and someone who stays home leaves the speaking order.
  await jordan.page.getByRole('button', { name: 'Move Jordan earlier' }).click();
  await expect.poll(() => speakingOrder(maya.page)).toEqual(['Aunt May', 'Jordan', 'Maya']);
  await (await teamCard(jordan.page, 'Maya')).getByTestId('team-attendance').selectOption('home');
  await expect.poll(() => speakingOrder(maya.page)).toEqual(['Aunt May', 'Jordan']);

  // Undo reverts Maya's own last move (Aunt May back after her), not Jordan's changes.
  await maya.page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect.poll(() => speakingOrder(jordan.page)).toEqual(['Jordan', 'Aunt May']);
  await expectSaved(maya.page);
});

test('two people opening an empty plan at once get the five contingencies once', async ({ board }) => {
  const { people } = await board(['maya', 'jordan', 'riley'], { section: 'contingencies' });
  for (const person of Object.values(people)) {
    await expect(person.page.getByTestId('item-contingencies')).toHaveCount(5);
  }
  // Removing one is undoable, and stays removed for the others.
  const { jordan, riley } = people;
  await jordan.page.getByRole('button', { name: 'Remove Arrives under the influence' }).click();
  await expect(riley.page.getByTestId('item-contingencies')).toHaveCount(4);
  await jordan.page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(riley.page.getByTestId('item-contingencies')).toHaveCount(5);
  await openSection(riley.page, 'objections');
  await expect(riley.page.getByText('No objections yet.')).toBeVisible();
});
