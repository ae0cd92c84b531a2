// Stores checked ID card photos in R2 under random names, metadata stripped, and answers their
// keys for the verification row. The sweep deletes them after the retention period.
import { randomString } from "../../crypto/random";
import { inspectImage } from "../../domain/images/inspect";
import { stripMetadata } from "../../domain/images/strip-metadata";
import type { ApplicantRow } from "../../flow/applicant";
import type { FlowContext } from "../../flow/context";

export async function storeIdCardPhotos(ctx: FlowContext, row: ApplicantRow, images: { side: "front" | "back"; file: File }[]) {
  const keys: { front?: string; back?: string } = {};
  for (const { side, file } of images) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const inspected = inspectImage(bytes, file.type);
    if (!inspected.ok) continue; // already refused at parse time; never store what we cannot vouch for
    const key = `id-images/${row.id}/${randomString(32)}`;
    await ctx.env.IMAGES.put(key, stripMetadata(bytes, inspected.kind), {
      httpMetadata: { contentType: inspected.kind === "png" ? "image/png" : "image/jpeg" },
      customMetadata: { verificationId: row.id, storedAt: String(ctx.now) },
    });
    keys[side] = key;
  }
  return keys;
}
