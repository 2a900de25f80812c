/**
 * The text of a PDF that Chromium printed (Skia's PDF backend), page by page, for tests that
 * check what a printed page says. Not a general PDF reader: it knows what Skia writes (objects
 * in the clear, Flate-compressed streams, Type0 fonts with a ToUnicode map, text placed with
 * Tm/Td and shown with Tj/TJ), which is enough to read back every character it drew. A text run
 * on a new baseline starts a new line; ligatures read as their letters.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const streamAt = body.search(/\bstream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const offset = start + streamAt + (/\bstream\r\n/.test(body.slice(streamAt, streamAt + 8)) ? 8 : 7);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    let bytes: Buffer = pdf.subarray(offset, offset + length);
    if (dict.includes('/FlateDecode')) bytes = inflateSync(bytes);
    objects.set(Number(match[1]), { dict, stream: bytes });
    header.lastIndex = end;
  }
  return objects;
}

function ref(dict: string, key: string): number | null {
  const found = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return found ? Number(found[1]) : null;
}

function utf16(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** A ToUnicode CMap: glyph code (hex, 4 digits) -> the characters it stands for. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(pair[1] ?? '0', 16), utf16(pair[2] ?? ''));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of (block[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
    )) {
      const low = parseInt(range[1] ?? '0', 16);
      const high = parseInt(range[2] ?? '0', 16);
      const target = range[3] ?? '';
      if (target.startsWith('[')) {
        const each = [...target.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => utf16(m[1] ?? ''));
        each.forEach((value, i) => map.set(low + i, value));
      } else {
        const base = parseInt(target.slice(1, -1), 16);
        for (let code = low; code <= high; code++) map.set(code, String.fromCharCode(base + code - low));
      }
    }
  }
  return map;
}

interface Font {
  cmap: Map<number, string>;
  /** Glyph advance widths in thousandths of the font size (the CID font's /W), and the default. */
  widths: Map<number, number>;
  defaultWidth: number;
}

/** A CID font's /W array: `c [w1 w2 ...]` (from code c on) or `c1 c2 w` (each code in the range). */
function parseWidths(dict: string): Map<number, number> {
  const widths = new Map<number, number>();
  const body = /\/W\s*\[([\s\S]*)\]/.exec(dict)?.[1] ?? '';
  const tokens = body.match(/\[|\]|[-\d.]+/g) ?? [];
  for (let i = 0; i < tokens.length;) {
    const first = Number(tokens[i]);
    if (tokens[i + 1] === '[') {
      let code = first;
      i += 2;
      while (i < tokens.length && tokens[i] !== ']') widths.set(code++, Number(tokens[i++]));
      i++;
    } else {
      const last = Number(tokens[i + 1]);
      const width = Number(tokens[i + 2]);
      for (let code = first; code <= last; code++) widths.set(code, width);
      i += 3;
    }
  }
  return widths;
}

function codes(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) out.push(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

function decode(glyphs: number[], font: Font | undefined): string {
  return glyphs.map((code) => font?.cmap.get(code) ?? '').join('');
}

function advance(glyphs: number[], font: Font | undefined, size: number): number {
  if (!font) return 0;
  return (glyphs.reduce((sum, code) => sum + (font.widths.get(code) ?? font.defaultWidth), 0) / 1000) * size;
}

const TOKEN =
  /\/(\w+)\s+([-\d.]+)\s+Tf|([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+Tm|([-\d.]+)\s+([-\d.]+)\s+Td|<([0-9A-Fa-f]*)>\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ/g;

function pageText(content: string, fonts: Map<string, Font>): string {
  let font: Font | undefined;
  let size = 0;
  let x = 0;
  let lineX = 0;
  let y = Number.NaN;
  let lineY = Number.NaN;
  let endX = Number.NaN;
  let out = '';
  const show = (glyphs: number[]) => {
    if (!Number.isNaN(lineY) && Math.abs(y - lineY) > 1) out += '\n';
    // Another box on the same line (a table cell, a label and its value): a space between, as
    // on screen; pieces of one sentence placed apart by the layout touch, and stay together.
    else if (!Number.isNaN(endX) && x - endX > size * 0.15 && !/\s$/.test(out)) out += ' ';
    lineY = y;
    out += decode(glyphs, font);
    x += advance(glyphs, font, size);
    endX = x;
  };
  for (const token of content.matchAll(TOKEN)) {
    if (token[1] !== undefined) {
      font = fonts.get(token[1]);
      size = Number(token[2]);
    } else if (token[8] !== undefined) {
      x = lineX = Number(token[7]);
      y = Number(token[8]);
    } else if (token[10] !== undefined) {
      lineX += Number(token[9]);
      x = lineX;
      y += Number(token[10]);
    } else if (token[11] !== undefined) show(codes(token[11]));
    else if (token[12] !== undefined)
      show([...token[12].matchAll(/<([0-9A-Fa-f]*)>/g)].flatMap((m) => codes(m[1] ?? '')));
  }
  return out;
}

/** Each page's text, in page order. */
export function pdfPages(pdf: Buffer): string[] {
  const objects = parseObjects(pdf);
  const cmaps = new Map<number, Map<number, string>>();
  const fontsOf = (pageDict: string) => {
    const fonts = new Map<string, Font>();
    const block = /\/Font\s*<<([\s\S]*?)>>/.exec(pageDict)?.[1] ?? '';
    for (const [, name, id] of block.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const dict = objects.get(Number(id))?.dict ?? '';
      const cmapId = ref(dict, 'ToUnicode');
      if (cmapId === null || !name) continue;
      if (!cmaps.has(cmapId)) cmaps.set(cmapId, parseCMap(objects.get(cmapId)?.stream?.toString('latin1') ?? ''));
      const descendant = Number(/\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(dict)?.[1] ?? -1);
      const cid = objects.get(descendant)?.dict ?? '';
      fonts.set(name, {
        cmap: cmaps.get(cmapId) ?? new Map<number, string>(),
        widths: parseWidths(cid),
        defaultWidth: Number(/\/DW\s+([-\d.]+)/.exec(cid)?.[1] ?? 1000),
      });
    }
    return fonts;
  };
  const root = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict));
  const kids = [...(/\/Kids\s*\[([^\]]*)\]/.exec(root?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) =>
    Number(m[1]),
  );
  return kids.map((id) => {
    const page = objects.get(id)?.dict ?? '';
    const contents = [...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map(
      (m) => objects.get(Number(m[1]))?.stream?.toString('latin1') ?? '',
    );
    // Ligature glyphs map to their compatibility characters (U+FB02 "fl"): read as the letters.
    return pageText(contents.join('\n'), fontsOf(page)).normalize('NFKC');
  });
}

/** The whole document's text, pages separated by a form feed. */
export function pdfText(pdf: Buffer): string {
  return pdfPages(pdf).join('\f');
}
