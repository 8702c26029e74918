import { maskSecret } from '../../signing/maskSecret.js';
import { SigningInputError } from '../../signing/SigningInputError.js';
import type { LocalizedText, SigningStep } from '../../signing/SigningStep.js';

export const ONENET_API_HOST = 'api.onenet.hk.chinamobile.com';
export const ONENET_API_KEY_STEP_IDS = ['header', 'request'] as const;
export type OneNetApiKeyStepId = (typeof ONENET_API_KEY_STEP_IDS)[number];

const RULES: Record<OneNetApiKeyStepId, { title: LocalizedText; rule: LocalizedText }> = {
  header: {
    title: { en: 'api-key header', zh: 'api-key 请求头' },
    rule: {
      en: 'The API key is sent as is in an api-key header: no signature, no timestamp. Anyone who sees it can use it, so send it over HTTPS where the host offers it.',
      zh: 'APIKey 原样放在 api-key 请求头中，不签名、不带时间戳；泄露即可被冒用。',
    },
  },
  request: {
    title: { en: 'Request', zh: '请求' },
    rule: {
      en: 'Update apikey (shared/seeds/002): PUT http://api.onenet.hk.chinamobile.com/keys/{key}, {key} being the API key to update; the update overwrites its permissions.',
      zh: '更新 apikey（shared/seeds/002）：PUT http://api.onenet.hk.chinamobile.com/keys/{key}，{key} 为要更新的 apikey；更新为覆盖操作，原有授权不保留。',
    },
  },
};

export interface OneNetApiKeyRequestInput {
  /** The API key that authenticates the call (api-key header). */
  readonly apiKey: string;
  /** The API key to update with PUT /keys/{key}; defaults to apiKey itself. */
  readonly keyToUpdate?: string;
}

export interface OneNetApiKeyRequest {
  readonly method: 'PUT';
  /** To send; contains the key to update, so never log it (the steps show it masked). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly steps: readonly SigningStep<OneNetApiKeyStepId>[];
}

// A key goes into one path segment: "/" must be escaped, while "=" and "+" are legal in a segment and the
// doc's example sends them raw (".../keys/Av************RHxA=").
const encodePathSegment = (segment: string) => encodeURIComponent(segment).replace(/%(2B|3D|3A|40|24|26|2C|3B)/g, (escape) => decodeURIComponent(escape));

function checkKey(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new SigningInputError(field, 'a OneNET API key (it was empty)');
  if (/\s/.test(value)) throw new SigningInputError(field, 'a OneNET API key without whitespace (copied with a trailing newline?)');
  return value;
}

/** OneNET's plain api-key authentication, shown as a scheme next to the signed ones (seed 002, PUT /keys/{key}). */
export function buildOneNetApiKeyRequest(input: OneNetApiKeyRequestInput): OneNetApiKeyRequest {
  const apiKey = checkKey(input.apiKey, 'apiKey');
  const keyToUpdate = input.keyToUpdate === undefined ? apiKey : checkKey(input.keyToUpdate, 'keyToUpdate');
  const url = `http://${ONENET_API_HOST}/keys/${encodePathSegment(keyToUpdate)}`;
  const values: Record<OneNetApiKeyStepId, string> = {
    header: `api-key: ${maskSecret(apiKey)}`,
    request: `PUT http://${ONENET_API_HOST}/keys/${maskSecret(keyToUpdate)}`,
  };
  const steps = ONENET_API_KEY_STEP_IDS.map((id) => ({ id, ...RULES[id], value: values[id] }));
  return { method: 'PUT', url, headers: { 'api-key': apiKey }, steps };
}
