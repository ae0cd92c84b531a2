// Alipay face (支付宝刷脸): the applicant does liveness and face comparison inside the Alipay app,
// and we learn the outcome. One call here: the certification's verdict for a name and ID number.
// Only a sandbox exists so far; live mode has no adapter, so the option is never offered there.
import type { ProviderAnswer } from "../answer";

export type AlipayFaceQuery = { name: string; idNumber: string };
export type AlipayFaceReason = "liveness_failed" | "face_mismatch";
export type AlipayFaceAnswer = ProviderAnswer<AlipayFaceReason>;

export interface AlipayFaceProvider {
  certify(query: AlipayFaceQuery): Promise<AlipayFaceAnswer>;
}
