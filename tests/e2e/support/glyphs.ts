/**
 * Whether text in a font stack renders as real glyphs or as "tofu" (the box drawn for a
 * character no font has). Each character is drawn alone on a canvas: a missing glyph looks the
 * same whatever the character, so real glyphs are inked, differ from one another, and differ
 * from the rendering of a code point no font covers.
 */
import type { Page } from 'playwright-core';

export interface GlyphReport {
  readonly character: string;
  /** Pixels with any ink. */
  readonly inked: number;
  /** Drawn exactly like a code point that no font has. */
  readonly likeMissing: boolean;
}

export async function renderGlyphs(
  page: Page,
  text: string,
  fontFamily: string,
): Promise<{ glyphs: GlyphReport[]; distinct: number }> {
  return page.evaluate(
    ({ text, fontFamily }) => {
      const size = 32;
      const canvas = document.createElement('canvas');
      canvas.width = size * 2;
      canvas.height = size * 2;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('no 2D canvas');
      const draw = (character: string) => {
        context.clearRect(0, 0, canvas.width, canvas.height);
        context.font = `${size}px ${fontFamily}`;
        context.fillStyle = '#000';
        context.fillText(character, size / 4, size * 1.25);
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let bits = '';
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) {
          const on = (data[i] ?? 0) > 0;
          bits += on ? '1' : '0';
          if (on) inked += 1;
        }
        return { bits, inked };
      };
      // U+10FFFD: a private-use code point at the very end of Unicode, in no font.
      const missing = draw('\u{10FFFD}');
      const seen = new Set<string>();
      const glyphs = [...new Set(text)].map((character) => {
        const { bits, inked } = draw(character);
        seen.add(bits);
        return { character, inked, likeMissing: bits === missing.bits };
      });
      return { glyphs, distinct: seen.size };
    },
    { text, fontFamily },
  );
}
