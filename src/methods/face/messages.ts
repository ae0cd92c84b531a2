// Face (人脸识别): its own texts, merged into each language's table when it registers.
export const messages = {
  "zh-CN": {
    "method.face.title": "人脸识别",
    "method.face.need": "需输入姓名、身份证号二要素信息，再用手机完成刷脸。",
    "method.face.consent_recipients": "身份核验服务商",
    "reason.id_not_found": "身份信息库中查询不到该身份证号，请核对。",
    "reason.id_expired": "该身份证已过有效期，请使用有效证件。",
    "reason.liveness_failed": "活体检测未通过，请正对摄像头并按提示做动作。",
    "reason.face_mismatch": "人脸与身份证照片不一致。",
    "reason.not_passed": "支付宝刷脸未通过，具体原因已在支付宝中显示。",
    "reason.alipay_face.liveness_failed": "支付宝没能确认是本人在刷脸。请在光线充足处，按支付宝 App 的提示完成动作。",
    "reason.alipay_face.provider_unavailable": "暂时无法连接支付宝，本次不计入失败次数。请稍后在手机上重试，或改用手机浏览器刷脸。",
  },
  en: {
    "method.face.title": "Face recognition",
    "method.face.need": "Your name and ID number, then a face check with your phone's camera.",
    "method.face.consent_recipients": "the identity check service",
    "reason.id_not_found": "The identity registry has no record of this ID number. Check it.",
    "reason.id_expired": "This ID card has expired. Use a valid ID card.",
    "reason.liveness_failed": "The liveness check did not pass: face the camera and do the actions as prompted.",
    "reason.face_mismatch": "The face does not match the ID photo.",
    "reason.not_passed": "The Alipay face check did not pass; Alipay showed the reason on your phone.",
    "reason.alipay_face.liveness_failed": "Alipay's liveness check did not pass: in good light, do the actions the Alipay app asks for.",
    "reason.alipay_face.provider_unavailable":
      "Alipay cannot be reached right now. This does not count as a failed try: try again on your phone in a moment, or use face recognition in the phone's browser.",
  },
} as const;
