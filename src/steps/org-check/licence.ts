// 上传营业执照，人工审核: the organization check's other way when the registry does not know the
// organization yet (org_not_found) or cannot say its status (moved, unknown). The typed fields and
// the consent are read as the check reads them, the file is checked by its bytes, and both go to
// sendLicence, which the phone's upload shares. It must never pass the check itself.
import type { ApplicantRow, ApplicantSession } from "../../flow/applicant";
import type { FlowContext } from "../../flow/context";
import type { ActionOutcome } from "../../flow/steps";
import { licenceOf, licenceReason, sendLicence } from "./send-licence";
import { readTyped } from "./typed";
import { withLicence, withOrgReason } from "./view";

export async function submitLicence(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession, form: FormData): Promise<ActionOutcome> {
  const reason = await licenceReason(ctx, row);
  if (!reason) return { kind: "stale" };
  const { input, errors, view } = await readTyped(ctx, row, form);
  const file = await licenceOf(form);
  if (!input || !file.ok) {
    // Nothing typed is lost: the form comes back with the registry's reason and the file's error next to it.
    const again = { ...withOrgReason(view(row), reason), errors };
    return { kind: "render", view: withLicence(again, file.ok ? undefined : file.code), status: 422 };
  }
  const sent = await sendLicence(ctx, row, { input, file, reason, consentBy: session.applicantId });
  return sent ? { kind: "moved", row: sent } : { kind: "stale" };
}
