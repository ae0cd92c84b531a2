// What an unexpected error leaves in the log: its name and a first line cut before any
// parameters, so ids, URLs and personal data that a query or a fetch failed on never get there.
import { describe, expect, it, vi } from "vitest";
import { errorSummary, logError } from "../../src/log";

describe("errorSummary", () => {
  it("should log the driver's reason for a failed drizzle query, not the query or its parameters", () => {
    const error = new Error('Failed query: update "verifications" set "person_phone_enc" = ? where "id" = ?\nparams: v1.abc,ver_Zw6KOWxgUtFW0ToEdm80ZSaS', {
      cause: new Error("D1_ERROR: UNIQUE constraint failed: verifications.id"),
    });
    expect(errorSummary(error)).toEqual({ error: "Error: Error", message: "D1_ERROR: UNIQUE constraint failed: verifications.id" });
  });

  it("should cut parameters and everything after the first line from any message", () => {
    const summary = errorSummary(new TypeError("fetch failed for https://partner.example/hook?token=secret params: 13800000000\nstack"));
    expect(summary.message).toBe("fetch failed for https://partner.example/hook?token=secret");
    expect(errorSummary(new Error("line one\nver_secret on line two")).message).toBe("line one");
    expect(errorSummary(new Error("x".repeat(500))).message).toHaveLength(200);
  });

  it("should say only the type of something thrown that is not an Error", () => {
    expect(errorSummary("13800000000")).toEqual({ error: "string", message: "" });
  });

  it("should write one JSON line with our own fields and the summary", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    logError("face_check_failed", new Error("boom\nparams: 110101199003071233"), { route: "POST /p/clip" });
    expect(JSON.parse(spy.mock.calls[0]![0] as string)).toEqual({ level: "error", what: "face_check_failed", route: "POST /p/clip", error: "Error", message: "boom" });
    spy.mockRestore();
  });
});
