// A cap on request bodies for the JSON APIs (/v1, /admin/v1), mounted before anything reads the
// body. Without it one request could make the Worker buffer, hash and parse a body as large as
// the platform allows. Declared sizes are refused at once; bodies without a Content-Length
// (chunked streams) are counted as they are read and refused past the cap.
import { bodyLimit } from "hono/body-limit";
import { text } from "./api-messages";
import { ProblemError, problemResponse } from "./problem";

/** 64 KiB: the largest valid API request (a verification with every field) is a few KB. */
export const MAX_BODY_BYTES = 64 * 1024;

export const apiBodyLimit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => problemResponse(c, new ProblemError("payload_too_large", text("detail.payload_too_large", { max: String(MAX_BODY_BYTES) }), { max_bytes: MAX_BODY_BYTES })),
});
