// Our MD5 against Node's own, over the lengths where the padding changes (55, 56, 63, 64 bytes)
// and over text as Alipay's SNs hash it (an RFC 2253 name and a decimal serial).
import { describe, expect, it } from "vitest";
import { md5Hex } from "../../../src/crypto/md5";

type NodeCrypto = { createHash(algorithm: "md5"): { update(data: Uint8Array): { digest(encoding: "hex"): string } } };
const NODE_CRYPTO = "node:crypto";
const node: NodeCrypto = await import(NODE_CRYPTO);
const nodeMd5 = (bytes: Uint8Array) => node.createHash("md5").update(bytes).digest("hex");

describe("md5Hex", () => {
  it("should give RFC 1321's test values", () => {
    expect(md5Hex(new Uint8Array())).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(md5Hex(new TextEncoder().encode("abc"))).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(md5Hex(new TextEncoder().encode("message digest"))).toBe("f96b697d7cb7938d525a2f31aaf161d0");
  });

  it("should agree with Node's at every padding boundary and on long and non-ASCII input", () => {
    for (const length of [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) % 256);
      expect(md5Hex(bytes), String(length)).toBe(nodeMd5(bytes));
    }
    const name = new TextEncoder().encode("CN=蚂蚁金服测试,OU=Certification Authority,O=Ant Financial,C=CN340282366920938463463374607431768211455");
    expect(md5Hex(name)).toBe(nodeMd5(name));
  });
});
