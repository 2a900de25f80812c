import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { newPerson, PASSWORD, register, uniqueEmail } from './fixtures/people';

/**
 * A link anyone can craft ("sign in to see the plan") must not take a relative from the real
 * sign-in page to another site. Browsers drop tabs and newlines from URLs, so a `next=` of
 * "/\t/evil.example" is "//evil.example": another host, unless the page refuses it.
 */

const EVIL = 'http://evil.example';
const CRAFTED = ['/\t/evil.example', '/\n/evil.example', '/\\evil.example', '/.//evil.example'];

/** Answers any visit to the other site with a page that says so, instead of a network error. */
async function fakeOtherSite(context: BrowserContext): Promise<string[]> {
  const visits: string[] = [];
  await context.route(`${EVIL}/**`, async (route) => {
    visits.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Not Harbor</h1>' });
  });
  return visits;
}

async function expectStillHere(page: Page, visits: string[], baseURL: string | undefined): Promise<void> {
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin);
  expect(visits).toEqual([]);
}

test('after registering, a crafted next= stays on this site', async ({ browser, baseURL }) => {
  for (const next of CRAFTED.slice(0, 2)) {
    const page = await newPerson(browser);
    const visits = await fakeOtherSite(page.context());
    await register(page, 'Jordan', uniqueEmail('jordan'), next);
    await expectStillHere(page, visits, baseURL);
    await page.context().close();
  }
});

test('after signing in, a crafted next= stays on this site; a path of this site is followed', async ({
  browser,
  baseURL,
}) => {
  const email = uniqueEmail('riley');
  const setup = await browser.newContext();
  const registered = await setup.request.post('/api/register', { data: { name: 'Riley', email, password: PASSWORD } });
  expect(registered.status()).toBe(201);
  await setup.close();

  const signIn = async (next: string): Promise<{ page: Page; visits: string[] }> => {
    const page = await newPerson(browser);
    const visits = await fakeOtherSite(page.context());
    await page.goto(`/signin?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return { page, visits };
  };

  for (const next of CRAFTED) {
    const { page, visits } = await signIn(next);
    await expectStillHere(page, visits, baseURL);
    await expect(page).toHaveURL(/\/$/);
    await page.context().close();
  }
  const { page } = await signIn('/?from=invite');
  await expect(page).toHaveURL(/\/\?from=invite$/);
  await page.context().close();
});
