import type { Browser, CDPSession, Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import type { Account } from '../targets/accounts';
import type { Target } from '../targets/types';

/**
 * The slow phone: a mid-range phone on a poor mobile connection, as Lighthouse's mobile profile
 * has it: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trips, the CPU four times slower, an
 * empty cache, a 375 px screen.
 */
export const SLOW_PHONE = {
  latencyMs: 150,
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
  cpuSlowdown: 4,
  viewport: { width: 375, height: 780 },
};

/** JavaScript a page loads: files, bytes as served, bytes gzipped (level 6), the largest files. */
export interface ScriptSizes {
  files: number;
  rawBytes: number;
  gzipBytes: number;
  largest: { file: string; gzipBytes: number }[];
}

/** A page measured on a phone without throttling and on the slow phone, with what it loaded there. */
export interface OnPhones<T> {
  fast: T;
  slow: T;
  js: ScriptSizes;
}

/** Records every script `page` loads from now on; the returned function sums them up. */
export function recordScripts(page: Page): () => Promise<ScriptSizes> {
  const scripts: Promise<{ file: string; raw: number; gzip: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const file = new URL(response.url()).pathname;
    scripts.push(
      response.body().then(
        (body) => ({ file, raw: body.length, gzip: gzipSync(body, { level: 6 }).length }),
        () => ({ file, raw: 0, gzip: 0 }),
      ),
    );
  });
  return async () => {
    const sizes = await Promise.all(scripts);
    return {
      files: sizes.length,
      rawBytes: sizes.reduce((s, x) => s + x.raw, 0),
      gzipBytes: sizes.reduce((s, x) => s + x.gzip, 0),
      largest: [...sizes]
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 5)
        .map((x) => ({ file: x.file, gzipBytes: x.gzip })),
    };
  };
}

async function slowDown(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_PHONE.latencyMs,
    downloadThroughput: SLOW_PHONE.downloadBytesPerSecond,
    uploadThroughput: SLOW_PHONE.uploadBytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
}

/** A fresh phone-sized context (empty cache) signed in as `who`, on the slow-phone setting when `slow`. */
async function openPhone(
  browser: Browser,
  target: Target,
  who: Account,
  slow: boolean,
): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: SLOW_PHONE.viewport, isMobile: true, hasTouch: true });
  const host = new URL(target.httpBase).hostname;
  const cookie = who.sessionCookie();
  await context.addCookies([{ ...cookie, domain: host, path: '/', httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  if (slow) await slowDown(await context.newCDPSession(page));
  return { page, close: () => context.close() };
}

/**
 * Opens `url` as `who` on a phone without throttling, then on the slow phone, each in a fresh
 * context; `load` navigates and times what matters on that page. One procedure for every page
 * the bench measures on a phone (the run page, the board page), so their figures compare.
 */
export async function onPhones<T>(
  browser: Browser,
  target: Target,
  who: Account,
  url: string,
  load: (page: Page, url: string) => Promise<T>,
): Promise<OnPhones<T>> {
  const fastPhone = await openPhone(browser, target, who, false);
  let fast: T;
  try {
    fast = await load(fastPhone.page, url);
  } finally {
    await fastPhone.close();
  }
  const slowPhone = await openPhone(browser, target, who, true);
  try {
    const scripts = recordScripts(slowPhone.page);
    const slow = await load(slowPhone.page, url);
    return { fast, slow, js: await scripts() };
  } finally {
    await slowPhone.close();
  }
}
