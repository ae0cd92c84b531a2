// Sample pictures of the ID card's two sides, drawn as small inline SVG (no photo of a real card,
// nothing to download): what the portrait side (人像面) and the national emblem side (国徽面) look
// like, so the applicant picks the right photo for each field. The picture is hidden from screen
// readers: its figure's caption (which names the figure) says the same in words.
const CARD = <rect x=".5" y=".5" width="85" height="53" rx="4" fill="#eef4fd" stroke="#8c959f" />;

export function IdCardSample({ side }: { side: "id_front" | "id_back" }) {
  return (
    <svg viewBox="0 0 86 54" aria-hidden="true">
      {CARD}
      {side === "id_front" ? (
        <>
          {/* Name, sex and ethnicity, birth, address on the left; the portrait on the right; the number below. */}
          <path d="M6 8h14M6 15h9m5 0h9M6 22h30M6 29h38M6 34h26" stroke="#8c959f" stroke-width="2.5" stroke-linecap="round" />
          <path d="M6 46h58" stroke="#57606a" stroke-width="3.5" stroke-linecap="round" />
          <rect x="57" y="6" width="23" height="30" rx="2" fill="#fff" stroke="#8c959f" />
          <circle cx="68.5" cy="17" r="5.5" fill="#57606a" />
          <path d="M59 36c0-7 4-10.5 9.5-10.5S78 29 78 36z" fill="#57606a" />
        </>
      ) : (
        <>
          {/* The national emblem, the two title lines, then the issuing authority and the validity dates. */}
          <circle cx="15" cy="16" r="9" fill="#c62828" />
          <path d="M15 10l1.4 4.1h4.3l-3.4 2.6 1.2 4.2-3.5-2.5-3.5 2.5 1.2-4.2-3.4-2.6h4.3z" fill="#ffd54f" />
          <path d="M31 11h42" stroke="#57606a" stroke-width="3" stroke-linecap="round" />
          <path d="M35 21h34" stroke="#57606a" stroke-width="5" stroke-linecap="round" />
          <path d="M10 38h12m4 0h40M10 45h12m4 0h40" stroke="#8c959f" stroke-width="2.5" stroke-linecap="round" />
        </>
      )}
    </svg>
  );
}
