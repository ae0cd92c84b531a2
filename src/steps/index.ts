// The steps the hosted pages know, registered by name: a method's plan names them, and the engine
// finds each here. Adding a step is a folder and one line.
import { registerStep } from "../flow/steps";
import { childStep } from "./child";
import { formStep } from "./form";
import { handoffStep } from "./handoff";
import { idPhotosStep } from "./id-photos";
import { invitationStep, signatureStep } from "./invitation";
import { operatorRoleStep } from "./operator-role";
import { orgCheckStep } from "./org-check";
import { smsCodeStep } from "./sms-code";
import { corporateAccountStep } from "./corporate-account";
import { transferConfirmationStep } from "./transfer-confirmation";

registerStep(formStep);
registerStep(smsCodeStep);
registerStep(handoffStep);
registerStep(idPhotosStep);
registerStep(childStep);
registerStep(orgCheckStep);
registerStep(operatorRoleStep);
registerStep(invitationStep);
registerStep(signatureStep);
registerStep(corporateAccountStep);
registerStep(transferConfirmationStep);
