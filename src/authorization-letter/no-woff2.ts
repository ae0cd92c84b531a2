// Stands in for the `brotli` package's decompressor, which fontkit imports only to read WOFF2
// fonts (88 KB of the bundle minified). The letter's font is a plain TrueType file, so WOFF2 is
// never read; wrangler.toml's [alias] points fontkit here. Loud if that ever changes.
export default function decompress(): never {
  throw new Error("WOFF2 fonts are not supported in the Worker: give the letter a .ttf");
}
