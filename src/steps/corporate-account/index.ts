// The forward transfer's first step (对公账户信息): the account to pay, its bank and branch code. Its
// action serves the confirmation too, when a payout could not be paid and the account is corrected.
import { CORPORATE_ACCOUNT_STEP } from "../../domain/transfer/record";
import type { StepModule } from "../../flow/steps";
import { submitAccount } from "../../transfer/account-submit";
import { ACCOUNT_PATH, accountForm, corporateAccountView } from "../../transfer/account-form";
import { transferViewOf } from "../../transfer/confirmation-view";

export const corporateAccountStep: StepModule<null> = {
  kind: CORPORATE_ACCOUNT_STEP,
  read: async () => null,
  view: (row) => corporateAccountView(row, accountForm(row)),
  actions: [
    {
      path: ACCOUNT_PATH,
      handle: async (ctx, row, session, form) => {
        const outcome = await submitAccount(ctx, row, session, form);
        if (outcome.kind !== "form") return outcome;
        const view =
          outcome.row.state.kind === "step" && outcome.row.state.step === CORPORATE_ACCOUNT_STEP
            ? corporateAccountView(outcome.row, outcome.form)
            : transferViewOf(outcome.row, ctx.now, { accountForm: outcome.form });
        return { kind: "render", view, status: outcome.status };
      },
    },
  ],
};
