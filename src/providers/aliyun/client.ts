// The one way the live adapters reach Aliyun's RPC APIs: sign with ACS3-HMAC-SHA256, POST the
// parameters as a form body, parse the JSON answer. Every fault (transport, HTTP status, any Code
// but Success) becomes `unavailable` here, once. It must never throw for a vendor failure, log a
// payload (it holds names and ID numbers), or read env.
import { z } from "zod";
import { toHex } from "../../crypto/encoding";
import { unavailable, type UnavailableAnswer } from "../answer";
import { deadline, isDeadlineError, type Transport } from "../deadline";
import { formBody, signAcs3 } from "./acs3";

export const ALIYUN_PROVIDER = "aliyun";

// In the body, not the query string the SDKs use: a URL is what proxies and request traces keep,
// and this one would carry a legal representative's name and ID number. The RPC gateway takes form
// parameters from the body; were one ever refused, it answers MissingParameter, which reads as
// unavailable here, never as a verdict.
const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
const SUCCESS = "Success";

export type AliyunCredentials = { accessKeyId: string; accessKeySecret: string };

/** What every Aliyun adapter is built with; the transport is injected so tests replay responses. */
export type AliyunSettings = Transport & { credentials: AliyunCredentials };

export type AliyunCall = AliyunSettings & {
  host: string;
  action: string;
  version: string;
  params: Readonly<Record<string, string>>;
};

/** An answer whose Code was Success; `body` is the whole JSON object. */
export type AliyunReply = { outcome: "response"; requestId: string; body: Record<string, unknown> };

const envelopeSchema = z.looseObject({ RequestId: z.string().min(1), Code: z.string() });
const errorSchema = z.looseObject({ Code: z.string().min(1) });

export async function callAliyun(call: AliyunCall): Promise<AliyunReply | UnavailableAnswer> {
  const body = formBody(call.params);
  const signed = await signAcs3({
    accessKeyId: call.credentials.accessKeyId,
    accessKeySecret: call.credentials.accessKeySecret,
    host: call.host,
    action: call.action,
    version: call.version,
    timestamp: Math.floor(call.now() / 1000),
    nonce: toHex(crypto.getRandomValues(new Uint8Array(16))),
    contentType: FORM_CONTENT_TYPE,
    body,
  });

  const sent = await exchange(call, `https://${call.host}/`, { headers: signed.headers, body });
  if ("detail" in sent) return unavailable(ALIYUN_PROVIDER, sent.detail);
  const json = parseJson(sent.text);
  if (!sent.ok) {
    // Aliyun names its refusals (Forbidden.AccountAccessDenied, Throttling.User, …): the log says which.
    const error = errorSchema.safeParse(json);
    return unavailable(ALIYUN_PROVIDER, error.success ? safeDetail(error.data.Code) : `http_${sent.status}`);
  }
  if (json === undefined) return unavailable(ALIYUN_PROVIDER, "invalid_json");
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return unavailable(ALIYUN_PROVIDER, "unexpected_response");
  if (envelope.data.Code !== SUCCESS) return unavailable(ALIYUN_PROVIDER, safeDetail(envelope.data.Code));
  return { outcome: "response", requestId: envelope.data.RequestId, body: envelope.data };
}

/**
 * One POST under one deadline, body included, as deadline.ts's postForText, but reading the body
 * of a refusal too: Aliyun answers 4xx with a JSON Code worth logging.
 */
async function exchange(
  transport: Pick<Transport, "fetch" | "timeoutMs">,
  url: string,
  init: { headers: Record<string, string>; body: string },
): Promise<{ ok: boolean; status: number; text: string } | { detail: string }> {
  const signal = deadline(transport.timeoutMs);
  try {
    const response = await transport.fetch(url, { method: "POST", ...init, signal });
    return { ok: response.ok, status: response.status, text: await response.text() };
  } catch (error) {
    return { detail: isDeadlineError(error) ? "timeout" : "network_error" };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A vendor code for the log, in a character set safe anywhere. */
function safeDetail(code: string): string {
  return code.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 64);
}
