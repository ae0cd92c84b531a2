// Upstream fontkit 2 behind the interface pdf-lib was written for (fontkit 1, as forked in
// @pdf-lib/fontkit). We do not use that fork: its subsets of CJK fonts come out corrupt. The two
// differ, for pdf-lib, in one place: fontkit 2's Subset has encode() → bytes where pdf-lib calls
// encodeStream() and listens for data/end. Everything else pdf-lib reads (layout, glyph widths,
// metrics, characterSet) is the same API in both. Parsed fonts are kept per font bytes, so a
// letter font loaded once per isolate is also parsed once.
import * as fontkit from "fontkit";
import type { Fontkit2Font, Fontkit2Subset } from "fontkit";
import type { PDFDocument } from "pdf-lib";

type PdfLibFontkit = Parameters<PDFDocument["registerFontkit"]>[0];
type PdfLibFont = ReturnType<PdfLibFontkit["create"]>;

type StreamEvent = "data" | "end" | "error";
type Listener = (arg?: unknown) => void;

/** The smallest event emitter pdf-lib's CustomFontSubsetEmbedder needs: data once, then end, on the next microtask so every listener is attached. */
function encodeStream(subset: Fontkit2Subset) {
  const listeners: Partial<Record<StreamEvent, Listener>> = {};
  queueMicrotask(() => {
    try {
      const bytes = subset.encode();
      listeners.data?.(bytes);
      listeners.end?.();
    } catch (err) {
      listeners.error?.(err);
    }
  });
  const stream = {
    on(event: StreamEvent, listener: Listener) {
      listeners[event] = listener;
      return stream;
    },
  };
  return stream;
}

const parsed = new WeakMap<Uint8Array, Fontkit2Font>();

export function parseFont(bytes: Uint8Array): Fontkit2Font {
  const known = parsed.get(bytes);
  if (known) return known;
  const font = fontkit.create(bytes);
  // A collection (.ttc) would need a name to pick a face; the letter's font is one face.
  if ("fonts" in font) throw new Error("fontkit: a font collection is not supported, give one face");
  const createSubset = font.createSubset.bind(font);
  // Patched on our own instance only: each subset gains the encodeStream() pdf-lib calls.
  font.createSubset = () => {
    const subset = createSubset();
    return Object.assign(subset, { encodeStream: () => encodeStream(subset) });
  };
  parsed.set(bytes, font);
  return font;
}

export const pdfLibFontkit: PdfLibFontkit = {
  // The shapes agree everywhere pdf-lib looks (see above), which TypeScript cannot know of an untyped package.
  create: (bytes) => parseFont(bytes) as unknown as PdfLibFont,
};
