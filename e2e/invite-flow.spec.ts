import { expect, test } from '@playwright/test';
import { createBoard, createInvite, newPerson, register } from './fixtures/people';

test('an interventionist creates a board and invites a relative, who joins and sees it', async ({ browser }) => {
  const maya = await newPerson(browser);
  await register(maya, 'Maya');
  await expect(maya.getByTestId('no-boards')).toBeVisible();
  await createBoard(maya, 'Helping Sam');
  await expect(maya).toHaveTitle('Harbor');
  const link = await createInvite(maya, 'family');

  const jordan = await newPerson(browser);
  await jordan.goto(link);
  // Not signed in: the invite sends the person to register first, then back to the invite.
  await expect(jordan).toHaveURL(/\/register\?next=/);
  await jordan.getByLabel('Your name').fill('Jordan');
  await jordan.getByLabel('Email').fill(`jordan.${Date.now()}@example.test`);
  await jordan.getByLabel('Password').fill('correct horse battery');
  await jordan.getByRole('button', { name: 'Create account' }).click();
  await expect(jordan.getByRole('heading', { name: 'You are invited' })).toBeVisible();
  await expect(jordan.getByRole('main').getByText('Helping Sam')).toBeVisible();
  await jordan.getByRole('button', { name: 'Join the board' }).click();
  await expect(jordan.getByTestId('board-title')).toHaveText('Helping Sam');
  await expect(jordan.getByTestId('member')).toHaveCount(2);

  // The interventionist's page updates live: the new member appears without a reload.
  await expect(maya.getByTestId('member')).toHaveCount(2);
  await expect(maya.getByTestId('presence').locator('li')).toHaveCount(2);

  // The link was single use.
  const late = await newPerson(browser);
  await register(late, 'Late', undefined, new URL(link).pathname);
  await expect(late.getByTestId('invite-error')).toContainText('already been used');
});

test('a removed member loses the board at once', async ({ browser }) => {
  const lead = await newPerson(browser);
  await register(lead, 'Lead');
  await createBoard(lead, 'Helping Alex');
  const link = await createInvite(lead, 'viewer');
  const aunt = await newPerson(browser);
  await register(aunt, 'Aunt', undefined, new URL(link).pathname);
  await aunt.getByRole('button', { name: 'Join the board' }).click();
  await expect(aunt.getByTestId('board-title')).toHaveText('Helping Alex');

  await lead.reload();
  lead.once('dialog', (dialog) => void dialog.accept());
  await lead.getByTestId('member').filter({ hasText: 'Aunt' }).getByRole('button', { name: 'Remove' }).click();
  await expect(lead.getByTestId('member')).toHaveCount(1);
  await expect(aunt.getByText('You no longer have access to this board.')).toBeVisible();
});
