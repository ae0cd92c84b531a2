// The SSRF rules of endpoint-url.ts through the real route, so the URL parser is workerd's own.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, newKey, newPartner } from "../helpers";
import { consume, createdThroughDomain, partnerWithEndpoint, receiver, RecordingQueue, testEnv } from "./harness";

const create = (key: string, url: string) => call("/v1/webhook_endpoints", { key, body: { url } });

const MESSAGES: Record<string, string> = {
  url_credentials: '"url" must not contain a user name or password.',
  private_address: '"url" must not point to a private, loopback, link-local or reserved IP address.',
  internal_host: '"url" must use a public domain name (not a single-label name, nor one ending in .internal, .local or .localhost).',
  test_mode_only: '"url" points to this machine (localhost), which only a test key (sk_test_) may use.',
};

function expectRefused(res: Awaited<ReturnType<typeof call>>, code: string) {
  expect(res.status).toBe(400);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.json).toEqual({
    type: "https://shiming.dev/problems/validation_error",
    title: "The request is not valid",
    status: 400,
    code: "validation_error",
    detail: MESSAGES[code],
    errors: [{ path: "url", code, message: MESSAGES[code] }],
  });
}

describe("webhook endpoint URLs", () => {
  it.each([
    ["https://user:pass@partner.example/h", "url_credentials"],
    ["https://hook@partner.example/h", "url_credentials"],
    ["https://169.254.169.254/latest/meta-data/", "private_address"],
    ["https://0xa9.0xfe.0xa9.0xfe/", "private_address"],
    ["https://2852039166/", "private_address"],
    ["https://012.1/", "private_address"],
    ["https://127.0.0.2/", "private_address"],
    ["https://100.64.1.1/", "private_address"],
    ["https://172.20.0.1/", "private_address"],
    ["https://192.168.0.10/", "private_address"],
    ["https://0.0.0.0/", "private_address"],
    ["https://[::]/", "private_address"],
    ["https://[fe80::1]/", "private_address"],
    ["https://[fd00::1]/", "private_address"],
    ["https://[::ffff:10.0.0.1]/", "private_address"],
    ["https://[::ffff:a9fe:a9fe]/", "private_address"],
    ["https://intranet/h", "internal_host"],
    ["https://metadata.google.internal/", "internal_host"],
    ["https://nas.local/", "internal_host"],
    ["https://admin.localhost/", "internal_host"],
  ])("should refuse %s with %s, for test keys too, and store nothing", async (url, code) => {
    const { testKey } = await newPartner();
    expectRefused(await create(testKey, url), code);
    expect((await call("/v1/webhook_endpoints", { key: testKey })).json.data).toEqual([]);
  });

  it.each(["http://localhost:3000/hooks", "http://127.0.0.1:8080/h", "http://[::1]:8080/h", "https://0x7f.1/h"])("should accept %s for a test key and refuse it for a live key", async (url) => {
    const p = await newPartner();
    const made = await create(p.testKey, url);
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ url, livemode: false });
    const live = await newKey(p.id, "live");
    expectRefused(await create(live.key, url), "test_mode_only");
    expect((await call("/v1/webhook_endpoints", { key: live.key })).json.data).toEqual([]);
  });

  it("should accept a public https URL for a live key", async () => {
    const p = await newPartner();
    const live = await newKey(p.id, "live");
    const made = await create(live.key, "https://hooks.partner.example/live");
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ url: "https://hooks.partner.example/live", livemode: true });
  });

  it("should not send to an endpoint stored before the rules, and abandon its delivery", async () => {
    const p = await partnerWithEndpoint();
    await env.DB.prepare("update webhook_endpoints set url = ? where id = ?").bind("https://169.254.169.254/latest/meta-data/", p.endpoint.id).run();
    const queue = new RecordingQueue();
    const worker = testEnv(queue);
    const hook = receiver();
    await createdThroughDomain(queue, p.id);
    await consume(worker, queue.take()); // fan-out
    await consume(worker, queue.take()); // the attempt
    expect(hook.received).toEqual([]);
    expect(queue.sent).toEqual([]);
    const rows = await env.DB.prepare("select status, attempts from webhook_deliveries where endpoint_id = ?").bind(p.endpoint.id).all();
    expect(rows.results).toEqual([{ status: "abandoned", attempts: 1 }]);
  });
});
