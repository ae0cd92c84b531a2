// Puts what every handler needs on the context: parsed config, a D1 handle, the data cipher and
// the request's single reading of the clock.
import { createMiddleware } from "hono/factory";
import { readConfig } from "../config";
import { type DataCipher, dataCipher } from "../crypto/data-key";
import { database } from "../db/client";
import type { AppEnv } from "./app-env";

const ciphers = new Map<string, Promise<DataCipher>>();

/** One cipher per DATA_KEY per isolate: deriving the keys is the slow part. */
export function cipherFor(dataKey: string): Promise<DataCipher> {
  let cipher = ciphers.get(dataKey);
  if (!cipher) {
    cipher = dataCipher(dataKey);
    ciphers.set(dataKey, cipher);
  }
  return cipher;
}

export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const config = readConfig(c.env);
  c.set("config", config);
  c.set("db", database(c.env.DB));
  c.set("cipher", await cipherFor(config.DATA_KEY));
  c.set("now", Date.now());
  await next();
});
