// The shape of the catalog data in ./data/*.json, written by core/scripts/extract-catalog.mjs from the seed
// documents and the official SDK's declarations. `line` fields are 1-based line numbers in the seed document
// (`source`) the item was read from; items from the SDK have no line.

export interface LocalizedName {
  readonly zh: string;
  readonly en: string;
}

/** Validation data derived from the doc's wording; `constraintSources` quotes that wording. */
export interface Constraints {
  /** Anchored regular expression the value must match (`itemPattern` for each element of an array). */
  readonly pattern?: string;
  readonly itemPattern?: string;
  /** The rule as the doc states it, for messages (e.g. `[a-zA-Z0-9:_-]{1,48}`). */
  readonly rule?: string;
  readonly enum?: readonly (string | number)[];
  readonly minimum?: number;
  readonly maximum?: number;
  /** UTF-8 byte limit of the value. */
  readonly maxBytes?: number;
  /** The String value must itself be JSON (e.g. UpdateDeviceShadow State). */
  readonly json?: boolean;
  readonly format?: 'base64';
  /** Required only when another parameter has a value (TRRO Key when Mode is 1). */
  readonly requiredWhen?: { readonly param: string; readonly equals: string | number };
  /** Key material: mask it (first 4 characters + ****) wherever it is printed. */
  readonly secret?: boolean;
  readonly constraintSources?: readonly string[];
}

/** An action parameter or a data-structure field. `type` is as documented: `String`, `Array of DeviceTag`, … */
export interface FieldSpec extends Constraints {
  readonly name: string;
  readonly type: string;
  /** Present for inputs (action parameters, fields of structures used as input). */
  readonly required?: boolean;
  readonly description: string;
  /** The doc's 示例值, as printed. */
  readonly example?: string;
  /** "此字段可能返回 null". */
  readonly nullable?: boolean;
  readonly array: boolean;
  /** The element type for arrays, else the type. */
  readonly baseType: string;
  /** Set when baseType names a data structure. */
  readonly structure?: string;
  /** Where it comes from: a seed document id (001_….txt) or the SDK package (`tencentcloud-sdk-nodejs@4.1.313`). */
  readonly source?: string;
  /** English description from tencentcloud-sdk-nodejs-intl-en, when it has this member (`description` is zh-CN). */
  readonly en?: string;
  /** Marked @deprecated in the SDK declarations. */
  readonly deprecated?: boolean;
  readonly line?: number;
}

export interface ParamSpec extends FieldSpec {
  readonly required: boolean;
  /** The name as printed for arrays in GET form (`DeviceNames.N`); `name` is the JSON key. */
  readonly docName?: string;
}

export interface ActionError {
  readonly code: string;
  /** The action table's zh-CN text. */
  readonly message: string;
  /** The OCR'd spelling when it was corrected (see ocrCorrections). */
  readonly docSpelling?: string;
  readonly line?: number;
}

export interface ExampleRequest {
  readonly text: string;
  readonly method?: 'GET' | 'POST';
  readonly host?: string;
  readonly action?: string;
  /** GET examples: the query parameters as printed (flattened, `Attribute.Tags.0.Tag`). */
  readonly params?: Readonly<Record<string, string>>;
  /** POST examples: the JSON body, when it parses. */
  readonly body?: unknown;
}

export interface ActionExample {
  readonly title: string;
  readonly description?: string;
  readonly request: ExampleRequest;
  /** `parses` is false when the printed JSON is broken (OCR page breaks); the text is kept as printed. */
  readonly response: { readonly text: string; readonly parses: boolean };
  readonly line?: number;
}

/** Where the catalog's English for an action comes from: the intl SDK, a title we wrote, or one derived from the name. */
export type EnglishSource = 'intl-en' | 'written' | 'derived';

/**
 * A group to browse by: the seed's "…相关接口" heading in force (`seed`), or, where no document groups the action
 * (the SDK has no categories), the resource noun of its name (`resource-noun`).
 */
export interface ActionCategory {
  readonly zh: string;
  readonly en: string;
  readonly by: 'seed' | 'resource-noun';
}

/** Where the seed and the SDK say different things about a parameter, field or action, and which the catalog uses. */
export interface Disagreement {
  /** `CreateDevice.TlsCert`, `DescribeDevice output.NbiotDeviceID`, `DeviceInfo.NbiotDeviceID`. */
  readonly where: string;
  readonly about: 'presence' | 'type' | 'required' | 'rule';
  readonly seed: string | boolean;
  readonly sdk: string | boolean;
  /** The other side's name that is probably this one spelt differently (TlsCert / TlsCrt). */
  readonly near?: string;
  readonly used: 'seed' | 'sdk';
  readonly why: string;
}

export interface ActionSpec {
  readonly name: string;
  /** The zh-CN page title and the group heading above it, when the doc has them (SDK actions: the description's gist). */
  readonly title?: string;
  readonly group?: string;
  readonly version: string;
  readonly host: string;
  /** zh-CN (see descriptionLang); `en` is the English. */
  readonly description: string;
  /** The language of `description` and of the parameters' descriptions, so a UI can label Chinese shown to English readers. */
  readonly descriptionLang?: 'zh-CN';
  /** The English description (intl-en) or title (written, derived); `enSource` says which. */
  readonly en?: string;
  readonly enSource?: EnglishSource;
  readonly category?: ActionCategory;
  /** A seed document id, or the SDK package for actions only the SDK declares. */
  readonly source?: string;
  /** The SDK package a seed action was compared with. */
  readonly comparedWith?: string;
  readonly disagreements?: readonly Disagreement[];
  readonly deprecated?: boolean;
  /** The seed's 频率限制; the SDK declarations state none. */
  readonly rateLimit?: { readonly perSecond: number; readonly text: string };
  /** Request parameters, without the common ones (Action, Version, Region). */
  readonly params: readonly ParamSpec[];
  readonly outputs: readonly FieldSpec[];
  readonly examples: readonly ActionExample[];
  /** The action's own error codes (business logic); common codes apply to every action. */
  readonly errors: readonly ActionError[];
  readonly line?: number;
}

export interface StructureSpec {
  readonly name: string;
  readonly description: string;
  /** Actions that reference the structure ("被如下接口引用"). */
  readonly usedBy: readonly string[];
  /** True when the table has a 必选 column, i.e. the structure is sent in requests. */
  readonly input: boolean;
  readonly fields: readonly FieldSpec[];
  readonly source?: string;
  readonly en?: string;
  readonly comparedWith?: string;
  readonly disagreements?: readonly Disagreement[];
  readonly line?: number;
}

export type ErrorKind = 'common' | 'business';

export interface ServiceErrorCode {
  readonly code: string;
  readonly message: string;
  readonly kind: ErrorKind;
  readonly docSpelling?: string;
  /** Listed by action tables only, not by the service's own common/business tables. */
  readonly onlyInActions?: boolean;
  /** The seed whose table it was read from, when the service has no error table of its own (IoT Explorer). */
  readonly source?: string;
  /** Wording of the "签名失败" tables on the signing pages. */
  readonly signingNotes?: readonly { readonly scheme: 'v3' | 'v1'; readonly text: string; readonly line?: number }[];
  readonly line?: number;
}

export interface CommonParam {
  readonly name: string;
  readonly type: string;
  /** 'depends' for the doc's "-" (Region: some actions do not take it). */
  readonly required: boolean | 'depends';
  readonly description: string;
  /** The HTTP header carrying it under signature v3 (X-TC-Action, …). */
  readonly header?: string;
  readonly line?: number;
}

export interface AccessDomain {
  /** The doc's name for the access area, e.g. 华南地区(广州). */
  readonly area: string;
  readonly host: string;
  readonly region?: string;
  /** The nearest-region domain (no region in the host). */
  readonly nearest?: boolean;
  /** Financial zones are isolated: their Region needs their own domain. */
  readonly financial: boolean;
  readonly line?: number;
}

export interface OcrCorrection {
  readonly source: string;
  readonly line?: number;
  /** Which catalog entry the text belongs to, e.g. "BindDevices errors". */
  readonly where: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

/** Something odd in the document that was kept as printed. */
export interface DocIssue {
  readonly where: string;
  readonly line?: number;
  readonly issue: string;
}

export interface RequestLimits {
  readonly getMaxBytes: number;
  readonly postV1MaxBytes: number;
  readonly postTc3MaxBytes: number;
  readonly responseMaxBytes: number;
  readonly timestampSkewSeconds: number;
  readonly sources: readonly string[];
}

/** One Tencent Cloud API 3.0 service at one version. */
export interface ServiceCatalog {
  readonly service: string;
  readonly version: string;
  readonly name: LocalizedName;
  readonly source: string;
  /** Every source the data was read from: seed documents and SDK packages (`name@version`). */
  readonly sources?: readonly string[];
  readonly descriptionLang?: 'zh-CN';
  /** The nearest-region domain. */
  readonly host: string;
  readonly signatureSchemes: readonly string[];
  readonly limits?: RequestLimits;
  readonly commonParams?: { readonly tc3: readonly CommonParam[]; readonly v1: readonly CommonParam[] };
  readonly regions: readonly { readonly name: string; readonly region: string; readonly line?: number }[];
  readonly domains: readonly AccessDomain[];
  readonly actions: readonly ActionSpec[];
  readonly structures: readonly StructureSpec[];
  readonly errorCodes: readonly ServiceErrorCode[];
  readonly constraintCount: number;
  readonly ocrCorrections: readonly OcrCorrection[];
  readonly docIssues: readonly DocIssue[];
  /** Seed actions the SDK does not declare. */
  readonly disagreements?: readonly Disagreement[];
  readonly notes?: readonly string[];
}

export interface VendorParam {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly in: 'path' | 'body' | 'query';
  readonly description: string;
  /** A fixed value (MXCHIP grant_type). */
  readonly const?: string;
  readonly secret?: boolean;
  readonly line?: number;
}

export interface VendorField {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly secret?: boolean;
  readonly line?: number;
}

export interface VendorEndpoint {
  /** Our name for the endpoint (the vendor pages name none); `title` is the page's own wording. */
  readonly name: string;
  readonly title: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly params: readonly VendorParam[];
  readonly structures?: readonly { readonly name: string; readonly fields: readonly VendorField[]; readonly line?: number }[];
  readonly outputs: readonly VendorField[];
  readonly examples: readonly {
    readonly request?: { readonly text: string; readonly parses: boolean };
    readonly response: { readonly text: string; readonly parses: boolean };
  }[];
  readonly errors: readonly { readonly code: string; readonly message: string; readonly line?: number }[];
  readonly notes?: readonly string[];
  readonly line?: number;
}

export type VendorAuth =
  | { readonly scheme: 'api-key'; readonly header: string; readonly description: string }
  | {
      readonly scheme: 'bearer';
      readonly header: string;
      readonly format: string;
      readonly tokenEndpoint: string;
      readonly grantType: string;
      readonly example: string;
      readonly description: string;
    };

export interface VendorErrorCode {
  readonly code: string;
  readonly message: string;
  readonly kind: ErrorKind;
  /** A documented error body with this code. */
  readonly example?: string;
  readonly messageDoc?: string;
  readonly success?: boolean;
  readonly line?: number;
}

/** A non-Tencent vendor API (OneNET, MXCHIP). */
export interface VendorCatalog {
  readonly vendor: 'onenet' | 'mxchip';
  readonly name: string;
  readonly source: string;
  /** Absent when the doc names no host (MXCHIP). */
  readonly baseUrl?: string;
  readonly auth: VendorAuth;
  /** Where the status code and message sit in a response body; dotted for nested fields. */
  readonly response: {
    readonly codeField: string;
    readonly messageField: string;
    readonly dataField: string;
    readonly successCode: number;
    readonly successMessage?: string;
  };
  readonly endpoints: readonly VendorEndpoint[];
  readonly errorCodes: readonly VendorErrorCode[];
  readonly ocrCorrections: readonly OcrCorrection[];
  readonly docIssues: readonly DocIssue[];
}

export interface Catalog {
  readonly services: readonly ServiceCatalog[];
  readonly vendors: readonly VendorCatalog[];
}
