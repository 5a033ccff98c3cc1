import opentype, { type Font, type Glyph } from 'opentype.js';

/** A glyph outline as closed polygons in dots, y down: what the rasterizer fills. */
export type Polygon = Array<[number, number]>;

/** Segments per curve: at receipt sizes (24–32 dots) a curve's error stays under a tenth of a dot. */
const CURVE_STEPS = 8;

/**
 * The shipped font, for text printed as an image. @fontsource splits Noto Sans by script, so the
 * faces are searched in order for each character (Latin, Cyrillic, Kazakh letters, the tenge sign).
 * Measuring and drawing use only arithmetic, so a receipt rasterizes the same in the kiosk and in Node.
 */
export class ReceiptFont {
  readonly #faces: readonly Font[];
  /** Of the first face, in em: all subsets of one family share the metrics. */
  readonly ascent: number;
  readonly descent: number;

  constructor(faces: readonly Font[]) {
    const first = faces[0];
    if (!first) throw new Error('a receipt font needs at least one face');
    this.#faces = faces;
    this.ascent = first.ascender / first.unitsPerEm;
    this.descent = -first.descender / first.unitsPerEm;
  }

  /** From the bytes of WOFF or OpenType files, in the order the faces are searched. */
  static parse(files: readonly ArrayBuffer[]): ReceiptFont {
    return new ReceiptFont(files.map((file) => opentype.parse(file)));
  }

  #glyph(char: string): { glyph: Glyph; unitsPerEm: number } {
    const face = this.#faces.find((f) => f.hasChar(char)) ?? (this.#faces[0] as Font);
    return { glyph: face.charToGlyph(char), unitsPerEm: face.unitsPerEm };
  }

  /** Width in dots of `text` set at `size` dots to the em. */
  measure(text: string, size: number): number {
    let width = 0;
    for (const char of text) {
      const { glyph, unitsPerEm } = this.#glyph(char);
      width += ((glyph.advanceWidth ?? 0) * size) / unitsPerEm;
    }
    return width;
  }

  /** The outlines of `text` with its baseline starting at (x, baseline). */
  outline(text: string, size: number, x: number, baseline: number): Polygon[] {
    const polygons: Polygon[] = [];
    let penX = x;
    for (const char of text) {
      const { glyph, unitsPerEm } = this.#glyph(char);
      const scale = size / unitsPerEm;
      const at = (gx: number, gy: number): [number, number] => [penX + gx * scale, baseline - gy * scale];
      let polygon: Polygon = [];
      let last: [number, number] = [0, 0];
      for (const command of glyph.path.commands) {
        if (command.type === 'M') {
          if (polygon.length > 2) polygons.push(polygon);
          polygon = [at(command.x, command.y)];
          last = [command.x, command.y];
        } else if (command.type === 'L') {
          polygon.push(at(command.x, command.y));
          last = [command.x, command.y];
        } else if (command.type === 'Q') {
          for (let i = 1; i <= CURVE_STEPS; i++) {
            const t = i / CURVE_STEPS;
            const u = 1 - t;
            polygon.push(at(u * u * last[0] + 2 * u * t * command.x1 + t * t * command.x, u * u * last[1] + 2 * u * t * command.y1 + t * t * command.y));
          }
          last = [command.x, command.y];
        } else if (command.type === 'C') {
          for (let i = 1; i <= CURVE_STEPS; i++) {
            const t = i / CURVE_STEPS;
            const u = 1 - t;
            const a = u * u * u;
            const b = 3 * u * u * t;
            const c = 3 * u * t * t;
            const d = t * t * t;
            polygon.push(
              at(a * last[0] + b * command.x1 + c * command.x2 + d * command.x, a * last[1] + b * command.y1 + c * command.y2 + d * command.y),
            );
          }
          last = [command.x, command.y];
        }
      }
      if (polygon.length > 2) polygons.push(polygon);
      penX += (glyph.advanceWidth ?? 0) * scale;
    }
    return polygons;
  }
}
