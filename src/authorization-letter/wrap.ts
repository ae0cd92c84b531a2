// Line breaking for the letter's Chinese text: a line may break between any two characters, except
// that closing punctuation (，。）etc.) never starts a line and opening punctuation never ends one
// (the common 禁则 of Chinese typesetting). A closing mark that does not fit hangs past the margin
// rather than drag a character down with it. Pure: widths come from the caller.

const NO_LINE_START = new Set([..."，。、；：？！）》」』】〕〉”’,.;:?!)]}%％·…—"]);
const NO_LINE_END = new Set([..."（《「『【〔〈“‘([{"]);

export function wrapText(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let line: string[] = [];
  for (const ch of chars) {
    const fits = widthOf(line.join("") + ch) <= maxWidth;
    if (fits || line.length === 0 || NO_LINE_START.has(ch)) {
      line.push(ch);
      continue;
    }
    // Carry an opening mark at the line's end down with the character it opens.
    const carried: string[] = [];
    while (line.length > 1 && NO_LINE_END.has(line[line.length - 1]!)) carried.unshift(line.pop()!);
    lines.push(line.join(""));
    line = [...carried, ch];
  }
  if (line.length > 0) lines.push(line.join(""));
  return lines;
}
