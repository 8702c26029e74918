import type { Credentials } from '@iot-devkit/core';

/** The profile `Authorization: TC3` and `--profile`-less runs mean: the environment's credentials. */
export const DEFAULT_PROFILE = 'default';

/**
 * The CLI's credentials for a profile, or why there are none. Today the CLI has one source, the environment
 * (TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _SESSION_TOKEN, as the official SDKs and tccli read them); issue 17 adds
 * named profiles here, so `request` and `http` pick them up together.
 */
export function resolveCredentials(env: Readonly<Record<string, string | undefined>>, profile: string = DEFAULT_PROFILE): Credentials | string {
  if (profile !== DEFAULT_PROFILE)
    return `profile ${JSON.stringify(profile)}: profiles: only the environment's credentials (profile "${DEFAULT_PROFILE}": TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY) are available to the CLI yet`;
  const secretId = env['TENCENTCLOUD_SECRET_ID'];
  const secretKey = env['TENCENTCLOUD_SECRET_KEY'];
  if (!secretId) return 'TENCENTCLOUD_SECRET_ID: set it to your SecretId (read from the environment, as the official SDKs and tccli do)';
  if (!secretKey) return 'TENCENTCLOUD_SECRET_KEY: set it to your SecretKey (read from the environment, never from the command line)';
  const token = env['TENCENTCLOUD_SESSION_TOKEN'];
  return { secretId, secretKey, ...(token ? { token } : {}) };
}
