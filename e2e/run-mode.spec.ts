import type { Page } from '@playwright/test';
import { lookAt } from './fixtures/look';
import { expect, PHONE, test } from './fixtures/plan';
import { LETTERS, prepareDay } from './fixtures/run-day';
import { RUN_PLAN } from '../test/helpers/run-plan';

/**
 * The day itself: Maya leads from her laptop; Jordan and Riley follow on their phones, Casey (a
 * viewer) reads along on hers. Each screen follows the run; a playbook opened reaches everyone;
 * signals reach only the team, a request to step out only Maya; a phone that was offline catches
 * up; the outcome lands in the debrief.
 */

const live = (page: Page) => expect(page.getByTestId('run-link')).toHaveAttribute('data-link', 'live');

/** Resolves with how long (ms) until the page shows `text` as the reader, polled on every frame. */
async function readerShown(page: Page, text: string, since: number): Promise<number> {
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="run-speaker"]')?.textContent === expected,
    text,
    { polling: 'raf', timeout: 10_000 },
  );
  return Date.now() - since;
}

test('a run with the interventionist and three phones', async ({ board }) => {
  const { boardId, people } = await board(['maya', 'jordan', 'riley', 'casey'], {
    viewport: { jordan: PHONE, riley: PHONE, casey: PHONE },
  });
  const { maya, jordan, riley, casey } = people;
  await prepareDay({ maya, jordan, riley }, boardId);
  const phones = [jordan, riley, casey];
  await Promise.all([maya, ...phones].map(({ page }) => page.goto(`/boards/${boardId}/run`)));
  for (const { page } of [maya, ...phones]) await live(page);

  await test.step('before the start every phone has the running order and the safety plan', async () => {
    for (const { page } of phones) {
      await expect(page.getByTestId('run-order-name')).toHaveText(['Jordan', 'Riley', 'Aunt May']);
      await expect(page.getByTestId('run-code-word')).toHaveText(RUN_PLAN.codeWord);
      await expect(page.getByTestId('run-waiting')).toContainText('Waiting for the interventionist');
    }
    await expect(jordan.page.getByTestId('run-order-name').first()).toHaveText('Jordan');
    await lookAt(riley.page, 'run-waiting-phone');
    await riley.page.setViewportSize(PHONE);
  });

  await test.step('Maya starts and moves to the first reader: every phone follows within a second', async () => {
    await maya.page.getByRole('button', { name: 'Start the intervention' }).click();
    await expect(maya.page.getByTestId('run-next')).toHaveText('Begin: Jordan');
    const clicked = Date.now();
    await maya.page.getByTestId('run-next').click();
    const delays = await Promise.all([
      readerShown(jordan.page, 'Your turn', clicked),
      readerShown(riley.page, 'Jordan', clicked),
      readerShown(casey.page, 'Jordan', clicked),
    ]);
    expect(Math.max(...delays), `delays ${delays.join(', ')} ms`).toBeLessThan(1000);
    // Jordan reads his approved letter, large; Riley and Casey read it too: he shared it.
    await expect(jordan.page.getByTestId('run-letter')).toContainText(LETTERS.jordanImpact);
    await expect(riley.page.getByTestId('run-letter')).toContainText(LETTERS.jordanImpact);
    await expect(casey.page.getByTestId('run-letter')).toContainText(LETTERS.jordanImpact);
    await expect(jordan.page.getByTestId('run-timer')).toHaveText(/^0:0\d/);
    await lookAt(jordan.page, 'run-reading-phone');
    await jordan.page.setViewportSize(PHONE);
    await lookAt(maya.page, 'run-driver');
  });

  await test.step('a playbook opened on Maya’s screen reaches every phone; Riley is told she acts', async () => {
    await maya.page.getByRole('button', { name: 'The loved one leaves' }).click();
    for (const { page } of phones) await expect(page.getByTestId('run-playbook')).toContainText('The loved one leaves');
    await expect(riley.page.getByTestId('run-you-act')).toHaveText('You act now.');
    await expect(jordan.page.getByTestId('run-you-act')).toHaveCount(0);
    await expect(casey.page.getByTestId('run-you-act')).toHaveCount(0);
    await maya.page.getByRole('button', { name: 'Close the playbook' }).click();
    for (const { page } of phones) await expect(page.getByTestId('run-playbook')).toHaveCount(0);
  });

  await test.step('signals reach only the right people', async () => {
    await riley.page.getByRole('button', { name: 'I need to step out' }).click();
    await expect(riley.page.getByText('Sent to the interventionist only.')).toBeVisible();
    await expect(maya.page.getByTestId('run-step-out-alert')).toContainText('Riley needs to step out');
    await maya.page.getByRole('button', { name: /They left: Riley goes/ }).click();
    await expect(jordan.page.getByTestId('run-signal')).toContainText('They left: Riley goes');
    await expect(riley.page.getByTestId('run-signal')).toContainText('They left: you go.');
    await expect(maya.page.getByTestId('run-signal')).toContainText('They left: Riley goes');
    // By now anything sent to the viewer or to Jordan would have arrived with the signal above.
    await expect(casey.page.getByTestId('run-signal')).toHaveCount(0);
    for (const { page } of phones) await expect(page.getByTestId('run-step-out-alert')).toHaveCount(0);
    await lookAt(riley.page, 'run-signal-phone');
    await riley.page.setViewportSize(PHONE);
    await maya.page.getByRole('button', { name: 'All clear' }).click();
    await expect(jordan.page.getByTestId('run-signal')).toHaveCount(0);
  });

  await test.step('a phone that lost its connection keeps the order and the safety plan, and catches up', async () => {
    await jordan.context.setOffline(true);
    await expect(jordan.page.getByTestId('run-offline')).toBeVisible();
    await maya.page.getByTestId('run-next').click();
    await expect(riley.page.getByTestId('run-speaker')).toHaveText('Your turn');
    await expect(jordan.page.getByTestId('run-order-name')).toHaveText(['Jordan', 'Riley', 'Aunt May']);
    await expect(jordan.page.getByTestId('run-code-word')).toHaveText(RUN_PLAN.codeWord);
    await expect(jordan.page.getByTestId('run-speaker')).toHaveText('Your turn');
    await lookAt(jordan.page, 'run-offline-phone');
    await jordan.page.setViewportSize(PHONE);
    await jordan.context.setOffline(false);
    await expect(jordan.page.getByTestId('run-speaker')).toHaveText('Riley');
    await live(jordan.page);
    // Riley's letter is hers and the interventionist's: not on Jordan's or Casey's screen.
    await expect(jordan.page.getByTestId('letter-private')).toBeVisible();
    await expect(casey.page.getByTestId('letter-private')).toBeVisible();
    await expect(riley.page.getByTestId('run-letter')).toContainText(LETTERS.rileyImpact);
    await expect(maya.page.getByTestId('run-letter')).toContainText(LETTERS.rileyImpact);
    for (const { page } of [jordan, casey]) expect(await page.content()).not.toContain(LETTERS.rileyImpact);
  });

  await test.step('refused: the bottom-line letters in order, then the first 72 hours, on every phone', async () => {
    await maya.page.getByTestId('run-next').click();
    await expect(casey.page.getByTestId('run-speaker')).toHaveText('Aunt May');
    await maya.page.getByTestId('run-next').click();
    await expect(maya.page.getByText('Every letter has been read.')).toBeVisible();
    await maya.page.getByRole('button', { name: 'Refused treatment' }).click();
    await expect(jordan.page.getByTestId('run-speaker')).toHaveText('Your turn');
    await expect(jordan.page.getByTestId('run-letter')).toContainText(LETTERS.jordanBottom);
    for (const expected of ['Riley', 'Aunt May']) {
      await maya.page.getByTestId('run-next').click();
      await expect(casey.page.getByTestId('run-speaker')).toHaveText(expected);
    }
    await maya.page.getByTestId('run-next').click();
    for (const { page } of phones) await expect(page.getByTestId('run-72-hours')).toBeVisible();
    await lookAt(jordan.page, 'run-72-hours-phone');
  });

  await test.step('the outcome and what happened are in the debrief', async () => {
    await maya.page.goto(`/boards/${boardId}/review`);
    const form = maya.page.getByTestId('debrief-form');
    await expect(form.getByRole('radio', { name: 'Refused treatment' })).toBeChecked();
    await expect(form.getByRole('checkbox', { name: /Refused treatment/ })).toBeChecked();
    const details = form.getByLabel('What happened');
    await expect(details).toHaveValue(/\d\d:\d\d Jordan began reading their letter\./);
    await expect(details).toHaveValue(/Opened the playbook “The loved one leaves”: Riley acted\./);
    await expect(details).toHaveValue(/Outcome: refused treatment\./);
    await expect(details).not.toHaveValue(/step out/);
  });
});

test('a rehearsal shows each letter’s reading time against the guide and records no outcome', async ({ board }) => {
  const { boardId, people } = await board(['maya', 'jordan', 'riley'], { viewport: { jordan: PHONE } });
  const { maya, jordan, riley } = people;
  await prepareDay({ maya, jordan, riley }, boardId);
  await Promise.all([maya, jordan].map(({ page }) => page.goto(`/boards/${boardId}/run`)));
  await live(maya.page);
  await live(jordan.page);
  await maya.page.getByRole('button', { name: 'Start a rehearsal' }).click();
  await expect(jordan.page.getByTestId('run-rehearsal')).toHaveText('Rehearsal');
  await maya.page.getByTestId('run-next').click();
  await expect(jordan.page.getByTestId('run-timer')).toContainText('/ 2:00');
  await expect(jordan.page.getByTestId('run-letter')).toContainText('to read aloud');
  for (let i = 0; i < 3; i++) await maya.page.getByTestId('run-next').click();
  await expect(jordan.page.getByTestId('run-rehearsal-summary')).toContainText('Reading times in this rehearsal');
  await expect(jordan.page.getByTestId('run-rehearsal-summary').locator('tbody tr')).toHaveCount(3);
  // No outcome to record in a rehearsal; the bottom-line letters can be practised instead.
  await expect(maya.page.getByRole('button', { name: 'Refused treatment' })).toHaveCount(0);
  await maya.page.getByRole('button', { name: 'Practise the bottom-line letters' }).click();
  await expect(jordan.page.getByTestId('run-speaker')).toHaveText('Your turn');
  await lookAt(jordan.page, 'run-rehearsal-phone');
  await maya.page.getByRole('button', { name: 'End the rehearsal' }).click();
  await maya.page.getByRole('button', { name: 'Yes, end the rehearsal' }).click();
  await expect(jordan.page.getByTestId('run-waiting')).toContainText('The rehearsal ended');
  const debrief = await maya.context.request.get(`/api/boards/${boardId}/attempts/1/debrief`);
  expect(((await debrief.json()) as { debrief: { outcome: string } }).debrief.outcome).toBe('');
});
