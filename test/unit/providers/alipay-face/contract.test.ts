// The Alipay face contract where the sandbox and the live adapter agree: a started check comes
// back with a certify URL, and the query of a check that passed is a match. The live adapter
// talks to a fake gateway that issues certify_ids and remembers which ones passed.
import { describe, expect, it } from "vitest";
import { alipayFace, INITIALIZE } from "../../../../src/providers/alipay-face/alipay";
import type { AlipayCertifyRequest, AlipayFaceProvider } from "../../../../src/providers/alipay-face/index";
import { sandboxAlipayFace } from "../../../../src/providers/alipay-face/sandbox";
import { TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";
import { alipaySettings, fakeAlipay, responseKey, signedBody, type GatewayRequest } from "../alipay/fake-alipay";
import { expectAnswer, SANDBOX_SERIAL } from "../contract";

const [zhang] = TEST_IDENTITIES;
const request: AlipayCertifyRequest = {
  name: zhang.name,
  idNumber: zhang.idNumber,
  outerOrderNo: "vrf0123456789abcdefABCDEF0123456",
  returnUrl: "https://verify.example.com/p/h_abc/alipay/return",
};

/** A gateway where every check it starts has passed by the time it is queried. */
function passingGateway() {
  const issued = new Set<string>();
  return fakeAlipay((sent: GatewayRequest) => {
    const method = sent.params.get("method") ?? "";
    if (method === INITIALIZE) {
      const certifyId = `ZM${String(issued.size + 1).padStart(30, "0")}`;
      issued.add(certifyId);
      return signedBody(responseKey(method), `{"code":"10000","msg":"Success","certify_id":"${certifyId}"}`);
    }
    const known = issued.has(String(sent.biz.certify_id));
    return signedBody(responseKey(method), known ? '{"code":"10000","msg":"Success","passed":"T"}' : '{"code":"40004","sub_code":"OPEN_CERTIFY_BILL_NOT_EXIST"}');
  });
}

const implementations: { title: string; make: () => AlipayFaceProvider; serial: (certifyId: string) => string | RegExp }[] = [
  { title: "sandbox", make: sandboxAlipayFace, serial: () => SANDBOX_SERIAL },
  { title: "alipay", make: () => alipayFace(alipaySettings(passingGateway().fetch)), serial: (certifyId) => certifyId },
];

describe.each(implementations)("alipay face contract: $title", ({ make, serial }) => {
  it("should start a check with a certify id and an https certify URL", async () => {
    const started = await make().start(request);
    expect(started.outcome).toBe("started");
    if (started.outcome !== "started") return;
    expect(started.certifyId).not.toBe("");
    expect(new URL(started.certifyUrl).protocol).toBe("https:");
    expect(JSON.stringify(started)).not.toContain(zhang.idNumber);
  });

  it("should answer match for the query of a check that passed", async () => {
    const provider = make();
    const started = await provider.start(request);
    if (started.outcome !== "started") throw new Error(`not started: ${started.outcome}`);
    expectAnswer(await provider.query(started.certifyId), { outcome: "match" }, serial(started.certifyId));
  });

  it("should answer unavailable, not a verdict, for a certify id it never issued", async () => {
    expect(await make().query("ZM404")).toMatchObject({ outcome: "unavailable", detail: "OPEN_CERTIFY_BILL_NOT_EXIST" });
  });
});
