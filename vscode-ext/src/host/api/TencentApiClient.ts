import { buildHttpRequest, SigningKeyCache, type ApiRequest, type Credentials, type SignedHttpRequest, type Transport } from '@iot-devkit/core';
import { IOTCLOUD } from '../../constants.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import type { Profile } from '../profiles/Profile.js';
import { readApiResponse, type ApiResponseReading } from './readApiResponse.js';

export interface ApiCall {
  /** The profile that signed it. */
  readonly profile: string;
  readonly request: ApiRequest;
  readonly signed: SignedHttpRequest;
  readonly status: number;
  readonly body: string;
  readonly reading: ApiResponseReading;
}

/** An API 3.0 error answer, thrown by callOrThrow: the code is what the shadow editor and tree react to. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(`${code}: ${message}${requestId ? ` (RequestId ${requestId})` : ''}`);
  }
}

/** Where the client gets the active profile and its key (ProfileStore in the extension). */
export interface CredentialSource {
  credentials(): Promise<{ profile: Profile; credentials: Credentials }>;
}

/**
 * Calls Tencent Cloud API 3.0 with the active profile: the only place the extension sends one. The Sign tab
 * (signHandlers) and the credential forms also sign, to show the steps, but send nothing.
 */
export class TencentApiClient {
  constructor(
    private readonly profiles: CredentialSource,
    private readonly transport: Transport,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
    /** The extension's one cache of derived keys (ProfileStore makes it forget a removed key). */
    private readonly keyCache: SigningKeyCache = new SigningKeyCache(),
  ) {}

  /** Builds the request for the active profile (region and endpoint filled in), signed with a fresh timestamp. */
  async sign(call: Omit<ApiRequest, 'endpoint'>): Promise<{ profile: string; request: ApiRequest; signed: SignedHttpRequest }> {
    const { profile, credentials } = await this.profiles.credentials();
    const request: ApiRequest = { ...call, region: call.region || profile.region, ...(profile.endpoint ? { endpoint: profile.endpoint } : {}) };
    return {
      profile: profile.name,
      request,
      signed: buildHttpRequest(request, { credentials, timestamp: this.now(), crypto: nodeHashProvider, keyCache: this.keyCache }),
    };
  }

  async send(call: Omit<ApiRequest, 'endpoint'>): Promise<ApiCall> {
    const { profile, request, signed } = await this.sign(call);
    const response = await this.transport(signed);
    return { profile, request, signed, status: response.status, body: response.body, reading: readApiResponse(response.status, response.body) };
  }

  /** An iotcloud action's Response data, or an ApiError. */
  async callIotcloud(action: string, params: Record<string, unknown>): Promise<Readonly<Record<string, unknown>>> {
    const { reading, status } = await this.send({ ...IOTCLOUD, action, params });
    if (reading.kind === 'success') return reading.data;
    if (reading.kind === 'error') throw new ApiError(reading.code, reading.message, reading.requestId);
    throw new ApiError(`HTTP${status}`, reading.message);
  }
}
