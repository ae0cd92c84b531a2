// An organization the sandbox registry does not know (查无此企业有限公司), as the e2e tests send it
// for review: the typed fields, a business licence image (a real PNG, so screenshots show a
// licence-like picture), and the way there through the service's own forms.
import { inject } from "vitest";
import { PNG } from "pngjs";
import { SANDBOX_ORGANIZATIONS, TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import type { Locale, Reacher } from "./reacher";

export const UNKNOWN_ORG = { org_name: SANDBOX_ORGANIZATIONS.notFoundName, credential_code: "91330200MA2AAAAA0G", legal_rep_name: TEST_IDENTITIES[1].name };

/** A 480×320 licence-coloured card with a red seal in its corner: enough to be looked at. */
export function licencePng(): Uint8Array {
  const png = new PNG({ width: 480, height: 320 });
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const border = x < 12 || y < 12 || x >= png.width - 12 || y >= png.height - 12;
      const line = !border && y > 60 && y % 32 < 3 && x > 40 && x < 300;
      const seal = (x - 390) ** 2 + (y - 230) ** 2 < 50 ** 2 && (x - 390) ** 2 + (y - 230) ** 2 > 42 ** 2;
      const [r, g, b] = seal ? [200, 30, 30] : border ? [150, 110, 40] : line ? [90, 90, 90] : [250, 244, 225];
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** Signed in, the registry's "no such organization" answered, the licence sent: the verification waits for a person. */
export async function licenceInReview(r: Reacher, locale: Locale, reference?: string) {
  const s = await r.signedIn(locale, { type: "organization", methods: ["legal_rep_personal"], ...(reference ? { reference } : {}) });
  const fields = { consent: "yes", ...UNKNOWN_ORG };
  const checked = await r.post(`/v/${s.v.id}/organization/check`, fields, s.session);
  if (checked.status !== 422) throw new Error(`the organization check answered ${checked.status}, not the registry's org_not_found`);
  const sent = await r.postFile(`/v/${s.v.id}/organization/licence`, fields, { field: "business_licence", name: "营业执照.png", bytes: licencePng(), type: "image/png" }, s.session);
  if (sent.status !== 303) throw new Error(`the licence upload answered ${sent.status}`);
  return { ...s, reviewId: await reviewOf(r, s.v.id) };
}

/** Signed in, the registry's "no such organization" answered, and 用手机拍摄营业执照 chosen: the desktop shows the QR code. */
export async function licenceByPhone(r: Reacher, locale: Locale) {
  const s = await r.signedIn(locale, { type: "organization", methods: ["legal_rep_personal"] });
  const fields = { consent: "yes", ...UNKNOWN_ORG };
  const checked = await r.post(`/v/${s.v.id}/organization/check`, fields, s.session);
  if (checked.status !== 422) throw new Error(`the organization check answered ${checked.status}, not the registry's org_not_found`);
  const offered = await r.post(`/v/${s.v.id}/organization/licence/phone`, fields, s.session);
  if (offered.status !== 303) throw new Error(`the phone's offer answered ${offered.status}`);
  return s;
}

/** The pending review of a verification, through the operator API. */
async function reviewOf(r: Reacher, verificationId: string): Promise<string> {
  const res = await fetch(`${r.baseUrl}/admin/v1/reviews`, { headers: { authorization: `Bearer ${inject("adminToken")}` } });
  const list = (await res.json()) as { data: { id: string; verification_id: string }[] };
  const item = list.data.find((d) => d.verification_id === verificationId);
  if (!item) throw new Error(`no pending review for ${verificationId}`);
  return item.id;
}
