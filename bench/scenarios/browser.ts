import { chromium, type Browser, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { sleep } from '../../test/helpers/wait';
import { CpuMeter } from '../lib/proc';
import { type Summary, summarize } from '../lib/stats';
import type { BenchOptions } from '../options';
import type { Target } from '../targets/types';
import { HOOKS_SCRIPT, type PageTimes, READ_TIMES } from './browser-hooks';
import type { RunContext } from './context';
import { type RunPageResult, runPageOnSlowPhone } from './run-page';

export interface BrowserResult {
  field: string;
  /** Key down in one browser -> the character in the other browser's field (DOM), ms. */
  keyToScreen: Summary;
  typed: number;
  seen: number;
  /** JavaScript the board page loads: files, bytes as served, bytes gzipped (level 6). */
  js: { files: number; rawBytes: number; gzipBytes: number; largest: { file: string; gzipBytes: number }[] };
  /** Navigation -> the plan's field is editable, ms (first load, cold browser cache). */
  editableMs: number;
  serverCpu: number;
  /** The run-mode page on a slow phone (run-page.ts). */
  runPage: RunPageResult;
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
/** The plan's first free-text field; any other editable plan field is used if it is gone. */
const PREFERRED_FIELD = 'approach:-:goals';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Scenario 5: two people in two browsers on one board; one types into a plan field, the time
 * until each character is in the other's field. Also the JavaScript the board page loads, and
 * the run-mode page on the slow-phone setting (run-page.ts).
 */
export async function runBrowser(
  target: Target,
  options: BenchOptions['browser'],
  ctx: RunContext,
): Promise<BrowserResult> {
  const [board] = await target.prepareBoards(1, 2);
  const [lead, family] = target.accounts();
  if (!board || !lead || !family) throw new Error('the browser scenario needs the product and two people');
  const boardUrl = `${target.httpBase}/boards/${board.docName.split('/')[1] ?? ''}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
  try {
    const typist = await openAs(browser, target, lead.sessionCookie());
    const reader = await openAs(browser, target, family.sessionCookie());
    const scripts: Promise<{ file: string; raw: number; gzip: number }>[] = [];
    typist.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const file = new URL(response.url()).pathname;
      scripts.push(
        response.body().then(
          (body) => ({ file, raw: body.length, gzip: gzipSync(body, { level: 6 }).length }),
          () => ({ file, raw: 0, gzip: 0 }),
        ),
      );
    });
    const started = performance.now();
    await typist.goto(boardUrl);
    const field = await findField(typist);
    const editableMs = performance.now() - started;
    await reader.goto(boardUrl);
    const selector = `[data-field="${field}"]`;
    await reader.locator(selector).waitFor();
    // Both pages have their document synced once the field is editable and live.
    await sleep(1500);
    const sizes = await Promise.all(scripts);
    const watch = (page: Page) => page.$eval(selector, (el) => ((el as HTMLElement).dataset.benchWatch = '1'));
    await typist.click(selector);
    await typist.keyboard.press('End');
    // Watched only now, so that the click and End above are not counted as typed characters.
    await watch(typist);
    await watch(reader);
    const baseLength = await reader.$eval(selector, (el) => (el as HTMLTextAreaElement).value.length);

    const serverMeter = new CpuMeter(() => target.pids);
    serverMeter.start();
    for (let i = 0; i < options.characters; i++) {
      await typist.keyboard.type(LETTERS[i % LETTERS.length] ?? 'a');
      await sleep(options.gapMs);
    }
    await sleep(1500);
    const serverCpu = serverMeter.read();

    const { keys } = await typist.evaluate<PageTimes>(READ_TIMES);
    const { sets } = await reader.evaluate<PageTimes>(READ_TIMES);
    const samples: number[] = [];
    keys.forEach((keyAt, i) => {
      const shown = sets.find(([length, at]) => length >= baseLength + i + 1 && at >= keyAt);
      if (shown) samples.push(shown[1] - keyAt);
    });
    ctx.log(`  browser: ${samples.length}/${keys.length} characters seen, field ${field}`);
    const runPage = await runPageOnSlowPhone(browser, target);
    ctx.log(
      `  run page on a slow phone: ${(runPage.js.gzipBytes / 1024).toFixed(0)} KB of JavaScript (gzip), usable after ${runPage.usableMs.toFixed(0)} ms`,
    );
    return {
      runPage,
      field,
      keyToScreen: summarize(samples),
      typed: keys.length,
      seen: samples.length,
      js: {
        files: sizes.length,
        rawBytes: sizes.reduce((s, x) => s + x.raw, 0),
        gzipBytes: sizes.reduce((s, x) => s + x.gzip, 0),
        largest: [...sizes]
          .sort((a, b) => b.gzip - a.gzip)
          .slice(0, 5)
          .map((x) => ({ file: x.file, gzipBytes: x.gzip })),
      },
      editableMs,
      serverCpu,
    };
  } finally {
    await browser.close();
  }
}

async function openAs(browser: Browser, target: Target, cookie: { name: string; value: string }): Promise<Page> {
  const context = await browser.newContext();
  const host = new URL(target.httpBase).hostname;
  await context.addCookies([
    { name: cookie.name, value: cookie.value, domain: host, path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  await context.addInitScript({ content: HOOKS_SCRIPT });
  return context.newPage();
}

/** The preferred plan field if the page has it, else the first editable text field of the plan. */
async function findField(page: Page): Promise<string> {
  const editable = 'textarea[data-field]:not([readonly]), input[type="text"][data-field]:not([readonly])';
  await page.locator(editable).first().waitFor({ timeout: 30_000 });
  const fields = await page.$$eval(editable, (els) => els.map((el) => el.getAttribute('data-field') ?? ''));
  const field = fields.includes(PREFERRED_FIELD) ? PREFERRED_FIELD : fields.find((f) => f !== '');
  if (!field) throw new Error('the board page has no editable plan field');
  return field;
}
