/** A named set of Tencent Cloud credentials, as kept in settings. The SecretKey is never part of it. */
export interface Profile {
  readonly name: string;
  readonly secretId: string;
  readonly region: string;
  /** A private or local endpoint (e.g. http://127.0.0.1:9180) instead of <service>.tencentcloudapi.com. */
  readonly endpoint?: string;
  /** The MQTT broker a virtual device of this profile connects to; derived from the endpoint when absent (core deviceBrokerUrl). */
  readonly mqttBroker?: string;
}

export const DEFAULT_REGION = 'ap-guangzhou';

const NAME = /^[\w.-]{1,64}$/;
const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/;

/** Why a profile field is not acceptable, or undefined when it is; shown beside the input box. */
export const profileFieldProblems = {
  name: (value: string): string | undefined => (NAME.test(value) ? undefined : 'name: 1-64 letters, digits, "_", "." or "-"'),
  secretId: (value: string): string | undefined => (/^\S{4,128}$/.test(value) ? undefined : 'secretId: the SecretId, 4-128 characters without spaces'),
  secretKey: (value: string): string | undefined => (/^\S{4,128}$/.test(value) ? undefined : 'secretKey: the SecretKey, 4-128 characters without spaces'),
  region: (value: string): string | undefined => (REGION.test(value) ? undefined : 'region: a region id such as ap-guangzhou'),
  endpoint: (value: string): string | undefined => {
    if (value === '') return undefined;
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : 'endpoint: an http:// or https:// URL';
    } catch {
      return 'endpoint: an http:// or https:// URL such as http://127.0.0.1:9180, or empty';
    }
  },
};

/**
 * Profiles from the settings value, which a person may have edited by hand: entries that are not usable
 * are dropped and named in `problems`, so one typo never hides the other profiles.
 */
export function readProfiles(value: unknown): { profiles: Profile[]; problems: string[] } {
  const profiles: Profile[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { profiles, problems };
  if (!Array.isArray(value)) return { profiles, problems: ['iotDevkit.profiles: expected an array of {name, secretId, region, endpoint?}'] };
  value.forEach((entry: unknown, index) => {
    const at = `iotDevkit.profiles[${index}]`;
    if (typeof entry !== 'object' || entry === null) return problems.push(`${at}: expected an object`);
    const raw = entry as Record<string, unknown>;
    const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string).trim() : '');
    const profile = { name: text('name'), secretId: text('secretId'), region: text('region') || DEFAULT_REGION, endpoint: text('endpoint') };
    const problem =
      profileFieldProblems.name(profile.name) ??
      profileFieldProblems.secretId(profile.secretId) ??
      profileFieldProblems.region(profile.region) ??
      profileFieldProblems.endpoint(profile.endpoint);
    if (problem !== undefined) return problems.push(`${at}.${problem}`);
    // Checked where it is used (the core's deviceBrokerUrl names a bad one), to keep the activation bundle small.
    const mqttBroker = text('mqttBroker');
    if (profiles.some((p) => p.name === profile.name)) return problems.push(`${at}.name: "${profile.name}" is used twice`);
    if ('secretKey' in raw)
      problems.push(`${at}.secretKey: ignored — SecretKeys belong in SecretStorage (run "IoT Devkit: Add Profile"), remove it from settings.json`);
    const base = profile.endpoint === '' ? { name: profile.name, secretId: profile.secretId, region: profile.region } : profile;
    profiles.push(mqttBroker === '' ? base : { ...base, mqttBroker });
    return undefined;
  });
  return { profiles, problems };
}

/** The active profile: the named one when it exists, else the first. */
export function pickActiveProfile(profiles: readonly Profile[], activeName: unknown): Profile | undefined {
  return profiles.find((p) => p.name === activeName) ?? profiles[0];
}
