import type { Page, WebSocket } from '@playwright/test';
import { signInThroughForm } from './fixtures/device';
import { lookAt } from './fixtures/look';
import { PASSWORD } from './fixtures/people';
import { expect, gotoBoard, openSection, PHONE, test } from './fixtures/plan';

/**
 * A quick hide that holds (docs/security.md): in reach on every screen of a phone; hiding ends
 * the live connections and leaves a neutral page at the address, which Back, reload and the
 * app's own address keep showing; on a shared computer coming back needs the password.
 */

async function scrolledToTheEnd(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

const hideButton = (page: Page) => page.getByRole('button', { name: 'Hide screen' });

test('on a phone the hide control is in reach on every screen, and hiding leaves nothing to go back to', async ({
  board,
}) => {
  const { boardId, people } = await board(['maya', 'jordan'], { viewport: { jordan: PHONE } });
  const presence = people.maya.page.getByTestId('presence').locator('li');
  const screens = people.jordan.page;
  for (const path of ['/', '/account', `/boards/${boardId}/history`, `/boards/${boardId}/review`]) {
    await screens.goto(path);
    await scrolledToTheEnd(screens);
    await expect(hideButton(screens), path).toBeInViewport();
  }
  await screens.close();

  // A page of its own, so that every socket watched here is this page's.
  const page = await people.jordan.context.newPage();
  const sockets: WebSocket[] = [];
  page.on('websocket', (socket) => sockets.push(socket));
  // Another screen of the board comes first, so that Back has a board page to go back to; the
  // way from it to the plan is the app's own link, so the page stays one document whose every
  // socket is watched.
  await page.goto(`/boards/${boardId}/history`);
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the plan' }).click();
  await expect(page.getByTestId('save-status').first()).toHaveAttribute('data-status', 'saved');
  await openSection(page, 'team');
  await expect(presence).toHaveCount(2);
  await scrolledToTheEnd(page);
  await expect(hideButton(page)).toBeInViewport();
  expect(sockets.filter((socket) => !socket.isClosed()).length).toBeGreaterThan(1);

  await hideButton(page).click();
  await expect(page).toHaveURL(/\/notes$/);
  await expect(page.getByText('No notes')).toBeVisible();
  await expect(page.getByTestId('board-title')).toHaveCount(0);
  await expect(page).toHaveTitle('Harbor');
  // Every live connection ended: the page's own sockets, and Jordan is gone from the others' presence.
  await expect.poll(() => sockets.every((socket) => socket.isClosed())).toBe(true);
  await expect(presence).toHaveCount(1);
  await lookAt(page, 'neutral-page');

  // Back (to the board's history), reload, the board's own address: the neutral page each time.
  await page.goBack();
  await expect(page).toHaveURL(/\/notes$/);
  await expect(page.getByRole('heading', { name: 'History' })).toHaveCount(0);
  await page.reload();
  await expect(page).toHaveURL(/\/notes$/);
  await page.goto(`/boards/${boardId}`);
  await expect(page).toHaveURL(/\/notes$/);
  await expect(page.getByTestId('board-title')).toHaveCount(0);

  // On one's own device the way back is the neutral page's sign-in, which offers to continue.
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByTestId('resume')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Your boards' })).toBeVisible();
  await gotoBoard(page, boardId);
});

test('Escape twice on a shared computer: the session ends, and coming back needs the password', async ({
  board,
  browser,
}) => {
  const { boardId, people } = await board(['maya', 'jordan']);
  // Jordan is here only on the shared computer.
  await people.jordan.page.close();
  await expect(people.maya.page.getByTestId('presence').locator('li')).toHaveCount(1);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughForm(page, people.jordan.email, { shared: true });
  await gotoBoard(page, boardId);
  await expect(people.maya.page.getByTestId('presence').locator('li')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/notes$/);
  await expect(page.getByText('No notes')).toBeVisible();
  // Someone else on the board no longer sees Jordan there.
  await expect(people.maya.page.getByTestId('presence').locator('li')).toHaveCount(1);

  await page.goBack();
  await expect(page).toHaveURL(/\/notes$/);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('resume')).toHaveCount(0);
  const session = await context.request.get('/api/auth/session');
  expect(await session.json()).toEqual({});
  await page.getByLabel('Email').fill(people.jordan.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await gotoBoard(page, boardId);
  await context.close();
});
