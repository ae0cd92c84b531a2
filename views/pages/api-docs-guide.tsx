// /docs, the partner's first read: a quick start from creating a verification to checking its
// result token, sample bodies and the main sandbox values. The facts are the README's; the full
// sandbox table is docs/sandbox.md.
const json = (value: unknown) => JSON.stringify(value, null, 2);

const SAMPLE_REQUEST = { type: "person", methods: ["mobile3", "bankcard4", "face"], reference: "order-42", redirect_url: "https://partner.example/back" };

const sampleResponse = (origin: string) => ({
  id: "ver_3kTMd2Xw9QpLrV7nB1cZ8yHs",
  object: "verification",
  type: "person",
  status: "pending",
  methods: ["mobile3", "bankcard4", "face"],
  method: null,
  url: `${origin}/v/ver_3kTMd2Xw9QpLrV7nB1cZ8yHs`,
  expires_at: "2026-12-04T09:00:00.000Z",
  reference: "order-42",
  redirect_url: "https://partner.example/back",
  locale: "zh-CN",
  livemode: false,
  options: { collect_id_validity: false, collect_id_images: false },
  person: { name: null, id_number: null, phone: null },
  organization: null,
  failure_reason: null,
  failed_attempts: 0,
  created_at: "2026-12-03T09:00:00.000Z",
  completed_at: null,
});

// A refused request and the answer the API gives it (test/worker/routes/docs.test.ts posts it and compares).
export const SAMPLE_INVALID_REQUEST = { type: "person", methods: ["mobile3", "selfie"], person: { id_number: "11010519491231002" } };

export const SAMPLE_PROBLEM = {
  type: "https://shiming.dev/problems/validation_error",
  title: "The request is not valid",
  status: 400,
  detail: "2 fields of the request body are not valid; see errors.",
  code: "validation_error",
  errors: [
    {
      path: "methods.1",
      code: "invalid_value",
      message: '"methods[1]" must be one of: mobile3, bankcard4, face, legal_rep_quick, legal_rep_personal, legal_rep_authorization, transfer_forward, transfer_reverse.',
    },
    {
      path: "person.id_number",
      code: "invalid_length",
      message: '"person.id_number" has the wrong number of characters. Expected an 18-character resident ID number (17 digits, then a digit or X).',
    },
  ],
};

const SAMPLE_WEBHOOK = {
  type: "verification.verified",
  timestamp: "2026-12-03T09:03:12.000Z",
  data: { id: "ver_3kTMd2Xw9QpLrV7nB1cZ8yHs", object: "verification", status: "verified", type: "person", method: "mobile3", reference: "order-42", livemode: false },
};

// The values most tests need; each passes the real validators, so it can be typed into the forms.
const SANDBOX: [string, string, string][] = [
  ["张三 / 110101199003071233 / 13800138000 / 6222021234567890128", "every field", "matches everywhere"],
  ["王不符", "name", "no_match: name_id_mismatch (face: face_mismatch)"],
  ["钱假人", "name", "face: liveness_failed"],
  ["李超时", "name", "provider unavailable (not counted as a try)"],
  ["110101200001010010", "ID number", "id_not_found"],
  ["phone ending 0002", "phone", "carrier: phone_not_registered_to_id; bank: card_phone_mismatch"],
  ["phone ending 0009", "phone", "carrier, bank, SMS unavailable"],
  ["6214830000000000007", "card number", "card_not_supported"],
];

export function QuickStart({ origin }: { origin: string }) {
  return (
    <section class="card" aria-labelledby="quick-start">
      <h2 id="quick-start">Quick start</h2>
      <ol>
        <li>
          Create a verification with your test key (<code>sk_test_…</code>; a local <code>npm start</code> prints the demo partner's):
          <pre>{`curl -s ${origin}/v1/verifications \\
  -H "Authorization: Bearer sk_test_…" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: order-42" \\
  -d '${JSON.stringify(SAMPLE_REQUEST)}'`}</pre>
        </li>
        <li>
          Send the applicant to the answer's <code>url</code>. When it ends they come back to <code>redirect_url?verification_id=…&amp;status=…&amp;token=…</code>.
        </li>
        <li>
          Receive the webhook: register an endpoint once (<code>POST /v1/webhook_endpoints</code> with <code>url</code> and <code>events</code>; keep its <code>whsec_…</code> secret) and verify each
          delivery on the raw body (Standard Webhooks):
          <pre>{`import { Webhook } from "standardwebhooks";
const event = new Webhook(process.env.SHIMING_WEBHOOK_SECRET).verify(rawBody, request.headers);`}</pre>
        </li>
        <li>
          Verify the result token (from the redirect, or <code>result_token</code> in <code>GET /v1/verifications/{"{id}"}</code>) offline against{" "}
          <a href="/.well-known/jwks.json">/.well-known/jwks.json</a>. The audience is your partner id in live mode and <code>&lt;partner id&gt;:test</code> in test mode:
          <pre>{`import { createRemoteJWKSet, jwtVerify } from "jose";
const jwks = createRemoteJWKSet(new URL("${origin}/.well-known/jwks.json"));
const { payload } = await jwtVerify(token, jwks, { audience: "ptn_…", issuer: "${origin}", typ: "JWT" });
// payload.sub is the verification id, payload.status its final status`}</pre>
        </li>
      </ol>
    </section>
  );
}

export function Samples({ origin }: { origin: string }) {
  return (
    <section class="card" aria-labelledby="samples">
      <h2 id="samples">Sample bodies</h2>
      <h3>
        <code>POST /v1/verifications</code> request
      </h3>
      <pre>{json(SAMPLE_REQUEST)}</pre>
      <h3>201 response</h3>
      <p>
        Personal data is masked (<code>1101************2X</code>, <code>138****8000</code>); <code>status</code> moves from <code>pending</code> through <code>in_progress</code> to{" "}
        <code>verified</code>, <code>failed</code>, <code>canceled</code> or <code>expired</code>. An organization whose business licence waits for Shiming's staff is <code>requires_review</code>{" "}
        meanwhile (the <code>verification.requires_review</code> webhook), and back to <code>in_progress</code> once decided (<code>verification.review_decided</code>).
      </p>
      <pre>{json(sampleResponse(origin))}</pre>
      <h3 id="error-body">400 response</h3>
      <p>
        Every error is <code>application/problem+json</code>. A refused body has one <code>errors[]</code> entry per bad field: <code>path</code> and <code>code</code> are stable, and{" "}
        <code>message</code> quotes the field as the JSON spells it and lists the allowed values. With <code>Accept-Language: zh-CN</code> (or any zh) <code>title</code>, <code>detail</code> and the
        messages are in Chinese; otherwise in English. For <code>{JSON.stringify(SAMPLE_INVALID_REQUEST)}</code>:
      </p>
      <pre>{json(SAMPLE_PROBLEM)}</pre>
      <h3 id="webhook-body">Webhook body</h3>
      <p>
        Events: <code>verification.created</code>, <code>.verified</code>, <code>.failed</code>, <code>.canceled</code>, <code>.expired</code>. No personal data: fetch the verification for more.
        Headers <code>webhook-id</code> (the same on every retry), <code>webhook-timestamp</code>, <code>webhook-signature</code>; any answer but 2xx within 15 s is retried for about 3 days.
      </p>
      <pre>{json(SAMPLE_WEBHOOK)}</pre>
    </section>
  );
}

export function SandboxTable() {
  return (
    <section class="card" aria-labelledby="sandbox">
      <h2 id="sandbox">Sandbox values</h2>
      <p>
        Test keys use deterministic sandbox providers: every well-formed input matches except these. SMS codes are not sent: <code>GET /v1/test_helpers/sms?phone=…</code> shows them. The full list,
        with the OCR and Alipay markers, is <code>docs/sandbox.md</code> in the repository.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">Where</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {SANDBOX.map(([value, where, answer]) => (
            <tr>
              <td>
                <code>{value}</code>
              </td>
              <td>{where}</td>
              <td>{answer}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
