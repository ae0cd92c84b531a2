// The Hono app: middleware order, route mounts, and the one error mapper.
import { Hono } from "hono";
import type { AppEnv } from "./http/app-env";
import { apiBodyLimit } from "./http/body-limit";
import { requestContext } from "./http/context";
import { mapError } from "./http/error-mapper";
import { text } from "./http/api-messages";
import { ProblemError, problemResponse } from "./http/problem";
import { adminV1 } from "./routes/admin";
import { adminStaff } from "./routes/admin-staff";
import { apiV1 } from "./routes/api-v1";
import { ingest } from "./routes/ingest";
import { docs } from "./routes/docs";
import { health } from "./routes/health";
import { hosted } from "./routes/hosted";
import { legal } from "./routes/legal";
import { phone } from "./routes/phone";
import { invitation } from "./routes/invitation";
import { staff } from "./routes/staff";
import { staffFunnel } from "./routes/staff-funnel";
import { staffCredits } from "./routes/staff-credits";
import { staffPartners } from "./routes/staff-partners";
import { wellKnown } from "./routes/well-known";

export const app = new Hono<AppEnv>();

app.use("*", requestContext);
app.onError(mapError);
app.notFound((c) => problemResponse(c, new ProblemError("not_found", text("detail.route_not_found", { method: c.req.method, path: new URL(c.req.url).pathname }))));

// Before the areas' own middleware (auth, Idempotency-Key), so nothing reads an oversized body.
app.use("/v1/*", apiBodyLimit);
app.use("/admin/v1/*", apiBodyLimit);

app.route("/", health);
app.route("/", docs);
app.route("/", wellKnown);
// Before the partner API: the bank's adapter signs with the ingest secret, not a partner's key.
app.route("/v1", ingest);
app.route("/v1", apiV1);
app.route("/admin/v1", adminV1);
app.route("/admin/v1", adminStaff);
app.route("/v", hosted);
app.route("/", legal);
app.route("/", phone);
app.route("/", invitation);
app.route("/", staff);
app.route("/", staffPartners);
app.route("/", staffFunnel);
app.route("/", staffCredits);
