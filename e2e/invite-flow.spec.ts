import { expect, test } from '@playwright/test';
import { lookAt } from './fixtures/look';
import { createBoard, createInvite, newPerson, register } from './fixtures/people';
import { PHONE } from './fixtures/plan';

test('an invite approved and one refused: only the approved person ever sees the board', async ({ browser }) => {
  const maya = await newPerson(browser);
  await register(maya, 'Maya');
  await expect(maya.getByTestId('no-boards')).toBeVisible();
  await createBoard(maya, 'Helping Sam');
  await expect(maya).toHaveTitle('Harbor');
  // A new board says what comes next, and takes the interventionist to the invites.
  await expect(maya.getByTestId('invite-next')).toContainText('invite your family');
  await lookAt(maya, 'board-new');
  await maya.getByTestId('invite-next').getByRole('link', { name: 'Invite people' }).click();
  await expect(maya.getByLabel('Who is it for?')).toBeFocused();

  const forJordan = await createInvite(maya, 'family', 'Jordan');
  await expect(maya.getByTestId('new-invite')).toContainText('Link for Jordan');
  // A second link does not take the first one's place: each stays in its row, which says whom it is for.
  const forUncle = await createInvite(maya, 'viewer', 'Uncle Ray');
  expect(forUncle).not.toBe(forJordan);
  await expect(maya.getByTestId('new-invite')).toHaveCount(1);
  await expect(maya.getByTestId('new-invite')).toContainText('Link for Uncle Ray');
  const openRows = maya.getByTestId('invite-open');
  await expect(openRows).toHaveText([/Uncle Ray.*Viewer/, /Jordan.*Family member/]);
  // Still there to copy after a reload.
  await maya.reload();
  await expect(openRows.filter({ hasText: 'Jordan' }).getByRole('textbox', { name: 'Link for Jordan' })).toHaveValue(
    forJordan,
  );
  await expect(
    openRows.filter({ hasText: 'Uncle Ray' }).getByRole('textbox', { name: 'Link for Uncle Ray' }),
  ).toHaveValue(forUncle);
  await expect(maya.getByTestId('invite-next')).toHaveCount(0);
  await lookAt(maya, 'invites-open');

  // Jordan, on his phone: not signed in, the link sends him to register, then back to the invite.
  const jordan = await newPerson(browser, PHONE);
  await jordan.goto(forJordan);
  await expect(jordan).toHaveURL(/\/register\?next=/);
  await jordan.getByLabel('Your name').fill('Jordan');
  await jordan.getByLabel('Email').fill(`jordan.${Date.now()}@example.test`);
  await jordan.getByLabel('Password').fill('correct horse battery');
  await jordan.getByRole('button', { name: 'Create account' }).click();
  await expect(jordan.getByRole('heading', { name: 'You are invited' })).toBeVisible();
  // The page names who invited whom, never the board (its title names the loved one).
  await expect(jordan.getByRole('main')).toContainText('Maya invited Jordan');
  await expect(jordan.getByRole('main')).not.toContainText('Sam');
  await lookAt(jordan, 'invite-open');
  await jordan.getByRole('button', { name: 'Ask to join' }).click();
  await expect(jordan.getByRole('heading', { name: 'Waiting for Maya' })).toBeVisible();
  await lookAt(jordan, 'invite-waiting');

  // The loved one found the forwarded link for Uncle Ray.
  const sam = await newPerson(browser);
  await register(sam, 'Ray', undefined, new URL(forUncle).pathname);
  await sam.getByRole('button', { name: 'Ask to join' }).click();
  await expect(sam.getByTestId('invite-waiting')).toBeVisible();

  // Maya's page shows both at once, with the accounts' names and addresses.
  const waiting = maya.getByTestId('invite-waiting');
  await expect(waiting).toHaveCount(2);
  await expect(maya.getByTestId('new-invite')).toHaveCount(0);
  await expect(maya.getByTestId('no-open-invites')).toBeVisible();
  await lookAt(maya, 'invites-waiting');
  maya.once('dialog', (dialog) => void dialog.accept());
  await waiting.filter({ hasText: 'Uncle Ray' }).getByRole('button', { name: 'Refuse' }).click();
  await expect(sam.getByTestId('invite-refused')).toBeVisible();
  await lookAt(sam, 'invite-refused');
  await waiting.filter({ hasText: 'Jordan' }).getByRole('button', { name: 'Approve' }).click();

  // Approved: Jordan's waiting page opens the board by itself, and the team sees him.
  await expect(jordan.getByTestId('board-title')).toHaveText('Helping Sam');
  await expect(jordan.getByTestId('member')).toHaveCount(2);
  await expect(maya.getByTestId('member')).toHaveCount(2);
  await expect(maya.getByTestId('presence').locator('li')).toHaveCount(2);
  // The link he used lands him on the board; the refused account never gets there.
  await jordan.goto(forJordan);
  await expect(jordan.getByTestId('board-title')).toHaveText('Helping Sam');
  await sam.goto(forUncle);
  await expect(sam.getByTestId('invite-refused')).toBeVisible();
  await sam.goto(maya.url());
  await expect(sam.getByRole('heading', { name: 'Not found' })).toBeVisible();

  // The link was single use: someone else gets nowhere.
  const late = await newPerson(browser);
  await register(late, 'Late', undefined, new URL(forJordan).pathname);
  await expect(late.getByTestId('invite-error')).toContainText('already been used');
});

test('a removed member loses the board at once', async ({ browser }) => {
  const lead = await newPerson(browser);
  await register(lead, 'Lead');
  await createBoard(lead, 'Helping Alex');
  const link = await createInvite(lead, 'viewer', 'Aunt');
  const aunt = await newPerson(browser);
  await register(aunt, 'Aunt', undefined, new URL(link).pathname);
  await aunt.getByRole('button', { name: 'Ask to join' }).click();
  await lead.getByTestId('invite-waiting').getByRole('button', { name: 'Approve' }).click();
  await expect(aunt.getByTestId('board-title')).toHaveText('Helping Alex');

  await lead.reload();
  lead.once('dialog', (dialog) => void dialog.accept());
  await lead.getByTestId('member').filter({ hasText: 'Aunt' }).getByRole('button', { name: 'Remove' }).click();
  await expect(lead.getByTestId('member')).toHaveCount(1);
  await expect(aunt.getByText('You no longer have access to this board.')).toBeVisible();
});
