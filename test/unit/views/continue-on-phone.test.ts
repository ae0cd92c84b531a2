// The face step's "continue on your phone": Alipay face is offered only when the providers have
// it (the sandbox in test mode; in live mode only with the ALIPAY_* secrets), and once chosen the
// desktop can ask Alipay for the result.
import { describe, expect, it } from "vitest";
import { providersFor } from "../../../src/providers/select";
import { ContinueOnPhoneStep } from "../../../views/steps/continue-on-phone";
import type { StepView } from "../../../views/steps/model";

type Props = Extract<StepView, { kind: "continue_on_phone" }>;

function props(over: Partial<Props>): Props {
  return {
    kind: "continue_on_phone",
    locale: "zh-CN",
    verificationId: "ver_000000000000000000000000",
    partnerName: "Demo",
    method: "face",
    canChangeMethod: true,
    handoff: { state: "waiting", link: { url: "http://127.0.0.1/p/x", code: "ABCD", minutesLeft: 5, secondsLeft: 300 }, purpose: "face" },
    alipay: true,
    ...over,
  } as Props;
}

async function html(p: Props): Promise<string> {
  return String(await (ContinueOnPhoneStep(p) as unknown as { toString(): string | Promise<string> }).toString());
}

describe("continue on phone: Alipay face", () => {
  it.each([
    ["test mode", false, {}, true],
    ["live mode without the Alipay secrets", true, { TENCENTCLOUD_SECRET_ID: "x", TENCENTCLOUD_SECRET_KEY: "y" }, false],
    ["live mode with them", true, { ALIPAY_APP_ID: "2021", ALIPAY_PRIVATE_KEY: "k", ALIPAY_PUBLIC_KEY: "p" }, true],
  ])("should offer it in %s only when the provider exists", async (_title, livemode, secrets, offered) => {
    const alipay = providersFor({ livemode }, secrets).alipayFace !== null;
    expect(alipay).toBe(offered);
    const page = await html(props({ alipay }));
    expect(page.includes('value="alipay_face"')).toBe(offered);
    expect(page).not.toContain("/handoff/alipay-result");
  });

  it("should say how long the link has left, and offer the desktop's query once Alipay is chosen", async () => {
    const page = await html(
      props({
        handoff: { state: "capturing", purpose: "alipay_face", link: { url: "http://127.0.0.1/p/x", code: "ABCD-EFGH", minutesLeft: 3, secondsLeft: 170 } },
        alipayNotice: "alipay_not_passed_yet",
      }),
    );
    expect(page).toContain("二维码和链接 3 分钟内有效");
    expect(page).toContain('action="/v/ver_000000000000000000000000/handoff/alipay-result"');
    expect(page).toContain('data-notice="alipay_not_passed_yet"');
    expect(page).toContain("正在支付宝中刷脸");
    // The Alipay app scans; nobody types a code into it.
    expect(page).not.toContain("data-code");
  });

  it("should give the phone's browser a code to type at the address, and the seconds the page counts down from", async () => {
    const link = { url: "http://127.0.0.1:8787/p/7K2M9XD4HTBP3JW8RCA5", code: "7K2M-9XD4-HTBP-3JW8-RCA5", minutesLeft: 5, secondsLeft: 299 };
    const page = await html(props({ handoff: { state: "waiting", purpose: "face", link } }));
    expect(page).toContain("127.0.0.1:8787/p");
    expect(page).toMatch(/<strong class="code" data-code="true">7K2M-9XD4-HTBP-3JW8-RCA5<\/strong>/);
    expect(page).toContain('data-left="299"');
    expect(page).toContain("二维码已失效");
  });
});

describe("continue on phone: on the phone itself", () => {
  it("should offer the same one-time link as a tap, for a phone that is already the one with the camera", async () => {
    const page = await html(props({}));
    expect(page).toMatch(/<a class="button secondary" href="http:\/\/127\.0\.0\.1\/p\/x" data-continue-here[^>]*>[^<]*在本机继续<\/a>/);
  });
});
