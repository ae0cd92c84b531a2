// The magic inputs of the sandbox twins, kept in one module so the sandboxes, their tests and
// docs/sandbox.md name the same values. Every value passes the domain validators (a valid check
// character and birth date, Luhn, 1[3-9] phones) so it can be typed into the real forms.
// Live adapters must never read this module: a magic value means nothing to a real registry.

/** Names that steer every capability that is sent a name. */
export const SANDBOX_NAMES = {
  /** identity, carrier, bank: `name_id_mismatch`; face: `face_mismatch`. */
  nameIdMismatch: "王不符",
  /** identity, carrier, bank, face: `unavailable`, as if the registry timed out. */
  unavailable: "李超时",
  /** face: `liveness_failed`, as if the clip were a replayed video. */
  livenessFailed: "钱假人",
  /** face: `face_mismatch`, as if someone else stood in front of the camera. */
  faceMismatch: "赵替身",
  /**
   * Alipay face only: registering the check is `unavailable`, as if Alipay were down. Its own
   * name, because `unavailable` above stops the two-element check before Alipay is ever reached.
   */
  alipayUnavailable: "孙离线",
  /** Alipay face only: the check registers, but asking for its result is always `unavailable`. */
  alipayQueryUnavailable: "周断线",
} as const;

/**
 * The business registry's magic values (every other well-formed organization matches, active).
 * As the legal representative's name, 王不符 is `legal_rep_mismatch` and 李超时 `unavailable`.
 */
export const SANDBOX_ORGANIZATIONS = {
  /** business_registry: `org_not_found`. */
  notFoundName: "查无此企业有限公司",
  /** business_registry: `name_code_mismatch` whatever the name (a valid check character). */
  nameMismatchCode: "91110108MA0000000A",
  /** A name containing it: a match, status `deregistered` (注销): the verification ends. */
  deregisteredMark: "注销",
  /** A name containing it: a match, status `revoked` (吊销): refused, with its reason. */
  revokedMark: "吊销",
} as const;

/** ID numbers with a correct check character and birth date that the identity registry rejects. */
export const SANDBOX_ID_NUMBERS = {
  /** identity: `id_not_found`. */
  notFound: "110101200001010010",
  /** identity: `id_expired` (born 1960; its X check character is deliberate). */
  expired: "11010119600101002X",
} as const;

/**
 * Phone endings. A rule on the last four digits rather than whole numbers, so any test phone can
 * be turned into a failing one by changing its end.
 */
export const SANDBOX_PHONE_SUFFIXES = {
  /** carrier: `phone_not_registered_to_id`; bank: `card_phone_mismatch`. */
  notTheApplicants: "0002",
  /** sms: `rejected` (`phone_rejected`), as if the number had unsubscribed. */
  smsRejected: "0006",
  /** carrier, bank, sms: `unavailable`. */
  unavailable: "0009",
} as const;

/** Luhn-valid card numbers the sandbox bank refuses. */
export const SANDBOX_CARDS = {
  /** bank: `card_not_supported`, as if the card could not be used without being present. */
  notSupported: "6214830000000000007",
} as const;

/**
 * The sandbox cannot read a photo, so it reads these UTF-8 markers as the whole image instead.
 * Any other image reads as the default card side below.
 *   sandbox:front[:<name>:<idNumber>]        the portrait side, with the given fields
 *   sandbox:back[:<validFrom>:<validTo>]     the emblem side; validTo may be `long_term`
 * A marker for the other side than requested answers `wrong_side`.
 */
export const SANDBOX_OCR_MARKERS = {
  prefix: "sandbox:",
  front: "sandbox:front",
  back: "sandbox:back",
  /** ocr: `unreadable`. An empty image is unreadable too. */
  unreadable: "sandbox:unreadable",
  /** ocr: `unavailable`. */
  unavailable: "sandbox:unavailable",
} as const;

/** Well-formed test identities; each matches in every sandbox capability. */
export const TEST_IDENTITIES = [
  { name: "张三", idNumber: "110101199003071233", phone: "13800138000", cardNumber: "6222021234567890128" },
  { name: "李四", idNumber: "440304198511154563", phone: "13912345678", cardNumber: "6217009876543210981" },
  { name: "王芳", idNumber: "310115198808088885", phone: "15012345678", cardNumber: "6228480000111122222" },
] as const;

/** What the sandbox OCR reads from an image that carries no marker. */
export const SANDBOX_OCR_DEFAULTS = {
  front: { name: TEST_IDENTITIES[0].name, idNumber: TEST_IDENTITIES[0].idNumber },
  back: { validFrom: "2016-08-20", validTo: "2036-08-20" },
} as const;

/**
 * The business licence's markers. An upload must be a real JPEG, PNG or PDF (its bytes are
 * checked), so the marker is UTF-8 text appended at the end of the file, where image viewers
 * ignore it (`cat licence.png; printf 'sandbox:licence:unreadable'`); the sandbox looks for it in
 * the last 256 bytes. Any licence without one reads as SANDBOX_LICENCE_DEFAULTS; a PDF is never
 * read (`unsupported_file`), as live.
 *   sandbox:licence:<name>:<creditCode>:<legalRepName>[:<warning>,<warning>…]
 * with warnings among duplicate, photocopy, reshoot, electronic, not_a_licence.
 */
export const SANDBOX_LICENCE_MARKERS = {
  prefix: "sandbox:licence",
  /** ocr (licence): `unreadable`. A mistyped licence marker is unreadable too. */
  unreadable: "sandbox:licence:unreadable",
  /** ocr (licence): `unavailable`. */
  unavailable: "sandbox:licence:unavailable",
} as const;

/**
 * What the sandbox reads from a licence without a marker: the organization the sandbox registry
 * does not know (the one way to the licence upload in test mode), a valid code, and 张三.
 */
export const SANDBOX_LICENCE_DEFAULTS = {
  name: SANDBOX_ORGANIZATIONS.notFoundName,
  creditCode: "91330200MA2AAAAA0G",
  legalRepName: TEST_IDENTITIES[0].name,
  type: "有限责任公司（自然人投资或控股）",
  address: "浙江省宁波市海曙区示例路 1 号",
  registeredCapital: "人民币壹佰万元整",
  establishedOn: "2020年01月01日",
  businessTerm: "2020年01月01日至长期",
} as const;

/**
 * Corporate account numbers' endings for the payout sandbox; any other account is paid when the
 * test helper settles it (POST /v1/test_helpers/verifications/{id}/payout/settle).
 */
export const SANDBOX_ACCOUNT_SUFFIXES = {
  /** payout: failed at once, `account_name_mismatch`, as a bank refuses an account not in the organization's name. */
  nameMismatch: "0000",
  /** payout: `unavailable`, as if the payout provider timed out. */
  unavailable: "4444",
} as const;

/** The sandbox's receiving account for reverse transfers (not a real account). */
export const SANDBOX_RECEIVING_ACCOUNT = {
  accountName: "实名科技（北京）有限公司",
  accountNumber: "110060149018800012345",
  bankName: "交通银行北京分行营业部",
} as const;
