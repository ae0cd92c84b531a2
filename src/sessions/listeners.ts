// The live channel a session object keeps to the desktops that follow it: hibernating WebSockets
// (thousands of idle listeners cost nothing), each sent every change. Shared by the handoff and
// the invitation objects; it knows nothing of what the messages say. And how such an object forgets.

type State = Pick<DurableObjectState, "acceptWebSocket" | "getWebSockets">;

/** Accepts a listener's upgrade and sends it where things stand now. */
export function acceptListener(ctx: State, request: Request, first: string | null): Response {
  if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response("expected a WebSocket", { status: 426 });
  const pair = new WebSocketPair();
  ctx.acceptWebSocket(pair[1]);
  if (first !== null) pair[1].send(first);
  return new Response(null, { status: 101, webSocket: pair[0] });
}

export function broadcast(ctx: State, message: string) {
  for (const ws of ctx.getWebSockets()) {
    try {
      ws.send(message);
    } catch {
      // A socket that closed between getWebSockets and send: nothing to tell it.
    }
  }
}

/** Listeners only listen; a "ping" keeps intermediaries from closing an idle socket. */
export function answerPing(ws: WebSocket, message: string | ArrayBuffer) {
  if (message === "ping") ws.send("pong");
}

/**
 * Closes our side of a socket the client closed. 1005 (no code) and 1006 (dropped without a close
 * frame) are reserved: they may never be sent, so a normal close answers them.
 */
export function closeListener(ws: WebSocket, code: number) {
  try {
    ws.close(code === 1005 || code === 1006 ? 1000 : code, "bye");
  } catch {
    // Already closed.
  }
}

/**
 * The alarm's second half: until `keepMs` after a session's end (its expiry or last change, the
 * later) it waits for the pages to show how it ended; then it closes them and forgets everything.
 */
export async function forgetAfterEnd(ctx: Pick<DurableObjectState, "getWebSockets" | "storage">, record: { expiresAt: number; updatedAt: number }, keepMs: number, now: number): Promise<void> {
  const forgetAt = Math.max(record.expiresAt, record.updatedAt) + keepMs;
  if (now < forgetAt) return ctx.storage.setAlarm(forgetAt);
  for (const ws of ctx.getWebSockets()) ws.close(1000, "ended");
  await ctx.storage.deleteAll();
}
