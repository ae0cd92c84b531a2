// A webhook receiver on 127.0.0.1 for the browser tests: its paths answer scripted statuses (then
// 200) and it records the exact bytes of every delivery, for the specification's own library to check.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Delivery {
  path: string;
  headers: Record<string, string>;
  body: string;
  answered: number;
}

/** A receiver whose paths answer scripted statuses (then 200), recording the exact bytes it got. */
export class Receiver {
  deliveries: Delivery[] = [];
  scripts = new Map<string, number[]>();
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const answered = this.scripts.get(path)?.shift() ?? 200;
      this.deliveries.push({ path, headers: flat(req.headers), body: Buffer.concat(chunks).toString("utf8"), answered });
      res.writeHead(answered, { "content-type": "text/plain" }).end(answered < 300 ? "thanks" : `failing with ${answered}`);
    });
  });
  url = "";
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  stop() {
    return new Promise((resolve) => this.server.close(resolve));
  }
  at(path: string) {
    return this.deliveries.filter((d) => d.path === path);
  }
}

function flat(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
}

type Maybe<T> = T | false | null | undefined;

export async function until<T>(what: string, probe: () => Maybe<T> | Promise<Maybe<T>>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
