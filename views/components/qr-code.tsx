// A QR code rendered on the server as one SVG path, no client script. Dark modules are drawn as
// horizontal runs, which keeps the markup small; the quiet zone is the 4 modules the spec asks.
import { raw } from "hono/html";
import { encode } from "uqr";

export function qrPath(text: string): { size: number; d: string } {
  const { data, size } = encode(text, { ecc: "L", border: 0 });
  let d = "";
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x++;
      d += `M${start + 4} ${y + 4}h${x - start}v1h-${x - start}z`;
    }
  });
  return { size: size + 8, d };
}

export function QrCode({ text, label, pixels = 264 }: { text: string; label: string; pixels?: number }) {
  const { size, d } = qrPath(text);
  return raw(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${label.replace(/"/g, "&quot;")}" width="${pixels}" height="${pixels}" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`,
  );
}
