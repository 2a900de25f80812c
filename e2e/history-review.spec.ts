import type { APIRequestContext } from '@playwright/test';
import { expect, expectSaved, openSection, test } from './fixtures/plan';
import { placeUpdate, sendFromPage } from './fixtures/forged-write';
import { lookAt } from './fixtures/look';

/** The logistics' place of an attempt's plan as the server has it now (history state API). */
async function storedPlace(
  request: APIRequestContext,
  boardId: string,
  attempt: number,
): Promise<{ place: string; seq: number }> {
  const doc = encodeURIComponent(`board/${boardId}/attempt/${attempt}`);
  const response = await request.get(`/api/boards/${boardId}/history/state?doc=${doc}&seq=${Number.MAX_SAFE_INTEGER}`);
  expect(response.ok(), await response.text()).toBe(true);
  const body = (await response.json()) as { seq: number; state: { logistics: { place: string } } };
  return { place: body.state.logistics.place, seq: body.seq };
}

test('a debrief saved by one person appears live for another; staging a second attempt closes the first for everyone', async ({
  board,
}) => {
  const { boardId, people } = await board(['maya', 'jordan', 'casey'], { section: 'logistics' });
  const { maya, jordan, casey } = people;

  await test.step('Jordan writes a place and a bottom line on the board', async () => {
    await jordan.page.getByLabel('Place', { exact: true }).fill('the kitchen');
    await openSection(jordan.page, 'bottom-lines');
    await jordan.page.getByRole('button', { name: 'Add a bottom line' }).click();
    await jordan.page.getByLabel('Whose bottom line').fill('Jordan');
    await jordan.page.getByLabel('I will …').fill('I will no longer lend you the car.');
    await expectSaved(jordan.page);
  });

  await Promise.all([maya, jordan, casey].map((person) => person.page.goto(`/boards/${boardId}/review`)));
  await expect(maya.page).toHaveTitle('Harbor');
  const line = maya.page.getByTestId('bottom-line');
  await expect(line).toContainText('Jordan');
  await expect(line).toContainText('I will no longer lend you the car.');
  await expect(line.getByTestId('bottom-line-status')).toHaveText('Not started');
  // Only the interventionist can stage another attempt.
  await expect(jordan.page.getByTestId('stage-attempt')).toHaveCount(0);

  await test.step('Jordan records the debrief; Maya sees it as he types', async () => {
    const form = jordan.page.getByTestId('debrief-form');
    await form.getByRole('radio', { name: 'Refused treatment' }).check();
    await form.getByRole('checkbox', { name: /Walked out/ }).check();
    await form.getByLabel('What happened').fill('We read the letters; he listened, then said no and left the room.');
    await form.getByLabel(/^Maya/).fill('Kept everyone calm.');
    await form.getByLabel('Lessons for next time').fill('Meet in the morning, before he has had a drink.');
    // Saved as it is typed, like the plan: there is no record to save over someone else's.
    await expect(jordan.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    await expect(form.getByRole('button', { name: 'Save debrief' })).toHaveCount(0);

    const seen = maya.page.getByTestId('debrief-form');
    await expect(seen.getByRole('radio', { name: 'Refused treatment' })).toBeChecked();
    await expect(seen.getByRole('checkbox', { name: /Walked out/ })).toBeChecked();
    await expect(seen.getByLabel('Lessons for next time')).toHaveValue(
      'Meet in the morning, before he has had a drink.',
    );
    await expect(seen.getByLabel(/^Maya/)).toHaveValue('Kept everyone calm.');
    await expect(maya.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    await expect(maya.page.getByTestId('first-72-hours')).toHaveClass(/is-active/);

    // A viewer reads the same debrief, live, as text: nothing to tick or type.
    const read = casey.page.getByTestId('debrief-form');
    await expect(read.getByTestId('debrief-outcome')).toHaveText('Refused treatment');
    await expect(read.getByTestId('debrief-went-wrong')).toHaveText('Walked out');
    await expect(read.getByLabel('Lessons for next time')).toHaveText(
      'Meet in the morning, before he has had a drink.',
    );
    await expect(read.getByLabel('Lessons for next time')).not.toBeEditable();
    await expect(read.locator('input, textarea, select')).toHaveCount(0);
    await expect(casey.page.getByTestId('save-status')).toHaveAttribute('data-status', 'read-only');
  });

  await lookAt(maya.page, 'review-debrief');

  await test.step('Maya stages attempt 2 after a confirmation', async () => {
    await maya.page.getByRole('button', { name: 'Stage attempt 2…' }).click();
    const dialog = maya.page.getByTestId('stage-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Attempt 1 becomes read-only for everyone');
    await expect(maya.page.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByTestId('confirm-stage').click();
    await expect(maya.page.getByTestId('open-new-attempt')).toBeVisible();
    // Both pages follow: the comparison appears, the lessons of attempt 1 at the top of attempt 2.
    for (const page of [maya.page, jordan.page]) {
      await expect(page.getByTestId('previous-lessons')).toContainText(
        'Meet in the morning, before he has had a drink.',
      );
      await expect(page.getByTestId('attempt-compare')).toContainText('Refused treatment');
    }
    // Staging clears the date-bound logistics only; the place and the bottom line carry over.
    await expect(maya.page.getByTestId('attempt-compare')).toContainText('The two plans are the same so far.');
    // The review page moved on to attempt 2, whose debrief is empty: the three days after
    // attempt 1's refusal stay in view, marked as attempt 1's.
    for (const page of [maya.page, jordan.page]) {
      await expect(page.getByRole('heading', { name: 'Debrief of attempt 2' })).toBeVisible();
      await expect(page.getByTestId('first-72-hours')).toHaveAttribute('data-active', 'true');
      await expect(page.getByTestId('first-72-hours')).toContainText('The debrief of attempt 1 records');
      // In view when the page opens, above the new attempt's empty debrief.
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(page.getByTestId('first-72-hours').getByRole('heading')).toBeInViewport();
    }
  });

  await test.step('attempt 2 on the board starts from attempt 1: its lessons, what carried over, the 72 hours', async () => {
    await jordan.page.goto(`/boards/${boardId}#logistics`);
    const carried = jordan.page.getByTestId('carried-over');
    await expect(carried).toContainText('From attempt 1 · Refused treatment');
    await expect(carried.getByTestId('carried-lessons')).toContainText(
      'Meet in the morning, before he has had a drink.',
    );
    await carried.getByTestId('carried-items').locator('summary').click();
    await expect(carried).toContainText('every participant’s letters, as drafts');
    await expect(carried).toContainText('the date, the time and the rehearsal date are cleared');
    await expect(carried.getByTestId('carried-72-hours')).toContainText('Every bottom line holds, as it was said.');
    // Folded away once read, it stays out of the way of the plan.
    await carried.locator('summary').first().click();
    await expect(carried.getByTestId('carried-lessons')).toBeHidden();
  });

  await lookAt(maya.page, 'review-staged');

  await test.step('attempt 1 is read-only for everyone, and nothing typed into it is stored', async () => {
    const before = await storedPlace(jordan.context.request, boardId, 1);
    expect(before.place).toBe('the kitchen');
    expect((await storedPlace(jordan.context.request, boardId, 2)).place).toBe('the kitchen');

    await jordan.page.goto(`/boards/${boardId}`);
    await jordan.page.getByTestId('attempt-picker').selectOption('1');
    await expect(jordan.page.getByTestId('plan')).toHaveAttribute('data-read-only', 'true');
    // Closed for good, and said so: not the words of a freeze that someone can lift.
    await expect(jordan.page.getByTestId('read-only-banner')).toContainText(
      'Attempt 1 is closed: attempt 2 was staged from it',
    );
    await expect(jordan.page.getByTestId('read-only-banner')).not.toContainText('frozen');
    await expect(jordan.page.getByTestId('attempt-picker').locator('option')).toHaveText([
      'Attempt 1 (closed)',
      'Attempt 2',
    ]);
    // A closed attempt is the past: nothing carried over is shown on it.
    await expect(jordan.page.getByTestId('carried-over')).toHaveCount(0);

    // A write forced onto attempt 1's websocket, as a modified client could send it, is dropped.
    await sendFromPage(jordan.page, `/yjs/board/${boardId}/attempt/1`, placeUpdate('TYPED AFTER CLOSING '));
    for (const person of [jordan, maya]) expect(await storedPlace(person.context.request, boardId, 1)).toEqual(before);
  });
});
