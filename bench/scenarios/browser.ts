import { chromium, type Browser, type Page } from '@playwright/test';
import { sleep } from '../../test/helpers/wait';
import { CpuMeter } from '../lib/proc';
import { type Summary, summarize } from '../lib/stats';
import type { BenchOptions } from '../options';
import type { Target } from '../targets/types';
import { HOOKS_SCRIPT, type PageTimes, READ_TIMES } from './browser-hooks';
import { editableField } from './board-field';
import { type BoardPhoneResult, boardPageOnSlowPhone } from './board-phone';
import type { RunContext } from './context';
import { recordScripts, type ScriptSizes } from './phones';
import { type RunPageResult, runPageOnSlowPhone } from './run-page';

export interface BrowserResult {
  field: string;
  /** Key down in one browser -> the character in the other browser's field (DOM), ms. */
  keyToScreen: Summary;
  typed: number;
  seen: number;
  /** JavaScript the board page loads (desktop, first load), all of it. */
  js: ScriptSizes;
  /** The part of `js` that had arrived when the plan's field became editable. */
  jsUntilEditable: ScriptSizes;
  /** Navigation -> the plan's field is editable, ms (first load, cold browser cache). */
  editableMs: number;
  /**
   * The same for the very first open of a board page after the server started, kept apart:
   * that request also loads the route's modules into the server, which happens once.
   */
  firstOpenMs: number;
  serverCpu: number;
  /** The board page on the slow phone (board-phone.ts). */
  boardPhone: BoardPhoneResult;
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
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Scenario 5: two people in two browsers on one board; one types into a plan field, the time
 * until each character is in the other's field. Also the JavaScript the board page loads, and
 * the board page and the run-mode page on the slow-phone setting (phones.ts).
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
    // The first board page the server renders loads the route's modules (once per process):
    // timed apart, by the reader's browser, so the typist's figure is the page's own.
    const firstStarted = performance.now();
    await reader.goto(boardUrl);
    await editableField(reader);
    const firstOpenMs = performance.now() - firstStarted;
    await reader.goto('about:blank');
    const scripts = recordScripts(typist);
    const started = performance.now();
    await typist.goto(boardUrl);
    const field = await editableField(typist);
    const editableMs = performance.now() - started;
    const jsUntilEditable = await scripts();
    await reader.goto(boardUrl);
    const selector = `[data-field="${field}"]`;
    await reader.locator(selector).waitFor();
    // Both pages have their document synced once the field is editable and live.
    await sleep(1500);
    const js = await scripts();
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
    const boardPhone = await boardPageOnSlowPhone(browser, target, family, boardUrl);
    ctx.log(`  board page on a slow phone: editable after ${boardPhone.editableMs.toFixed(0)} ms`);
    const runPage = await runPageOnSlowPhone(browser, target);
    ctx.log(
      `  run page on a slow phone: ${(runPage.js.gzipBytes / 1024).toFixed(0)} KB of JavaScript (gzip), usable after ${runPage.usableMs.toFixed(0)} ms`,
    );
    return {
      boardPhone,
      runPage,
      field,
      keyToScreen: summarize(samples),
      typed: keys.length,
      seen: samples.length,
      js,
      jsUntilEditable,
      editableMs,
      firstOpenMs,
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
