import type { Page } from '@playwright/test';
import { openLetters } from './fixtures/letters';
import { lookAt } from './fixtures/look';
import { expect, openSection, PHONE, test } from './fixtures/plan';

/** `owner` is a writer's name, or 'mine' for one's own letters. */
function lettersOf(page: Page, owner: string) {
  return owner === 'mine'
    ? page.getByTestId('letter-card').filter({ hasText: 'Your letters' })
    : page.getByTestId('letter-card').filter({ hasText: `${owner}’s letters` });
}

test('letter review: sent letters come to the interventionist as a queue, one at a time with their tone notes, and notify them', async ({
  board,
}) => {
  const { people } = await board(['maya', 'jordan', 'riley'], {
    section: 'letters',
    viewport: { riley: PHONE },
  });
  const { maya, jordan, riley } = people;
  const queue = maya.page.getByTestId('review-queue');
  await expect(queue.getByTestId('queue-empty')).toBeVisible();

  // Jordan sends his impact letter; a phrase in it is one the tone check flags.
  const mine = lettersOf(jordan.page, 'mine');
  await mine.getByTestId('letter-impact').click();
  await jordan.page.keyboard.type('Sam, I love you. Last Christmas you made me feel scared.');
  // The server refuses a blank letter: send once the text is stored.
  await expect(jordan.page.getByTestId('save-status').last()).toHaveAttribute('data-status', 'saved');
  await mine.getByTestId('review-impact').getByRole('button', { name: 'Send to the interventionist' }).click();
  await expect(mine.getByTestId('review-impact').getByTestId('review-status')).toHaveText('Waiting for review');
  await expect(mine.getByTestId('review-impact').getByTestId('review-sent')).toContainText('Only the interventionist');

  // The server tells the interventionist, as it does for a question; the queue has the letter.
  await expect(maya.page.getByTestId('notifications')).toContainText('Jordan sent you a letter to review.');
  await expect(riley.page.getByTestId('notifications')).toHaveCount(0);
  const item = queue.getByTestId('queued-letter');
  await expect(item).toContainText('Jordan · Impact letter');
  await expect(item.getByTestId('queued-text')).toContainText('Last Christmas you made me feel scared.');
  await expect(item.getByTestId('tone-notes').getByTestId('tone-flag').first()).toBeVisible();

  // Riley sends both of hers from a phone: three in the queue, oldest first, one at a time.
  const hers = lettersOf(riley.page, 'mine');
  for (const field of ['impact', 'bottomLine'] as const) {
    await hers.getByTestId(`letter-${field}`).click();
    await riley.page.keyboard.type(field === 'impact' ? 'Son, I am proud of you.' : 'I will no longer pay your rent.');
    await expect(riley.page.getByTestId('save-status').last()).toHaveAttribute('data-status', 'saved');
    await hers.getByTestId(`review-${field}`).getByRole('button', { name: 'Send to the interventionist' }).click();
    await expect(hers.getByTestId(`review-${field}`).getByTestId('review-status')).toHaveText('Waiting for review');
  }
  await expect(queue.getByRole('heading', { name: 'Waiting for your review (3)' })).toBeVisible();
  await expect(queue.getByTestId('queued-letter')).toHaveCount(1);
  await expect(queue.getByTestId('queue-position')).toHaveText('1 of 3');
  await expect(item).toContainText('Jordan · Impact letter');
  await queue.getByRole('button', { name: 'Next' }).click();
  await expect(queue.getByTestId('queue-position')).toHaveText('2 of 3');
  await expect(item).toContainText('Riley · Impact letter');
  await queue.getByRole('button', { name: 'Previous' }).click();

  // Changes asked for: Jordan's letter leaves the queue and the next one takes its place.
  await item.getByLabel('Comment for the writer').fill('Lovely. Say "I felt scared" rather than "you made me".');
  await item.getByRole('button', { name: 'Ask for changes' }).click();
  await expect(mine.getByTestId('review-impact').getByTestId('review-status')).toHaveText('Changes asked for');
  await expect(mine.getByTestId('review-impact').getByTestId('review-comment')).toContainText('I felt scared');
  await expect(queue.getByTestId('queue-position')).toHaveText('1 of 2');
  await expect(item).toContainText('Riley · Impact letter');
  await lookAt(maya.page, 'letters-review-queue');

  // Jordan sends it again; approved from the queue, then an edit shows "changed since approval".
  await mine.getByTestId('review-impact').getByRole('button', { name: 'Send again to the interventionist' }).click();
  await expect(queue.getByRole('heading', { name: 'Waiting for your review (3)' })).toBeVisible();
  await expect(item).toContainText('Riley · Impact letter');
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(item).toContainText('Riley · Bottom-line letter');
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(item).toContainText('Jordan · Impact letter');
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(queue.getByTestId('queue-empty')).toBeVisible();
  await expect(mine.getByTestId('review-impact').getByTestId('review-status')).toHaveText('Approved');
  await expect(mine.getByTestId('changed-since-approval')).toHaveCount(0);
  await mine.getByTestId('letter-impact').click();
  await jordan.page.keyboard.press('Control+End');
  await jordan.page.keyboard.type(' Please accept help today.');
  const theirs = (await openLetters(maya.page, 'Jordan')).getByTestId('review-impact');
  await expect(theirs.getByTestId('changed-since-approval')).toBeVisible({ timeout: 15_000 });
  await expect(mine.getByTestId('changed-since-approval')).toBeVisible({ timeout: 15_000 });
  await expect(
    mine.getByTestId('review-impact').getByRole('button', { name: 'Send the changes to the interventionist' }),
  ).toBeVisible();
});

test('the interventionist’s letters on a phone: the queue, then one person’s letters at a time', async ({ board }) => {
  const { people } = await board(['maya', 'jordan', 'riley'], { section: 'letters', viewport: { maya: PHONE } });
  const { maya } = people;
  await expect(maya.page.getByTestId('letters-person')).toHaveCount(3);
  // Nothing is open until asked for: no letters documents are even connected.
  await expect(maya.page.getByTestId('letter-card')).toHaveCount(0);
  await openLetters(maya.page, 'Jordan');
  await openLetters(maya.page, 'Riley');
  await expect(maya.page.getByTestId('letter-card')).toHaveCount(1);
  const height = await maya.page.getByTestId('section-letters').evaluate((element) => element.scrollHeight);
  expect(height, 'the letters section on a phone').toBeLessThan(2600);
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
  await expect(jordan.page.getByTestId('save-status').last()).toHaveAttribute('data-status', 'saved');
  await mine.getByTestId('review-impact').getByRole('button', { name: 'Send to the interventionist' }).click();
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
