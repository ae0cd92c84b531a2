// The legal texts: the two pages in both languages, and a 404 for any other name, including
// the names every JavaScript object inherits.
import { describe, expect, it } from "vitest";
import { call } from "../helpers";

describe("legal pages", () => {
  it.each([
    ["/legal/service-agreement", "服务协议"],
    ["/legal/privacy?lang=en", "Privacy"],
  ])("should show %s", async (path, title) => {
    const res = await call(path);
    expect(res.status).toBe(200);
    expect(res.text).toContain(title);
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "nope"])("should answer 404 to /legal/%s", async (name) => {
    const res = await call(`/legal/${name}`);
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: "not_found" });
  });
});
