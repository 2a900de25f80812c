import { lookAt } from './fixtures/look';
import { expect, LAPTOP, PHONE, test } from './fixtures/plan';
import { LETTERS, prepareDay } from './fixtures/run-day';
import { pdfPages } from '../test/helpers/pdf-text';
import { RUN_PLAN } from '../test/helpers/run-plan';

/** Text of a PDF as one line per page, with runs of spaces as one (wrapping moves words to new lines). */
const flat = (page: string) => page.replace(/\s+/g, ' ');

test('each person’s packet, rendered as a PDF by Chromium, holds their part and nobody else’s letters', async ({
  board,
}) => {
  const { boardId, people } = await board(['maya', 'jordan', 'riley'], { viewport: { jordan: PHONE } });
  const { maya, jordan, riley } = people;
  await prepareDay({ maya, jordan, riley }, boardId);

  await test.step('Jordan prints his own packet', async () => {
    await jordan.page.goto(`/boards/${boardId}/packet`);
    await expect(jordan.page.getByRole('heading', { name: 'Jordan’s packet' })).toBeVisible();
    await lookAt(jordan.page, 'packet');
    const pdf = await jordan.page.pdf({ format: 'A4' });
    const screens = process.env.HISTORY_SCREENS;
    if (screens) {
      // What the printer gets, for a person to look at.
      await jordan.page.emulateMedia({ media: 'print' });
      await jordan.page.screenshot({ path: `${screens}/packet-print.png`, fullPage: true });
      await jordan.page.emulateMedia({ media: 'screen' });
    }
    const pages = pdfPages(pdf);
    const text = flat(pages.join(' '));
    for (const expected of [
      'Jordan’s packet',
      'You read 1st of 3.',
      'Seat: the armchair by the lamp',
      'Roles: Chair, Closer (reads last)',
      'You also read Aunt May’s letter for them.',
      LETTERS.jordanImpact,
      LETTERS.jordanBottom,
      RUN_PLAN.bottomLine,
      'The loved one leaves',
      'Who acts: Riley',
      `Code word ${RUN_PLAN.codeWord}`,
      RUN_PLAN.exits,
      `Who drives ${RUN_PLAN.driver}`,
      RUN_PLAN.clinic,
    ]) {
      expect(text, `Jordan’s PDF says “${expected}”`).toContain(expected);
    }
    expect(text).not.toContain(LETTERS.rileyImpact);
    expect(text).not.toContain(LETTERS.rileyBottom);
    // Nothing of the page's chrome is printed: no header, no buttons.
    expect(text).not.toContain('Sign out');
    expect(text).not.toContain('Print, or save as PDF');
  });

  await test.step('Riley cannot print Jordan’s; Maya prints everyone’s, one person per page', async () => {
    await riley.page.goto(`/boards/${boardId}/packet?for=${jordan.userId}`);
    await expect(riley.page.locator('#main').getByRole('alert')).toContainText(
      'Only the interventionist prints other people’s packets',
    );
    await expect(riley.page.locator('#main')).not.toContainText(LETTERS.jordanImpact);
    await maya.page.goto(`/boards/${boardId}/packet?for=all`);
    await expect(maya.page.getByTestId('packet')).toHaveCount(2);
    const pages = pdfPages(await maya.page.pdf({ format: 'A4' })).map(flat);
    const jordanPages = pages.filter((page) => page.includes('Jordan’s packet') || page.includes(LETTERS.jordanImpact));
    const rileyStart = pages.findIndex((page) => page.includes('Riley’s packet'));
    expect(rileyStart).toBeGreaterThan(0);
    // Each packet starts on a page of its own: Jordan's pages come before Riley's and hold none of hers.
    for (const page of pages.slice(0, rileyStart)) expect(page).not.toContain(LETTERS.rileyImpact);
    expect(jordanPages.length).toBeGreaterThan(0);
    const rileyText = pages.slice(rileyStart).join(' ');
    expect(rileyText).toContain(LETTERS.rileyImpact);
    expect(rileyText).toContain('Follows them if they walk out');
    expect(rileyText).not.toContain(LETTERS.jordanImpact);
    await maya.page.setViewportSize(LAPTOP);
    await lookAt(maya.page, 'packets-all');
  });
});

test('the interventionist’s overview: every board they guide and one queue of what needs them next', async ({
  board,
}) => {
  const { boardId, people } = await board(['maya', 'jordan', 'riley'], { title: 'Helping Sam' });
  const { maya, jordan, riley } = people;
  await prepareDay({ maya, jordan, riley }, boardId);
  const submitted = await riley.context.request.post(`/api/boards/${boardId}/attempts/1/reviews`, {
    data: { letter: 'impact' },
  });
  expect(submitted.ok()).toBe(true);
  const asked = await jordan.context.request.post(`/api/boards/${boardId}/attempts/1/questions`, {
    data: { question: 'Should I bring the photo album?' },
  });
  expect(asked.status()).toBe(201);
  await maya.page.goto('/');
  const overview = maya.page.getByTestId('guide-overview');
  await expect(overview.getByTestId('queue-item').filter({ hasText: 'Review Riley’s impact letter' })).toBeVisible();
  await expect(overview.getByTestId('queue-item').filter({ hasText: 'Answer Jordan’s question' })).toBeVisible();
  const sam = overview.getByTestId('guided-board').filter({ hasText: 'Helping Sam' }).first();
  await expect(sam.getByTestId('board-letters')).toHaveText('1');
  await expect(sam.getByTestId('board-questions')).toHaveText('1');
  await expect(sam.getByTestId('board-stage')).toHaveText('Planning');
  await expect(sam.getByTestId('board-next-date')).toHaveText(/Intervention 2026-12-19 at 10:00|None set/);
  await lookAt(maya.page, 'overview');
  // The queue's link takes Maya to the letters.
  await overview.getByRole('link', { name: 'Review Riley’s impact letter' }).click();
  await expect(maya.page.getByTestId('plan')).toBeVisible();
  // A relative's home page has no overview.
  await jordan.page.goto('/');
  await expect(jordan.page.getByRole('heading', { name: 'Your boards' })).toBeVisible();
  await expect(jordan.page.getByTestId('guide-overview')).toHaveCount(0);
});
