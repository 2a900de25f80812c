import { expect, gotoBoard, openSection, PHONE, signIn, test } from './fixtures/plan';
import { openLetters } from './fixtures/letters';
import { lookAt } from './fixtures/look';
import { PASSWORD, uniqueEmail } from './fixtures/people';

/**
 * The accessibility scan (axe) of every screen, at 1280 and 375 px (lookAt): every section of
 * the board as the interventionist, a relative and a viewer see it, the letters' review queue,
 * a frozen plan, a closed attempt and the next one, the history, the review page, the home
 * page, signing in, registering and an invite.
 */
const SECTIONS = [
  'approach',
  'team',
  'letters',
  'bottom-lines',
  'contingencies',
  'objections',
  'treatment',
  'logistics',
  'safety',
  'questions',
  'readiness',
];

test('every section of the board, as each role sees it, has no serious accessibility violations', async ({ board }) => {
  test.setTimeout(240_000);
  const { people } = await board(['maya', 'jordan', 'casey'], { section: 'team' });
  const { maya, jordan, casey } = people;
  await maya.page.getByRole('button', { name: /Add everyone on this board/ }).click();
  await expect(jordan.page.getByTestId('speaker')).toHaveCount(2);
  // A letter waiting in the queue, and one person's letters open.
  await openSection(jordan.page, 'letters');
  const mine = jordan.page.getByTestId('letter-card').filter({ hasText: 'Your letters' });
  await mine.getByTestId('letter-impact').click();
  await jordan.page.keyboard.type('Sam, you are an addict and you always let us down.');
  await expect(jordan.page.getByTestId('save-status').last()).toHaveAttribute('data-status', 'saved');
  await mine.getByRole('button', { name: 'Send to the interventionist' }).first().click();
  await expect(mine.getByTestId('review-status').first()).toHaveText('Waiting for review');

  for (const [person, sections] of [
    [maya, [...SECTIONS, 'notes']],
    [jordan, SECTIONS],
    [casey, SECTIONS],
  ] as const) {
    for (const section of sections) {
      await openSection(person.page, section);
      if (section === 'letters' && person === maya) {
        await expect(maya.page.getByTestId('queued-letter')).toBeVisible();
        await openLetters(maya.page, 'Jordan');
      }
      await lookAt(person.page, `board-${person.name.toLowerCase()}-${section}`);
    }
  }
  // On a phone the section menu is a select.
  await jordan.page.setViewportSize(PHONE);
  await expect(jordan.page.getByLabel('Section', { exact: true })).toBeVisible();
});

test('a frozen plan, a closed attempt, the next attempt, the history and the review page have no serious violations', async ({
  board,
}) => {
  test.setTimeout(180_000);
  const { boardId, people } = await board(['maya', 'jordan'], { section: 'logistics' });
  const { maya, jordan } = people;
  await jordan.page.getByLabel('Place', { exact: true }).fill('the kitchen');

  const freeze = (frozen: boolean) =>
    maya.context.request.put(`/api/boards/${boardId}/attempts/1/freeze`, { data: { frozen } });
  expect((await freeze(true)).ok()).toBe(true);
  await expect(jordan.page.getByTestId('read-only-banner')).toContainText('frozen');
  await lookAt(jordan.page, 'board-frozen');
  expect((await freeze(false)).ok()).toBe(true);
  await expect(jordan.page.getByTestId('plan')).toHaveAttribute('data-read-only', 'false');

  await jordan.page.goto(`/boards/${boardId}/history`);
  await expect(jordan.page.getByTestId('moment').first()).toBeVisible();
  await lookAt(jordan.page, 'history');

  await jordan.page.goto(`/boards/${boardId}/review`);
  const form = jordan.page.getByTestId('debrief-form');
  await form.getByRole('radio', { name: 'Refused treatment' }).check();
  await form.getByLabel('Lessons for next time').fill('Meet in the morning.');
  await expect(jordan.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await lookAt(jordan.page, 'review');

  const staged = await maya.context.request.post(`/api/boards/${boardId}/attempts`);
  expect(staged.ok(), await staged.text()).toBe(true);
  await jordan.page.reload();
  await expect(jordan.page.getByTestId('first-72-hours')).toHaveAttribute('data-active', 'true');
  await lookAt(jordan.page, 'review-after-staging');
  await gotoBoard(jordan.page, boardId, 'logistics');
  await expect(jordan.page.getByTestId('carried-lessons')).toContainText('Meet in the morning.');
  await lookAt(jordan.page, 'board-next-attempt');
  await jordan.page.getByTestId('attempt-picker').selectOption('1');
  await expect(jordan.page.getByTestId('read-only-banner')).toContainText('closed');
  await lookAt(jordan.page, 'board-closed-attempt');
});

test('the home page, signing in, registering and an invite have no serious violations', async ({ board, browser }) => {
  const { boardId, people } = await board(['maya']);
  const { maya } = people;
  await maya.page.goto('/');
  await expect(maya.page.getByRole('heading', { name: 'Your boards' })).toBeVisible();
  await lookAt(maya.page, 'home');

  const invite = await maya.context.request.post(`/api/boards/${boardId}/invites`, { data: { role: 'family' } });
  const { token } = (await invite.json()) as { token: string };
  const stranger = await browser.newContext();
  try {
    const page = await stranger.newPage();
    await page.goto('/');
    await lookAt(page, 'landing');
    await page.goto('/signin');
    await expect(page.getByLabel('Email')).toBeVisible();
    await lookAt(page, 'sign-in');
    await page.goto('/register');
    await expect(page.getByLabel('Your name')).toBeVisible();
    await lookAt(page, 'register');
    // An invite as its recipient sees it once signed in.
    const email = uniqueEmail('Invitee');
    const registered = await stranger.request.post('/api/register', {
      data: { name: 'Ines', email, password: PASSWORD },
    });
    expect(registered.status()).toBe(201);
    await signIn(stranger, email, PASSWORD);
    await page.goto(`/invite/${token}`);
    await expect(page.getByRole('heading').first()).toBeVisible();
    await lookAt(page, 'invite');
  } finally {
    await stranger.close();
  }
});
