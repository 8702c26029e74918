import type { LocalizedText } from '../signing/SigningStep.js';
import type { DiagnosisCauseId } from './DiagnosisCause.js';

export interface CauseRule {
  readonly title: LocalizedText;
  /** The doc's rule: zh quoted from shared/seeds/001 (签名方法 v3 / 签名方法, 公共参数, 错误码), en a faithful rendering. */
  readonly rule: LocalizedText;
  readonly fix: LocalizedText;
}

const r = (titleEn: string, titleZh: string, ruleEn: string, ruleZh: string, fixEn: string, fixZh: string): CauseRule => ({
  title: { en: titleEn, zh: titleZh },
  rule: { en: ruleEn, zh: ruleZh },
  fix: { en: fixEn, zh: fixZh },
});

/** Title, doc rule and fix of every cause. The per-request detail comes from the check or candidate that found it. */
export const CAUSE_RULES: Record<DiagnosisCauseId, CauseRule> = {
  'authorization-malformed': r(
    'Authorization header malformed', 'Authorization 头部格式错误',
    'Authorization = Algorithm + " Credential=" + SecretId + "/" + CredentialScope + ", SignedHeaders=" + SignedHeaders + ", Signature=" + Signature.',
    "Authorization = Algorithm + ' ' + 'Credential=' + SecretId + '/' + CredentialScope + ', ' + 'SignedHeaders=' + SignedHeaders + ', ' + 'Signature=' + Signature",
    'Build the header exactly as: TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=content-type;host, Signature=<64 hex>.',
    '严格按格式拼接：TC3-HMAC-SHA256 Credential=<SecretId>/<日期>/<service>/tc3_request, SignedHeaders=content-type;host, Signature=<64 位十六进制>。',
  ),
  'timestamp-header-missing': r(
    'X-TC-Timestamp missing or not a number', '缺少 X-TC-Timestamp 或其值不是整数',
    'Timestamp is required, sent as the X-TC-Timestamp header: the current UNIX time in seconds; the string to sign uses the same value.',
    'Timestamp 必选，HTTP 请求头：X-TC-Timestamp。当前 UNIX 时间戳，可记录发起 API 请求的时间。',
    'Send X-TC-Timestamp with the very integer (seconds) you put in the string to sign.',
    '发送 X-TC-Timestamp 头部，值为签名时使用的同一个整数秒时间戳。',
  ),
  'signed-header-missing': r(
    'A signed header was not sent', '参与签名的头部未随请求发送',
    'The headers and body sent must be exactly those signed; SignedHeaders corresponds one to one with CanonicalHeaders.',
    '请求发送时的 HTTP 头部（Header）和请求体（Payload）必须和签名计算过程中的内容完全一致，否则会返回签名不一致错误。',
    'Send every header named in SignedHeaders, with the value you signed, or leave it out of SignedHeaders and the canonical headers.',
    '发送 SignedHeaders 中列出的每一个头部且值与签名时一致；否则将其从 SignedHeaders 和 CanonicalHeaders 中同时去掉。',
  ),
  'required-header-not-signed': r(
    'content-type or host not signed', 'content-type 或 host 未参与签名',
    'CanonicalHeaders must include at least host and content-type.',
    '参与签名的头部信息，至少包含 host 和 content-type 两个头部……content-type 和 host 为必选头部。',
    'Sign at least content-type and host: SignedHeaders=content-type;host.',
    '至少对 content-type 和 host 签名：SignedHeaders=content-type;host。',
  ),
  'secret-id-key-swapped': r(
    'SecretId and SecretKey swapped', 'SecretId 与 SecretKey 用反了',
    'The SecretId identifies the caller and goes into Credential; the SecretKey is only the HMAC key ("TC3" + SecretKey) and is never sent.',
    'SecretId：用于标识 API 调用者身份；SecretKey：用于验证 API 调用者的身份。SecretDate = HMAC_SHA256("TC3" + SecretKey, Date)。',
    'Put the SecretId in Credential= and use the SecretKey only as the HMAC key. If the SecretKey was sent in a header, treat it as leaked: disable it and create a new key pair.',
    'Credential= 中放 SecretId，SecretKey 只作为 HMAC 密钥使用。若 SecretKey 已随请求发出，请视为泄露：在控制台禁用并重新创建密钥。',
  ),
  'temporary-key-without-token': r(
    'Temporary key sent without its token', '使用临时密钥但未发送 Token',
    'With temporary credentials, use TmpSecretId/TmpSecretKey and send their Token as X-TC-Token (v1: Token).',
    'Token：即安全凭证服务所颁发的临时安全凭证中的 Token，使用时需要将 SecretId 和 SecretKey 的值替换为临时安全凭证中的 TmpSecretId 和 TmpSecretKey。',
    'Send the Token that came with TmpSecretId/TmpSecretKey as X-TC-Token (v1: the Token parameter), or use a long-term key pair.',
    '将临时凭证附带的 Token 作为 X-TC-Token 头部（v1 为 Token 参数）发送，或改用长期密钥。',
  ),
  'long-term-key-with-token': r(
    'Token sent with a key it does not belong to', 'Token 与所用密钥不匹配',
    'A long-term key must not carry a Token; a temporary key needs the Token issued with it, before it expires.',
    '使用长期密钥时不能设置此 Token 字段。',
    'Drop X-TC-Token (v1: Token) when using a long-term key; with temporary credentials send the Token issued together with this TmpSecretId, and fetch new credentials when they expire.',
    '使用长期密钥时去掉 X-TC-Token（v1 为 Token）；使用临时凭证时发送与该 TmpSecretId 一同颁发且未过期的 Token。',
  ),
  'clock-skew': r(
    'Timestamp more than 5 minutes from server time', '时间戳与服务器时间相差超过五分钟',
    'Timestamp must be the current system time, synchronized with standard time; more than five minutes off always fails (AuthFailure.SignatureExpire).',
    'Timestamp 必须是当前系统时间，且需确保系统时间和标准时间是同步的，如果相差超过五分钟则必定失败。',
    'Sync the clock (NTP) and take the timestamp at send time, in UTC seconds: Math.floor(Date.now() / 1000).',
    '同步系统时间（NTP），在发送时取当前 UTC 秒级时间戳，如 Math.floor(Date.now() / 1000)。',
  ),
  'local-date-not-utc': r(
    'Credential date taken in local time, not UTC', 'Date 取了本地时区日期而不是 UTC 日期',
    'Date must be computed from X-TC-Timestamp in UTC+0; with a local time zone such as UTC+8 calls succeed by day and evening but always fail in the small hours.',
    'Date 必须从时间戳 X-TC-Timestamp 计算得到，且时区为 UTC+0。如果加入系统本地时区信息，例如东八区，将导致白天和晚上调用成功，但是凌晨时调用必定失败。',
    'Compute Date as the UTC date of the timestamp, e.g. new Date(timestamp * 1000).toISOString().slice(0, 10), Go time.Unix(ts, 0).UTC().Format("2006-01-02").',
    '按 UTC 计算日期，例如 new Date(timestamp * 1000).toISOString().slice(0, 10)，或 Go 的 time.Unix(ts, 0).UTC().Format("2006-01-02")。',
  ),
  'wrong-service': r(
    'Service in the credential scope does not match the host', 'CredentialScope 中的 service 与域名不一致',
    'service is the product name and must match the domain called (iotcloud for iotcloud.tencentcloudapi.com); do not copy the example\'s cvm.',
    'service 为产品名，必须与调用的产品域名一致。',
    'Use the host\'s first label as service: iotcloud for iotcloud.tencentcloudapi.com, trro for trro.tencentcloudapi.com.',
    '使用域名前缀作为 service：iotcloud.tencentcloudapi.com 用 iotcloud，trro.tencentcloudapi.com 用 trro。',
  ),
  'host-mismatch': r(
    'Host signed differs from Host sent', '签名的 host 与实际发送的 Host 不一致',
    'The host header signed must be the Host sent, lowercased, without a port the HTTP client does not send.',
    '头部 key 和 value 统一转成小写，并去掉首尾空格……请求发送时的 HTTP 头部必须和签名计算过程中的内容完全一致。',
    'Sign host exactly as the client sends the Host header: the endpoint\'s host name, lowercase, no :443.',
    '按实际发送的 Host 头部签名：接入域名，小写，不带 :443 端口。',
  ),
  'timestamp-mismatch': r(
    'X-TC-Timestamp differs from the timestamp signed', 'X-TC-Timestamp 与签名时用的时间戳不一致',
    'RequestTimestamp in the string to sign is the value of the X-TC-Timestamp header.',
    'RequestTimestamp 请求时间戳，即请求头部的公共参数 X-TC-Timestamp 取值，取当前时间 UNIX 时间戳，精确到秒。',
    'Take the timestamp once and use that one value for X-TC-Timestamp, the string to sign and the credential date (seconds, not milliseconds).',
    '只取一次时间戳，X-TC-Timestamp、待签名字符串和凭证日期都使用这同一个秒级值（不是毫秒）。',
  ),
  'secret-key-whitespace': r(
    'SecretKey with whitespace or a newline', 'SecretKey 带有空格或换行',
    'SecretDate = HMAC_SHA256("TC3" + SecretKey, Date) over the SecretKey exactly; keys must not have leading or trailing spaces.',
    '密钥不存在。请在控制台检查密钥是否已被删除或者禁用，如状态正常，请检查密钥是否填写正确，注意前后不得有空格。',
    'Trim the SecretKey where it is read (environment variable, file, config): a file read keeps its final newline.',
    '读取 SecretKey（环境变量、文件、配置）时去掉首尾空白；读取文件会保留末尾换行。',
  ),
  'body-json-reserialized': r(
    'Body re-serialized between signing and sending', '签名后请求体被重新序列化',
    'HashedRequestPayload is SHA256 of the body bytes sent; any re-serialization (spacing, key order, \\uXXXX escapes) changes the hash.',
    '请求发送时的 HTTP 头部（Header）和请求体（Payload）必须和签名计算过程中的内容完全一致，否则会返回签名不一致错误。',
    'Serialize the body once into a string, sign that string, and send that same string (not the object: the HTTP library serializes it again its own way).',
    '先把请求体序列化成字符串，对该字符串签名，并原样发送该字符串（不要把对象交给 HTTP 库再次序列化）。',
  ),
  'body-trailing-newline': r(
    'Trailing newline added or lost in the body', '请求体末尾多了或少了换行',
    'HashedRequestPayload = Lowercase(HexEncode(Hash.SHA256(RequestPayload))) over the exact body; one newline changes it.',
    'HashedRequestPayload 计算伪代码为 Lowercase(HexEncode(Hash.SHA256(RequestPayload)))，即对 HTTP 请求正文做 SHA256 哈希。',
    'Sign and send the same string; check for a newline added by a file read, a heredoc or a template.',
    '签名与发送使用同一个字符串；检查读取文件、heredoc 或模板引入的末尾换行。',
  ),
  'body-bom': r(
    'Byte order mark in the body', '请求体带有 BOM',
    'The payload hash covers every byte, an invisible UTF-8 BOM (EF BB BF) included.',
    '对 HTTP 请求正文做 SHA256 哈希……请求体（Payload）必须和签名计算过程中的内容完全一致。',
    'Save or read the body as UTF-8 without BOM, and hash exactly what is sent.',
    '以无 BOM 的 UTF-8 保存或读取请求体，并对实际发送的内容计算哈希。',
  ),
  'body-signed-empty': r(
    'POST body hashed as empty', 'POST 请求体按空字符串计算了哈希',
    'Only GET requests hash the empty string; a POST hashes its body.',
    '对于 GET 请求，RequestPayload 固定为空字符串。',
    'For POST, hash the body that is sent (the JSON string), not "".',
    'POST 请求应对实际发送的请求体（JSON 字符串）计算哈希，而不是空字符串。',
  ),
  'content-type-mismatch': r(
    'Content-Type signed differs from Content-Type sent', '签名的 content-type 与实际发送的不一致',
    'content-type must match what is actually sent; some HTTP libraries add a charset even when none was given.',
    '注意：content-type 必须和实际发送的相符合，有些编程语言网络库即使未指定也会自动添加 charset 值，如果签名时和发送时不一致，服务器会返回签名校验失败。',
    'Set Content-Type explicitly on the request to exactly the value you sign (e.g. application/json), and check what the library sends.',
    '在请求上显式设置 Content-Type，值与签名时完全一致（如 application/json），并确认网络库实际发送的值。',
  ),
  'header-value-not-lowercased': r(
    'Header value not lowercased', '头部取值未转成小写',
    'Header key and value are both lowercased and trimmed: x-tc-action:describeinstances.',
    '头部 key 和 value 统一转成小写，并去掉首尾空格，按照 key:value\\n 格式拼接。',
    'Lowercase and trim each signed header value in the canonical headers (the value sent stays as is).',
    '在 CanonicalHeaders 中将每个头部取值转小写并去掉首尾空格（实际发送的值不变）。',
  ),
  'header-names-not-lowercased': r(
    'Header names not lowercased', '头部名称未转成小写',
    'Header keys are lowercased in CanonicalHeaders and SignedHeaders.',
    '头部 key 统一转成小写。',
    'Lowercase the names in both CanonicalHeaders and SignedHeaders: content-type;host.',
    '在 CanonicalHeaders 和 SignedHeaders 中都使用小写头部名：content-type;host。',
  ),
  'header-names-not-sorted': r(
    'Headers not sorted', '头部未按 ASCII 升序排列',
    'Several headers are joined in ascending ASCII order of the lowercase key.',
    '多个头部，按照头部 key（小写）的 ASCII 升序进行拼接。',
    'Sort the lowercase header names (content-type, host, x-tc-action…) before building CanonicalHeaders and SignedHeaders.',
    '拼接 CanonicalHeaders 和 SignedHeaders 前，先按小写头部名的 ASCII 升序排序。',
  ),
  'signed-headers-mismatch': r(
    'SignedHeaders does not list the canonical headers', 'SignedHeaders 与 CanonicalHeaders 不对应',
    'SignedHeaders names the headers that took part in signing and corresponds one to one with CanonicalHeaders.',
    'SignedHeaders：参与签名的头部信息，说明此次请求有哪些头部参与了签名，和 CanonicalHeaders 包含的头部内容是一一对应的。',
    'Build CanonicalHeaders and SignedHeaders from one list of names, and send that list in the Authorization header.',
    '用同一份头部名列表生成 CanonicalHeaders 和 SignedHeaders，并在 Authorization 中发送这份列表。',
  ),
  'v1-params-sorted-numerically': r(
    'v1 parameters sorted numerically', 'v1 参数按数值而非 ASCII 排序',
    'Sort by ASCII: InstanceIds.2 comes after InstanceIds.12, not alphabetically, not numerically.',
    '按 ASCII 码比大小，如 InstanceIds.2 要排在 InstanceIds.12 后面，不是按字母表，也不是按数值。',
    'Sort parameter names by plain code-unit comparison (a < b), e.g. PHP ksort with SORT_STRING, not a natural sort.',
    '按字符编码直接比较参数名排序（a < b），例如 PHP ksort 使用 SORT_STRING，不要用自然排序。',
  ),
  'v1-params-sorted-case-insensitively': r(
    'v1 parameters sorted ignoring case', 'v1 参数排序忽略了大小写',
    'Sort parameter names in ascending ASCII order: upper-case letters come before lower-case.',
    '首先对所有请求参数按参数名的字典序（ASCII 码）升序排序。',
    'Compare names by code unit, not with a locale or case-insensitive comparator (no localeCompare, no String.CASE_INSENSITIVE_ORDER).',
    '按字符编码比较参数名，不要使用区域设置或忽略大小写的比较（如 localeCompare、CASE_INSENSITIVE_ORDER）。',
  ),
  'v1-params-not-sorted': r(
    'v1 parameters not sorted', 'v1 参数未排序',
    'All request parameters are sorted by name in ascending ASCII order before joining.',
    '首先对所有请求参数按参数名的字典序（ASCII 码）升序排序。',
    'Sort the names before joining name=value with &.',
    '拼接“参数名称=参数值”之前先对参数名排序。',
  ),
  'v1-values-url-encoded': r(
    'v1 values URL-encoded in the sign string', 'v1 签名原文中的参数值做了 URL 编码',
    'In the request string the values are the raw values, not URL-encoded ones.',
    '注意：“参数值”为原始值而非 url 编码后的值。',
    'Join raw values for the sign string; URL-encode only when building the query or form body to send.',
    '签名原文使用原始参数值；只在拼接实际发送的查询串或表单时做 URL 编码。',
  ),
  'v1-signature-double-encoded': r(
    'v1 Signature URL-encoded twice', 'v1 Signature 被 URL 编码了两次',
    'URL-encode the Signature once; if the library already encodes every parameter, do not encode it yourself, or double encoding makes the signature fail.',
    '注意：有些编程语言的库会自动为所有参数进行 urlencode，在这种情况下，就不需要对签名串进行 URL 编码了，否则两次 URL 编码会导致签名失败。',
    'Pass the base64 Signature raw to a library that encodes parameters, or encode it once yourself when building the query by hand.',
    '若网络库会对参数编码，则直接传入 base64 的 Signature；手工拼接查询串时只编码一次。',
  ),
  'v1-wrong-method-host-path': r(
    'v1 sign string with the wrong method, host or path', 'v1 签名原文的请求方法、主机或路径错误',
    'Sign string = method (upper case) + host + path (/) + "?" + request string, for the host actually called.',
    '签名原文串的拼接规则为：请求方法 + 请求主机 + 请求路径 + ? + 请求字符串。注意方法为全大写。',
    'Build the sign string from the request actually sent: its method in upper case, its host without scheme or port, path /.',
    '按实际发送的请求拼接签名原文：方法全大写，主机不带协议和端口，路径为 /。',
  ),
  'v1-hmacsha256-without-signature-method': r(
    'v1 HmacSHA256 signature without SignatureMethod', 'v1 用 HmacSHA256 签名但未发送 SignatureMethod',
    'HmacSHA256 is used to verify only when SignatureMethod=HmacSHA256 is given; otherwise HmacSHA1.',
    '只有指定此参数为 HmacSHA256 时，才使用 HmacSHA256 算法验证签名，其他情况均使用 HmacSHA1 验证签名。',
    'Send SignatureMethod=HmacSHA256 (and include it in the signed parameters), or sign with HmacSHA1.',
    '发送 SignatureMethod=HmacSHA256（并让其参与签名），或改用 HmacSHA1 签名。',
  ),
  'v1-signature-method-mismatch': r(
    'v1 signature computed with the other HMAC', 'v1 签名算法与 SignatureMethod 不一致',
    'The server verifies with the HMAC that SignatureMethod names (HmacSHA1 when absent).',
    '签名方式，目前支持 HmacSHA256 和 HmacSHA1。只有指定此参数为 HmacSHA256 时，才使用 HmacSHA256 算法验证签名。',
    'Compute the HMAC that SignatureMethod names.',
    '使用 SignatureMethod 指定的算法计算签名。',
  ),
  'v1-param-added-after-signing': r(
    'v1 parameter added after signing', 'v1 参数在签名后才加入',
    'Every request parameter (except Signature) takes part in the sign string.',
    '首先对所有请求参数按参数名的字典序（ASCII 码）升序排序……将格式化后的各个参数用 "&" 拼接在一起。',
    'Add every parameter (Token, SignatureMethod, Language…) before computing the signature.',
    '在计算签名之前加入所有参数（Token、SignatureMethod、Language 等）。',
  ),
};
