import type { Page } from '@playwright/test';
import { lookAt } from './fixtures/look';
import { expect, openSection, test } from './fixtures/plan';

/** `owner` is a writer's name, or 'mine' for one's own letters. */
function lettersOf(page: Page, owner: string) {
  return owner === 'mine'
    ? page.getByTestId('letter-card').filter({ hasText: 'Your letters' })
    : page.getByTestId('letter-card').filter({ hasText: `${owner}’s letters` });
}

test('letter review: submit, ask for changes, approve, and "changed since approval", live across two browsers', async ({
  board,
}) => {
  const { people } = await board(['maya', 'jordan'], { section: 'letters' });
  const { maya, jordan } = people;
  const mine = lettersOf(jordan.page, 'mine');
  await mine.getByTestId('letter-impact').click();
  await jordan.page.keyboard.type('Sam, I love you. Last Christmas I was scared for you.');
  // The server refuses a blank letter: submit once the text is stored.
  await expect(jordan.page.getByTestId('save-status').last()).toHaveAttribute('data-status', 'saved');
  await mine.getByTestId('review-impact').getByRole('button', { name: 'Submit for review' }).click();
  await expect(mine.getByTestId('review-impact').getByTestId('review-status')).toHaveText('Waiting for review');

  const theirs = lettersOf(maya.page, 'Jordan').getByTestId('review-impact');
  await expect(theirs.getByTestId('review-status')).toHaveText('Waiting for review');
  await theirs.getByLabel('Comment for the writer').fill('Lovely. Add one sentence asking Sam to accept help today.');
  await theirs.getByRole('button', { name: 'Ask for changes' }).click();
  await expect(mine.getByTestId('review-impact').getByTestId('review-status')).toHaveText('Changes asked for');
  await expect(mine.getByTestId('review-impact').getByTestId('review-comment')).toContainText('accept help today');

  // Changes were asked for: nothing to review until Jordan submits the letter again.
  await expect(theirs.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await mine.getByTestId('review-impact').getByRole('button', { name: 'Submit again for review' }).click();
  await expect(theirs.getByTestId('review-status')).toHaveText('Waiting for review');
  await theirs.getByRole('button', { name: 'Approve' }).click();
  await expect(mine.getByTestId('review-impact').getByTestId('review-status')).toHaveText('Approved');
  await expect(mine.getByTestId('changed-since-approval')).toHaveCount(0);
  await mine.getByTestId('letter-impact').click();
  await jordan.page.keyboard.press('Control+End');
  await jordan.page.keyboard.type(' Please accept help today.');
  await expect(theirs.getByTestId('changed-since-approval')).toBeVisible({ timeout: 15_000 });
  await expect(mine.getByTestId('changed-since-approval')).toBeVisible({ timeout: 15_000 });
});

test('readiness: check-ins and attendance decisions update the panel live; coverage passes only on real content', async ({
  board,
}) => {
  const { people } = await board(['maya', 'jordan', 'riley'], { section: 'readiness' });
  const { maya, jordan, riley } = people;
  const jordanRow = maya.page.getByTestId('readiness-row').filter({ hasText: 'Jordan' });
  await expect(jordanRow).toContainText('Not confirmed');

  const checkin = jordan.page.getByTestId('readiness-checkin');
  await checkin.getByRole('group', { name: 'Will you be there on the day?' }).getByLabel('Yes').check();
  await checkin
    .getByRole('group', { name: 'Will you hold your bottom lines if they refuse?' })
    .getByLabel('Not sure yet')
    .check();
  await checkin.getByLabel('Anything the interventionist should know').fill('The rent line is hard for me.');
  await checkin.getByRole('button', { name: 'Save my check-in' }).click();
  await expect(jordanRow).toContainText('Bottom lines: Unsure');
  await expect(jordanRow).toContainText('The rent line is hard for me.');
  // Riley sees decisions, never Jordan's wavering.
  await expect(riley.page.getByTestId('attendance-list')).not.toContainText('rent line');

  // The interventionist checks in on attendance only: they hold no bottom lines of their own.
  const own = maya.page.getByTestId('readiness-checkin');
  await expect(own.getByRole('group', { name: /bottom lines/ })).toHaveCount(0);
  await own.getByRole('group', { name: 'Will you be there on the day?' }).getByLabel('Yes').check();
  await own.getByRole('button', { name: 'Save my check-in' }).click();
  const mayaRow = maya.page.getByTestId('readiness-row').filter({ hasText: 'Maya' });
  await expect(mayaRow).toContainText('Attending: Yes');
  await expect(mayaRow).not.toContainText('Bottom lines');

  await maya.page
    .getByLabel('Attendance')
    .nth(await rowIndex(maya.page, 'Riley'))
    .selectOption('home');
  await expect(jordan.page.getByTestId('attendance-list').locator('li', { hasText: 'Riley' })).toContainText(
    'Stays home',
  );

  // A fresh plan: the presets' advice in "who acts" names nobody, and empty lists are gaps.
  const coverage = maya.page.getByTestId('coverage');
  const missingIn = (id: string) => coverage.getByTestId(`coverage-${id}`).locator('.coverage-missing-items li');
  await expect(coverage.getByTestId('coverage-contingencies')).toHaveAttribute('data-ok', 'false');
  await expect(missingIn('contingencies')).toHaveCount(5);
  await expect(missingIn('objections')).toHaveText([
    'No objections listed yet: write what they are likely to say, and who answers it',
  ]);
  await expect(missingIn('bottom-lines')).toHaveText(['No bottom lines yet: each relative writes their own']);
  // Riley stays home and the interventionist writes no letters: only Jordan's are owed.
  await expect(missingIn('letters')).toHaveText([
    'Jordan: impact letter not submitted; bottom-line letter not submitted',
  ]);
  await expect(jordan.page.getByTestId('coverage-letters')).toContainText('Jordan: impact letter not submitted');
  await expect(coverage.getByTestId('coverage-treatment')).toContainText('Add treatment options');
  await lookAt(maya.page, 'readiness-interventionist');
  await lookAt(jordan.page, 'readiness-relative');

  await openSection(maya.page, 'contingencies');
  await maya.page.getByLabel('Who acts').first().fill('Jordan decides; Maya advises.');
  await openSection(maya.page, 'treatment');
  await maya.page.getByRole('button', { name: /Add a treatment option/ }).click();
  await openSection(maya.page, 'readiness');
  await expect(missingIn('contingencies')).toHaveCount(4);
  await expect(coverage.getByTestId('coverage-contingencies')).not.toContainText('Arrives under the influence');
  await expect(missingIn('treatment')).toHaveText(['Arrange an admission date or a held bed for at least one option']);

  // Jordan hands in his impact letter: the interventionist's list follows without a reload.
  await openSection(jordan.page, 'letters');
  const mine = jordan.page.getByTestId('letter-card').filter({ hasText: 'Your letters' });
  await mine.getByTestId('letter-impact').click();
  await jordan.page.keyboard.type('Sam, I love you. Last Christmas I was scared for you.');
  await mine.getByTestId('review-impact').getByRole('button', { name: 'Submit for review' }).click();
  await expect(missingIn('letters')).toHaveText(['Jordan: bottom-line letter not submitted']);
});

test('a question reaches the interventionist as a notification', async ({ board }) => {
  const { people } = await board(['maya', 'jordan'], { section: 'questions' });
  const { maya, jordan } = people;
  await jordan.page.getByRole('button', { name: 'Ask a question' }).click();
  await jordan.page.keyboard.type('What if Sam asks who planned this?');
  // A question is a record now: it is sent, not saved as one types.
  await jordan.page.getByRole('button', { name: 'Send question' }).click();
  await expect(maya.page.getByTestId('notifications')).toContainText('Jordan asked the interventionist a question.');
  await expect(jordan.page.getByTestId('question-state')).toHaveText('Open');
});

async function rowIndex(page: Page, name: string): Promise<number> {
  const rows = page.getByTestId('readiness-row');
  const count = await rows.count();
  for (let i = 0; i < count; i++) if ((await rows.nth(i).textContent())?.includes(name)) return i;
  throw new Error(`no readiness row for ${name}`);
}
