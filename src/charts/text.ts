/**
 * Text measures for SVG drawn without a layout engine (render functions also run in jsdom,
 * which measures nothing): widths are estimated from the character count, generously, so a
 * label given room by these estimates is never clipped in the browser.
 */

/** The smallest text any chart or map draws, in CSS pixels at the size it is shown. */
export const MIN_FONT_SIZE = 12;

/** Average advance of a character as a share of the font size (GDS Transport runs wide). */
const CHARACTER_WIDTH = 0.62;

/** Estimated width of `text` at `fontSize` pixels. */
export function textWidth(text: string, fontSize = MIN_FONT_SIZE): number {
  return Math.ceil(text.length * fontSize * CHARACTER_WIDTH);
}

/** Splits text into lines of at most `limit` characters at spaces (a word longer than that stands alone). */
export function wrapText(text: string, limit: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines of `text` that each fit in `width` pixels at `fontSize` (by the estimate above). */
export function wrapToWidth(text: string, width: number, fontSize = MIN_FONT_SIZE): string[] {
  const limit = Math.max(4, Math.floor(width / (fontSize * CHARACTER_WIDTH)));
  return wrapText(text, limit);
}
