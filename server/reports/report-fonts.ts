import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import opentype, { type Font, type PathCommand } from 'opentype.js';
import type { TFontDictionary } from 'pdfmake/interfaces';

/*
 * The shipped Noto Sans for the PDF. @fontsource splits it by script into one file per Unicode
 * subset, and a PDF font is one file: so text is cut into runs, each set in the first face that has
 * its characters (Latin, Cyrillic, Cyrillic-ext for Ә Ғ Қ Ң Ө Ү Һ, Latin-ext for the tenge sign) —
 * as the receipt printer does (src/devices/printer/receipt-font.ts). pdfmake embeds only the glyphs
 * used, so four faces cost little.
 */

const SUBSETS = ['latin', 'cyrillic', 'cyrillic-ext', 'latin-ext'] as const;
type Subset = (typeof SUBSETS)[number];

const require = createRequire(import.meta.url);
const fontPath = (subset: Subset, weight: 400 | 700) => require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`);
/** pdfmake's family name for a subset's face. */
const familyOf = (subset: Subset) => `NotoSans-${subset}`;

export const DEFAULT_FAMILY = familyOf('latin');

/** Font paths for pdfmake, and the only files its local access policy lets it read. */
export function pdfFonts(): { fonts: TFontDictionary; paths: Set<string> } {
  const fonts: TFontDictionary = {};
  const paths = new Set<string>();
  for (const subset of SUBSETS) {
    const normal = fontPath(subset, 400);
    const bold = fontPath(subset, 700);
    fonts[familyOf(subset)] = { normal, bold, italics: normal, bolditalics: bold };
    paths.add(normal).add(bold);
  }
  return { fonts, paths };
}

const faces = new Map<400 | 700, { family: string; font: Font }[]>();

function loadFaces(weight: 400 | 700 = 400) {
  let loaded = faces.get(weight);
  if (!loaded) {
    loaded = SUBSETS.map((subset) => {
      const bytes = readFileSync(fontPath(subset, weight));
      return { family: familyOf(subset), font: opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) };
    });
    faces.set(weight, loaded);
  }
  return loaded;
}

export interface FontRun {
  text: string;
  font: string;
}

/**
 * `text` cut into runs by the face that has each character; a character no face has stays with the
 * run it is in (it prints as a blank box, as in any font without it).
 */
export function fontRuns(text: string): FontRun[] {
  const all = loadFaces();
  const runs: FontRun[] = [];
  for (const char of text) {
    const current = runs.at(-1);
    // Spaces, digits and punctuation are in several faces: they stay in the run they are in.
    if (current && all.find((f) => f.family === current.font)?.font.hasChar(char)) {
      current.text += char;
      continue;
    }
    const family: string = all.find((f) => f.font.hasChar(char))?.family ?? current?.font ?? DEFAULT_FAMILY;
    if (current && current.font === family) current.text += char;
    else runs.push({ text: char, font: family });
  }
  return runs;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };
const decode = (xml: string) => xml.replace(/&(?:amp|lt|gt|quot|#39|apos);/g, (e) => ENTITIES[e] ?? e);

const advance = (font: Font, text: string, size: number) =>
  [...text].reduce((sum, char) => sum + ((font.charToGlyph(char).advanceWidth ?? 0) * size) / font.unitsPerEm, 0);

const num = (v: number) => String(Math.round(v * 100) / 100);

/** A glyph's outline (font units, y up) as SVG path data at (x, baseline), y down. */
function glyphPath(commands: readonly PathCommand[], x: number, baseline: number, scale: number): string {
  const px = (gx: number) => num(x + gx * scale);
  const py = (gy: number) => num(baseline - gy * scale);
  return commands
    .map((c) => {
      switch (c.type) {
        case 'M':
        case 'L':
          return `${c.type}${px(c.x)} ${py(c.y)}`;
        case 'Q':
          return `Q${px(c.x1)} ${py(c.y1)} ${px(c.x)} ${py(c.y)}`;
        case 'C':
          return `C${px(c.x1)} ${py(c.y1)} ${px(c.x2)} ${py(c.y2)} ${px(c.x)} ${py(c.y)}`;
        case 'Z':
          return 'Z';
      }
    })
    .join('');
}

/** Attributes a text's outline keeps: where it is and how it is painted (a halo's stroke is dropped: it would cover the fill). */
const KEPT = new Set(['transform', 'fill', 'fill-opacity', 'opacity']);

/**
 * An SVG (ECharts' SSR output) whose texts are drawn as outlines of the shipped faces. An SVG text
 * names one font family, which no single subset file covers for Kazakh, and the PDF's SVG renderer
 * misplaces runs of several fonts in one text; outlines look the same everywhere. The numbers and
 * words of a chart are also in the PDF's tables, where they can be searched and copied.
 */
export function svgTextAsOutlines(svg: string): string {
  const regular = loadFaces(400);
  const bold = loadFaces(700);
  return svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (_all, attributes: string, content: string) => {
    const attrs = new Map([...attributes.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const style = attrs.get('style') ?? '';
    const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 12);
    const faces = /font-weight:\s*(bold|bolder|[6-9]00)/.test(style) ? bold : regular;
    const text = decode(content);
    const runs = fontRuns(text).map((r) => ({ ...r, font: faces.find((f) => f.family === r.font)!.font }));
    const width = runs.reduce((sum, r) => sum + advance(r.font, r.text, size), 0);
    const anchor = attrs.get('text-anchor');
    const x = Number(attrs.get('x') ?? 0) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
    const first = faces[0]!.font;
    const scale = size / first.unitsPerEm;
    const baseline = attrs.get('dominant-baseline');
    const y =
      Number(attrs.get('y') ?? 0) +
      (baseline === 'central' || baseline === 'middle'
        ? ((first.ascender + first.descender) / 2) * scale
        : baseline === 'hanging' || baseline === 'text-before-edge'
          ? first.ascender * scale
          : baseline === 'ideographic' || baseline === 'text-after-edge'
            ? first.descender * scale
            : 0);
    let d = '';
    let penX = x;
    for (const run of runs) {
      for (const char of run.text) {
        const glyph = run.font.charToGlyph(char);
        d += glyphPath(glyph.path.commands, penX, y, size / run.font.unitsPerEm);
        penX += ((glyph.advanceWidth ?? 0) * size) / run.font.unitsPerEm;
      }
    }
    const kept = [...attrs].filter(([name]) => KEPT.has(name)).map(([name, value]) => ` ${name}="${value}"`);
    return `<path d="${d}"${kept.join('')}/>`;
  });
}
