import type { BenchResults } from './results';
import { noiseOf, productAtMost, type Row, row, value } from './row';

/** The bounds of issue 19 for the board page (gzip KB, ms). */
const BOARD_JS_KB = 200;
const BOARD_EDITABLE_MS = 400;
const BOARD_SLOW_PHONE_MS = 2000;

const kb = (bytes: number) => bytes / 1024;

/** Scenario 5, the product only: two browsers on one board, the board page and the run page on phones. */
export function browserRows(results: BenchResults): Row[] {
  if (!results.browser) return [];
  const br = value(results.browser.product);
  const board = br?.boardPhone;
  const run = br?.runPage;
  const at = { scenario: '5 browser', unit: 'ms' };
  const cpu = { product: br?.serverCpu ?? null };
  const files = (js: { files: number; rawBytes: number } | undefined) =>
    js ? `${js.files} files, ${kb(js.rawBytes).toFixed(0)} KB raw` : '';
  return [
    row({
      ...at,
      metric: 'keystroke -> other browser p50',
      values: { product: br?.keyToScreen.p50 ?? null },
      cpu,
      note: br ? `${br.seen}/${br.typed} seen, field ${br.field}${noiseOf(results.browser)}` : '',
    }),
    row({ ...at, metric: 'keystroke -> other browser p99', values: { product: br?.keyToScreen.p99 ?? null }, cpu }),
    row(
      {
        ...at,
        metric: 'board page JavaScript (gzip)',
        values: { product: br ? kb(br.js.gzipBytes) : null },
        unit: 'KB',
        bound: `<= ${BOARD_JS_KB} KB`,
        note: files(br?.js),
      },
      productAtMost(BOARD_JS_KB),
    ),
    // What a person waits for before they can type; the bound stays on all of it (above).
    row({
      ...at,
      metric: 'board page JavaScript until editable (gzip)',
      values: { product: br?.jsUntilEditable ? kb(br.jsUntilEditable.gzipBytes) : null },
      unit: 'KB',
      note: br?.jsUntilEditable
        ? `${files(br.jsUntilEditable)}; a relative's slow phone ${board ? kb(board.js.gzipBytes).toFixed(0) : '-'} KB (its own page)`
        : '',
    }),
    row(
      {
        ...at,
        metric: 'board page open -> field editable',
        values: { product: br?.editableMs ?? null },
        bound: `<= ${BOARD_EDITABLE_MS} ms`,
        note: br
          ? `desktop, empty cache, same machine; the first board page after the server started ${br.firstOpenMs.toFixed(0)} ms (it loads the route's modules)`
          : '',
      },
      productAtMost(BOARD_EDITABLE_MS),
    ),
    row(
      {
        ...at,
        metric: 'board page, slow phone: open -> field editable',
        values: { product: board?.editableMs ?? null },
        bound: `<= ${BOARD_SLOW_PHONE_MS} ms`,
        note: board
          ? `phone without throttling ${board.fast.editableMs.toFixed(0)} ms; 1.6 Mbit/s, 150 ms, CPU x4, no cache`
          : '',
      },
      productAtMost(BOARD_SLOW_PHONE_MS),
    ),
    row({
      ...at,
      metric: 'run page JavaScript (gzip)',
      values: { product: run ? kb(run.js.gzipBytes) : null },
      unit: 'KB',
      note: files(run?.js),
    }),
    row({
      ...at,
      metric: 'run page, slow phone: open -> order and safety plan shown',
      values: { product: run?.contentMs ?? null },
      note: run ? `phone without throttling ${run.fast.contentMs.toFixed(0)} ms` : '',
    }),
    row({
      ...at,
      metric: 'run page, slow phone: open -> usable (live)',
      values: { product: run?.usableMs ?? null },
      note: run
        ? `phone without throttling ${run.fast.usableMs.toFixed(0)} ms; 1.6 Mbit/s, 150 ms, CPU x4, no cache`
        : '',
    }),
  ];
}
