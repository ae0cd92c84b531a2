// The one way the real adapters reach Tencent Cloud: sign, POST to https://{service}.tencentcloudapi.com,
// parse the `Response` envelope. Transport failures and account-wide errors become `unavailable`
// here, once; errors about the request itself go back to the adapter, which knows what they mean.
// It must never throw for a vendor failure, log a payload (it holds ID numbers), or read env.
import { z } from "zod";
import { unavailable, type UnavailableAnswer } from "../answer";
import { postForText, type Transport } from "../deadline";
import { signTc3 } from "./tc3";

export const TENCENTCLOUD_PROVIDER = "tencentcloud";

export type TencentCloudCredentials = { secretId: string; secretKey: string };

/** What every real adapter is built with; the transport is injected so tests replay responses. */
export type TencentCloudSettings = Transport & {
  credentials: TencentCloudCredentials;
  region: string;
};

export type TencentCloudCall = TencentCloudSettings & {
  service: string;
  action: string;
  version: string;
  payload: Record<string, unknown>;
};

/** A parsed `Response`. `error` is set when Tencent answered with `Response.Error`. */
export type TencentCloudReply = {
  outcome: "response";
  requestId: string;
  body: Record<string, unknown>;
  error?: { code: string; message: string };
};

const envelopeSchema = z.object({
  Response: z.looseObject({
    RequestId: z.string().min(1),
    Error: z.object({ Code: z.string(), Message: z.string().default("") }).optional(),
  }),
});

// Error families that say nothing about the applicant: the account, the keys, the quota or the
// platform. Trying again later (or fixing the configuration) is the only remedy, so they never
// count as a failed verification attempt.
const SYSTEM_ERROR_FAMILIES = [
  "AuthFailure",
  "DryRunOperation",
  "InternalError",
  "InvalidAction",
  "IpInBlacklist",
  "IpNotInWhitelist",
  "NoSuchProduct",
  "NoSuchVersion",
  "RequestLimitExceeded",
  "ResourceUnavailable",
  "ResourcesSoldOut",
  "ServiceUnavailable",
  "UnauthorizedOperation",
  "UnsupportedProtocol",
  "UnsupportedRegion",
] as const;

export function isSystemError(code: string): boolean {
  const family = code.split(".", 1)[0] ?? code;
  return (SYSTEM_ERROR_FAMILIES as readonly string[]).includes(family);
}

export async function callTencentCloud(call: TencentCloudCall): Promise<TencentCloudReply | UnavailableAnswer> {
  const host = `${call.service}.tencentcloudapi.com`;
  const payload = JSON.stringify(call.payload);
  const signed = await signTc3({
    secretId: call.credentials.secretId,
    secretKey: call.credentials.secretKey,
    service: call.service,
    host,
    action: call.action,
    version: call.version,
    region: call.region,
    timestamp: Math.floor(call.now() / 1000),
    payload,
  });

  const sent = await postForText(call, `https://${host}/`, { headers: signed.headers, body: payload });
  if ("detail" in sent) return unavailable(TENCENTCLOUD_PROVIDER, sent.detail);
  let json: unknown;
  try {
    json = JSON.parse(sent.text);
  } catch {
    return unavailable(TENCENTCLOUD_PROVIDER, "invalid_json");
  }

  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) return unavailable(TENCENTCLOUD_PROVIDER, "unexpected_response");
  const body = parsed.data.Response;
  const error = body.Error;
  if (error === undefined) return { outcome: "response", requestId: body.RequestId, body };
  if (isSystemError(error.Code)) return unavailable(TENCENTCLOUD_PROVIDER, error.Code);
  return { outcome: "response", requestId: body.RequestId, body, error: { code: error.Code, message: error.Message } };
}
