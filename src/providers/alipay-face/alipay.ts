// Alipay face live: `start` registers the check (alipay.user.certify.open.initialize) and signs
// the certify page URL locally; `query` reads the verdict (alipay.user.certify.open.query).
// Alipay's certify_id is the serial: it is what Alipay's support traces a check by. It must never
// log or return the name, the ID number or the keys.
import { z } from "zod";
import { unavailable } from "../answer";
import { ALIPAY_PROVIDER, alipayPageUrl, callAlipay, type AlipaySettings } from "../alipay/client";
import type { AlipayFaceProvider } from "./index";

export const INITIALIZE = "alipay.user.certify.open.initialize";
export const CERTIFY = "alipay.user.certify.open.certify";
export const QUERY = "alipay.user.certify.open.query";

const startedSchema = z.looseObject({ certify_id: z.string().min(1) });

export function alipayFace(settings: AlipaySettings): AlipayFaceProvider {
  // The return URL was registered with the check at initialize; the page URL carries only its id.
  const certifyUrl = (certifyId: string) => alipayPageUrl(settings, CERTIFY, { certify_id: certifyId });
  return {
    async start({ name, idNumber, outerOrderNo, returnUrl }) {
      const reply = await callAlipay(settings, INITIALIZE, {
        outer_order_no: outerOrderNo,
        biz_code: "FACE",
        identity_param: { identity_type: "CERT_INFO", cert_type: "IDENTITY_CARD", cert_name: name, cert_no: idNumber },
        merchant_config: { return_url: returnUrl },
      });
      if (reply.outcome === "unavailable") return reply;
      const started = startedSchema.safeParse(reply.body);
      if (!started.success) return unavailable(ALIPAY_PROVIDER, "unexpected_response");
      const certifyId = started.data.certify_id;
      const url = await certifyUrl(certifyId);
      if (typeof url !== "string") return url;
      return { outcome: "started", provider: ALIPAY_PROVIDER, serial: certifyId, certifyId, certifyUrl: url };
    },

    certifyUrl,

    async query(certifyId) {
      const reply = await callAlipay(settings, QUERY, { certify_id: certifyId });
      if (reply.outcome === "unavailable") return reply;
      // "F" is both a failed check and one not finished yet; Alipay does not tell them apart.
      if (reply.body.passed === "T") return { outcome: "match", provider: ALIPAY_PROVIDER, serial: certifyId };
      if (reply.body.passed === "F") return { outcome: "no_match", reason: "not_passed", provider: ALIPAY_PROVIDER, serial: certifyId };
      return unavailable(ALIPAY_PROVIDER, "unexpected_response");
    },
  };
}
