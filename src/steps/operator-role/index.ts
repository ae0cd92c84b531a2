// Who is acting (法人本人 or 经办人), the second step of an organization verification's preamble:
// the role decides which methods are offered (src/domain/organization/roles.ts). The operator may
// come back to it (another person acts) or to the organization check (correct the details) from
// the method list or a method: a move of the flow like any other, so a stale tab moves nothing.
import type { PreambleStep } from "../../domain/flow/state";
import { isOperatorRole, OPERATOR_ROLES } from "../../domain/organization/roles";
import { type ApplicantRow, localeOf } from "../../flow/applicant";
import type { FlowContext } from "../../flow/context";
import type { ActionOutcome, StepModule } from "../../flow/steps";
import { OPERATOR_ROLE_STEP, ORG_CHECK_STEP, preambleOf } from "../../flow/types";
import { beginChange, move, set, write } from "../../flow/writer";
import { offeredForRole } from "../../journey/offered";
import type { StepView } from "../../../views/steps/model";

type RoleView = Extract<StepView, { kind: "operator_role" }>;

export function operatorRoleView(row: ApplicantRow, error?: string): RoleView {
  return {
    locale: localeOf(row),
    verificationId: row.id,
    partnerName: row.partnerName,
    kind: "operator_role",
    organization: { name: row.orgName ?? "", credentialCode: row.orgCredentialCode ?? "", legalRepName: row.orgLegalRepNameMasked ?? "" },
    roles: OPERATOR_ROLES.map((role) => ({ role, methods: offeredForRole(row, role) })),
    chosen: isOperatorRole(row.operatorRole) ? row.operatorRole : null,
    errors: error ? { role: error } : {},
  };
}

async function choose(ctx: FlowContext, row: ApplicantRow, form: FormData): Promise<ActionOutcome> {
  const at = row.state;
  if (at.kind !== "preamble" || at.step !== OPERATOR_ROLE_STEP) return { kind: "stale" };
  const role = form.get("role");
  if (!isOperatorRole(role) || offeredForRole(row, role).length === 0) return { kind: "render", view: operatorRoleView(row, "role_required"), status: 422 };
  const ch = beginChange(ctx.db, row, ctx.now);
  set(ch, { operatorRole: role });
  if (move(ch, { type: "step_passed", step: OPERATOR_ROLE_STEP }, { actor: "applicant", label: "operator.role_chosen", data: { role } })) return { kind: "stale" };
  const written = await write(ctx, ch);
  return written.ok ? { kind: "moved", row: written.row } : { kind: "stale" };
}

/** Back to one of the preamble's steps, from wherever after it the operator stands. */
async function back(ctx: FlowContext, row: ApplicantRow, form: FormData): Promise<ActionOutcome> {
  const to = form.get("to");
  const plan = preambleOf(row.type);
  if ((to !== ORG_CHECK_STEP && to !== OPERATOR_ROLE_STEP) || plan.length === 0 || row.state.kind === "start") return { kind: "stale" };
  if (row.state.kind === "preamble" && plan.indexOf(to) >= plan.indexOf(row.state.step)) return { kind: "stale" };
  const ch = beginChange(ctx.db, row, ctx.now);
  if (move(ch, { type: "prepare", plan, step: to }, { actor: "applicant" })) return { kind: "stale" };
  const written = await write(ctx, ch);
  return written.ok ? { kind: "moved", row: written.row } : { kind: "stale" };
}

export const operatorRoleStep: StepModule<null, PreambleStep> = {
  kind: OPERATOR_ROLE_STEP,
  read: async () => null,
  view: (row) => operatorRoleView(row),
  actions: [
    { path: "organization/role", handle: (ctx, row, _s, form) => choose(ctx, row, form) },
    { path: "organization/back", handle: (ctx, row, _s, form) => back(ctx, row, form) },
  ],
};
