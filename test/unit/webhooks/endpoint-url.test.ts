import { describe, expect, it } from "vitest";
import { endpointUrlProblem } from "../../../src/webhooks/endpoint-url";

// [url, problem with a test key, problem with a live key]; null means accepted.
const CASES: [string, string | null, string | null][] = [
  ["https://partner.example/hooks", null, null],
  ["https://hooks.partner.example:8443/a?b=c", null, null],
  ["https://8.8.8.8/h", null, null],
  ["https://[2606:4700:4700::1111]/h", null, null],
  ["https://[::ffff:8.8.8.8]/h", null, null],
  ["https://172.32.0.1/h", null, null],
  ["https://100.128.0.1/h", null, null],
  ["https://partner.example./h", null, null],
  // the partner's own machine: test keys only, http too
  ["http://localhost:3000/hooks", null, "test_mode_only"],
  ["http://127.0.0.1:8080/h", null, "test_mode_only"],
  ["http://[::1]:8080/h", null, "test_mode_only"],
  ["https://localhost/h", null, "test_mode_only"],
  ["http://LOCALHOST./h", null, "test_mode_only"],
  // scheme
  ["http://partner.example/hooks", "insecure_url", "insecure_url"],
  ["ftp://partner.example/hooks", "insecure_url", "insecure_url"],
  ["not a url", "invalid_format", "invalid_format"],
  // userinfo
  ["https://user:pass@partner.example/h", "url_credentials", "url_credentials"],
  ["https://user@partner.example/h", "url_credentials", "url_credentials"],
  ["https://:pass@partner.example/h", "url_credentials", "url_credentials"],
  ["http://user:pass@localhost/h", "url_credentials", "url_credentials"],
  // IPv4 literals, in every form the parser turns into a dotted quad (127.0.0.1 is the dev host)
  ["https://127.0.0.2/h", "private_address", "private_address"],
  ["https://2130706433/h", null, "test_mode_only"],
  ["https://0x7f000001/h", null, "test_mode_only"],
  ["https://0177.0.0.1/h", null, "test_mode_only"],
  ["https://127.1/h", null, "test_mode_only"],
  ["https://%31%32%37.0.0.2/h", "private_address", "private_address"],
  ["https://0x0a.1/h", "private_address", "private_address"],
  ["https://167772161/h", "private_address", "private_address"],
  ["https://10.0.0.1/h", "private_address", "private_address"],
  ["https://172.16.0.1/h", "private_address", "private_address"],
  ["https://172.31.255.255/h", "private_address", "private_address"],
  ["https://192.168.1.1/h", "private_address", "private_address"],
  ["https://169.254.169.254/latest/meta-data", "private_address", "private_address"],
  ["https://100.64.0.1/h", "private_address", "private_address"],
  ["https://100.127.255.255/h", "private_address", "private_address"],
  ["https://0.0.0.0/h", "private_address", "private_address"],
  ["https://0/h", "private_address", "private_address"],
  ["https://224.0.0.1/h", "private_address", "private_address"],
  ["https://255.255.255.255/h", "private_address", "private_address"],
  // IPv6 literals
  ["https://[::]/h", "private_address", "private_address"],
  ["https://[0:0:0:0:0:0:0:1]/h", null, "test_mode_only"],
  ["https://[fe80::1]/h", "private_address", "private_address"],
  ["https://[febf:ffff::1]/h", "private_address", "private_address"],
  ["https://[fc00::1]/h", "private_address", "private_address"],
  ["https://[fd12:3456::1]/h", "private_address", "private_address"],
  ["https://[ff02::1]/h", "private_address", "private_address"],
  ["https://[::ffff:127.0.0.1]/h", "private_address", "private_address"],
  ["https://[::ffff:7f00:1]/h", "private_address", "private_address"],
  ["https://[::ffff:10.1.2.3]/h", "private_address", "private_address"],
  ["https://[::ffff:169.254.169.254]/h", "private_address", "private_address"],
  ["https://[::127.0.0.1]/h", "private_address", "private_address"],
  ["https://[64:ff9b::10.0.0.1]/h", "private_address", "private_address"],
  ["https://[2002:c0a8:101::1]/h", "private_address", "private_address"],
  // names that only resolve inside a network
  ["https://intranet/h", "internal_host", "internal_host"],
  ["https://metadata.google.internal/computeMetadata/v1/", "internal_host", "internal_host"],
  ["https://printer.local/h", "internal_host", "internal_host"],
  ["https://app.localhost/h", "internal_host", "internal_host"],
  ["https://APP.LOCALHOST./h", "internal_host", "internal_host"],
  ["https://nas.home.arpa/h", "internal_host", "internal_host"],
  ["https://ｌｏｃａｌｈｏｓｔ/h", null, "test_mode_only"],
];

describe("webhook endpoint URLs", () => {
  it.each(CASES)("should judge %s as %s with a test key and %s with a live key", (url, test, live) => {
    expect(endpointUrlProblem(url, false)).toBe(test);
    expect(endpointUrlProblem(url, true)).toBe(live);
  });
});
