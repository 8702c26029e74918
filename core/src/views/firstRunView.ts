// First run in both UIs (issue 16): when the local emulator answers on its default port, one click adds a profile
// for it; otherwise one line says what to do. The emulator's GET /_emulator (adminRoutes.ts) names its SecretIds
// with their keys masked; the key of the demo pair is the documented made-up one (EmulatorCredential.ts), so the
// offer is made only when the emulator serves that pair — an emulator started with other --data is not guessed at.
import { DEMO_CREDENTIAL } from '../emulator/EmulatorCredential.js';
import { parseJsonBounded } from '../encoding/parseJsonBounded.js';
import type { LocalizedText } from '../signing/SigningStep.js';
import { maskSecret } from '../signing/maskSecret.js';

/** Where `iot-devkit emulator` listens when no --port is given (cli/src/commands/emulator.ts). */
export const EMULATOR_DEFAULT_ENDPOINT = 'http://127.0.0.1:9180/';
/** The admin route that describes a running emulator. */
export const EMULATOR_INFO_URL = `${EMULATOR_DEFAULT_ENDPOINT}_emulator`;

/** The profile "Use the local emulator" adds; `secretKey` goes to the host's key store like any key. */
export interface EmulatorProfileOffer {
  readonly name: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly region: string;
  readonly endpoint: string;
}

export type FirstRunView =
  | { readonly kind: 'offerEmulator'; readonly offer: EmulatorProfileOffer; readonly label: LocalizedText; readonly detail: LocalizedText }
  | { readonly kind: 'hint'; readonly text: LocalizedText };

export const EMULATOR_PROFILE_NAME = 'local-emulator';

/** What to do when no emulator answers (or it serves other keys): start one, or add your own profile. */
export const FIRST_RUN_HINT: LocalizedText = {
  en: 'No profile yet: run `npx iot-devkit emulator --demo` for a local IoT Hub, or add a profile with your SecretId and SecretKey.',
  zh: '还没有配置：运行 `npx iot-devkit emulator --demo` 启动本地 IoT Hub，或添加一个包含 SecretId 和 SecretKey 的配置。',
};

const OTHER_KEYS_HINT: LocalizedText = {
  en: 'A local emulator answers on 127.0.0.1:9180 but does not serve the demo key pair: add a profile with one of its keys (endpoint http://127.0.0.1:9180/).',
  zh: '本地模拟器在 127.0.0.1:9180 运行，但未使用演示密钥：请用它的密钥添加配置（endpoint http://127.0.0.1:9180/）。',
};

/**
 * The first-run view from GET /_emulator's answer: `body` undefined when nothing answered (refused, timed out).
 * Anything that is not the emulator's own description gives the hint, never an offer.
 */
export function buildFirstRunView(body: string | undefined): FirstRunView {
  if (body === undefined) return { kind: 'hint', text: FIRST_RUN_HINT };
  const parsed = parseJsonBounded(body, 'GET /_emulator', { maxDepth: 8, maxLength: 256 * 1024 });
  const info = parsed.ok && parsed.value !== null && typeof parsed.value === 'object' ? (parsed.value as Record<string, unknown>) : undefined;
  if (typeof info?.['emulator'] !== 'string' || !Array.isArray(info['credentials'])) return { kind: 'hint', text: FIRST_RUN_HINT };
  const servesDemo = info['credentials'].some((entry: unknown) => {
    const credential = entry as Record<string, unknown> | null;
    return credential?.['SecretId'] === DEMO_CREDENTIAL.secretId && credential['SecretKey'] === maskSecret(DEMO_CREDENTIAL.secretKey);
  });
  if (!servesDemo) return { kind: 'hint', text: OTHER_KEYS_HINT };
  return {
    kind: 'offerEmulator',
    offer: {
      name: EMULATOR_PROFILE_NAME,
      secretId: DEMO_CREDENTIAL.secretId,
      secretKey: DEMO_CREDENTIAL.secretKey,
      region: 'ap-guangzhou',
      endpoint: EMULATOR_DEFAULT_ENDPOINT,
    },
    label: { en: 'Use the local emulator', zh: '使用本地模拟器' },
    detail: {
      en: 'The local emulator answers on 127.0.0.1:9180: add a profile with its made-up demo key pair.',
      zh: '本地模拟器正在 127.0.0.1:9180 运行：用它的演示密钥（虚构的）添加一个配置。',
    },
  };
}
