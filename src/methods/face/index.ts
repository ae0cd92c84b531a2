// Method face (人脸识别): name + ID number checked with the identity registry, then liveness and face comparison on a phone.
import type { VerificationMethod } from "../method";

export const face = {
  name: "face",
  verificationType: "person",
  capabilities: ["identity", "face"],
  available: true,
} as const satisfies VerificationMethod<"face">;
