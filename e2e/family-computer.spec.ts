import type { Page } from '@playwright/test';
import { IPHONE_AGENT, localCopies, signInThroughForm } from './fixtures/device';
import { lookAt } from './fixtures/look';
import { PASSWORD, uniqueEmail } from './fixtures/people';
import { expect, expectSaved, gotoBoard, PHONE, signIn, test } from './fixtures/plan';

/**
 * The family computer (docs/security.md): a shared-computer sign-in keeps nothing in the
 * browser and ends when idle; on one's own device the copies go when the session ends anywhere,
 * on removal and on deletion; signing out with unsent edits asks first.
 */

const place = (page: Page) => page.getByLabel('Place', { exact: true });

/** Until this device holds a copy of the board's plan (the own-device behaviour). */
async function expectCopyOf(page: Page, boardId: string): Promise<void> {
  await expect
    .poll(async () => (await localCopies(page)).some((name) => name.includes(`board/${boardId}/`)))
    .toBe(true);
}

test('a shared-computer sign-in keeps nothing of the board in the browser and ends after the idle limit', async ({
  board,
  browser,
}) => {
  const { boardId, people } = await board(['maya', 'jordan'], { section: 'logistics' });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/signin');
  await expect(page.getByLabel('This is a shared or family computer')).toBeVisible();
  await lookAt(page, 'signin-shared-choice');
  await signInThroughForm(page, people.jordan.email, { shared: true });

  // The session cookie has no expiry: it goes when the browser closes.
  const cookie = (await context.cookies()).find((c) => c.name.includes('session-token'));
  expect(cookie?.expires).toBe(-1);

  await gotoBoard(page, boardId, 'logistics');
  await place(page).fill('the community hall');
  await expectSaved(page);
  await expect(place(people.maya.page)).toHaveValue('the community hall');
  expect(await localCopies(page)).toEqual([]);

  // Nobody touches it: the page leaves the board for the sign-in on its own (12 s in these tests).
  await expect(page).toHaveURL(/\/signin\?ended=idle/, { timeout: 40_000 });
  await expect(page.getByRole('status').filter({ hasText: 'signed out after' })).toBeVisible();
  await page.goto(`/boards/${boardId}`);
  await expect(page).toHaveURL(/\/signin\?next=/);
  expect(await localCopies(page)).toEqual([]);
  await context.close();
});

test('a second device signed out from the first: its page ends at once and its copies are deleted', async ({
  board,
  browser,
}) => {
  const { boardId, people } = await board(['jordan'], { section: 'logistics' });
  const laptop = people.jordan.page;
  const phoneContext = await browser.newContext({ viewport: PHONE, userAgent: IPHONE_AGENT });
  await signIn(phoneContext, people.jordan.email, PASSWORD);
  const phone = await phoneContext.newPage();
  await gotoBoard(phone, boardId, 'logistics');
  await place(phone).fill('the lake house');
  await expectSaved(phone);
  await expectCopyOf(phone, boardId);

  await laptop.goto('/account');
  const phoneRow = laptop.getByTestId('device').filter({ hasText: 'Safari on iPhone' });
  await expect(phoneRow).toBeVisible();
  await expect(laptop.getByTestId('device').filter({ hasText: 'This device' })).toHaveCount(1);
  await lookAt(laptop, 'account');
  await phoneRow.getByRole('button', { name: 'Sign out Safari on iPhone' }).click();
  await expect(phoneRow).toHaveCount(0);

  await expect(phone.getByText('You were signed out. Sign in again to continue.')).toBeVisible();
  await expect(phone.getByTestId('plan')).toHaveCount(0);
  await expect.poll(() => localCopies(phone)).toEqual([]);
  await phone.reload();
  await expect(phone).toHaveURL(/\/signin/);
  // The laptop is still signed in.
  await gotoBoard(laptop, boardId, 'logistics');
  await expect(place(laptop)).toHaveValue('the lake house');
  await phoneContext.close();
});

test('signing out with edits not yet sent asks first', async ({ board, browser }) => {
  const { boardId, people } = await board(['jordan']);
  // A sign-in of its own: signing out must not end the session the other tests share.
  const context = await browser.newContext();
  await signIn(context, people.jordan.email, PASSWORD);
  let yjsBlocked = false;
  await context.routeWebSocket(/\/yjs\//, (socket) => {
    if (yjsBlocked) void socket.close();
    else socket.connectToServer();
  });
  const page = await context.newPage();
  await gotoBoard(page, boardId, 'logistics');
  await place(page).fill('the park');
  await expectSaved(page);
  yjsBlocked = true;
  await context.setOffline(true);
  await expect(page.getByTestId('offline-banner')).toContainText('offline');
  await place(page).fill('the park, by the gate');

  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain('have not reached the server');
  // Stayed: still signed in, the edit still on this device.
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await expectCopyOf(page, boardId);

  await context.setOffline(false);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect(await localCopies(page)).toEqual([]);
  await context.close();
});

test("removal from a board, and a board's deletion, delete that device's copies of it", async ({ board }) => {
  const first = await board(['maya', 'jordan'], { section: 'logistics' });
  const { maya, jordan } = first.people;
  await place(jordan.page).fill('the hall');
  await expectSaved(jordan.page);
  await expectCopyOf(jordan.page, first.boardId);

  const removed = await maya.context.request.delete(`/api/boards/${first.boardId}/members/${jordan.userId}`);
  expect(removed.ok()).toBe(true);
  await expect(jordan.page.getByText('You no longer have access to this board.')).toBeVisible();
  await expect
    .poll(async () => (await localCopies(jordan.page)).some((name) => name.includes(first.boardId)))
    .toBe(false);

  const second = await board(['maya', 'jordan'], { section: 'logistics', title: 'Helping Jo' });
  await place(second.people.jordan.page).fill('the porch');
  await expectSaved(second.people.jordan.page);
  await expectCopyOf(second.people.jordan.page, second.boardId);
  const deleted = await second.people.maya.context.request.delete(`/api/boards/${second.boardId}`, {
    data: { confirmTitle: 'Helping Jo' },
  });
  expect(deleted.status()).toBe(204);
  await expect(second.people.jordan.page.getByText('This board was deleted.')).toBeVisible();
  await expect.poll(() => localCopies(second.people.jordan.page)).toEqual([]);
});

test('changing the password signs the other devices out; signing out everywhere ends this one too', async ({
  browser,
}) => {
  // An account of its own: signing out everywhere would end the sessions the other tests share.
  const email = uniqueEmail('Robin');
  const laptopContext = await browser.newContext();
  const registered = await laptopContext.request.post('/api/register', {
    data: { name: 'Robin', email, password: PASSWORD },
  });
  expect(registered.status()).toBe(201);
  await signIn(laptopContext, email, PASSWORD);
  const created = await laptopContext.request.post('/api/boards', { data: { title: 'Helping Sam' } });
  const { board } = (await created.json()) as { board: { id: string } };
  const phoneContext = await browser.newContext({ viewport: PHONE, userAgent: IPHONE_AGENT });
  await signIn(phoneContext, email, PASSWORD);
  const phone = await phoneContext.newPage();
  await gotoBoard(phone, board.id, 'logistics');
  await expect(place(phone)).toBeVisible();

  const laptop = await laptopContext.newPage();
  await laptop.goto('/account');
  const newPassword = 'a much longer new password';
  await laptop.getByLabel('Current password').fill(PASSWORD);
  await laptop.getByLabel('New password').fill(newPassword);
  await laptop.getByRole('button', { name: 'Change password' }).click();
  await expect(laptop.getByText('Signed out on 1 other device.')).toBeVisible();
  // The phone's page ends at once; the laptop stays signed in.
  await expect(phone.getByText('You were signed out. Sign in again to continue.')).toBeVisible();
  await expect(laptop.getByTestId('device')).toHaveCount(1);

  // The old password no longer opens the account; the new one does, in another browser.
  const other = await browser.newContext();
  await expect(signIn(other, email, PASSWORD)).rejects.toThrow();
  await signIn(other, email, newPassword);
  await laptop.reload();
  await expect(laptop.getByTestId('device')).toHaveCount(2);

  laptop.once('dialog', (dialog) => void dialog.accept());
  await laptop.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(laptop).toHaveURL(/\/signin/);
  const otherPage = await other.newPage();
  await otherPage.goto(`/boards/${board.id}`);
  await expect(otherPage).toHaveURL(/\/signin\?next=/);
  for (const context of [laptopContext, phoneContext, other]) await context.close();
});
