import type { CapturedRequest } from '../capture/CapturedRequest.js';
import type { HashProvider } from '../crypto/HashProvider.js';
import { utf8DecodeStrict } from '../encoding/bytes.js';
import { CAUSE_RULES } from '../diagnosis/causeRules.js';
import { diagnose } from '../diagnosis/diagnose.js';
import type { DiagnosisVerdict } from '../diagnosis/DiagnosisVerdict.js';
import type { SignatureDiagnoser } from './authenticateCall.js';
import type { ReceivedRequest } from './EmulatorHttp.js';
import { hostWithoutPort, isLoopbackHost, sdkServiceForEndpoint } from './loopbackHost.js';

function captured(request: ReceivedRequest, host: string): CapturedRequest {
  return {
    method: request.method,
    url: `http://${host}${request.target}`,
    headers: (request.rawHeaders ?? Object.entries(request.headers)).map(([name, value]) => ({ name, value: name.toLowerCase() === 'host' ? host : value })),
    body: utf8DecodeStrict(request.body) ?? '',
  };
}

/** What remains when nothing reproduces the signature, most likely first, and what decides between them. */
function notReproduced(verdict: DiagnosisVerdict): string {
  const ranked = verdict.candidates
    .slice(0, 2)
    .map((c, i) => `${i + 1}. ${c.title.en} (${c.id})`)
    .join('; ');
  return `${verdict.headline.en} What remains: ${ranked}. ${verdict.fix?.en ?? ''}`.trim();
}

/**
 * The emulator answers on the one thread that also runs its MQTT broker, so a refused signature must not cost the
 * full timestamp search (~0.25 s of CPU, twice for a loopback SDK request): ±15 minutes finds a clock read twice
 * or a slow step between signing and sending; `iot-devkit diagnose` and the UIs search the whole day.
 */
export const EMULATOR_TIMESTAMP_SEARCH_SECONDS = 900;

/** The explanation's own sentence about this request, without the doc quote that follows it. */
const firstPart = (text: string) => text.split(' The doc: ')[0]!.trim();

/**
 * The signature diagnosis (core/src/diagnosis) as the emulator asks it: re-sign the failed request under each
 * known mistake and name the one that reproduces its signature. A request to a loopback endpoint is diagnosed
 * as sent, and, when its credential scope names the official SDK's endpoint-derived service ("127"), also the
 * way that SDK signs (host without port) — otherwise the SDK's quirk would hide the developer's real mistake.
 * A v1 request to a loopback endpoint is diagnosed with its host as sent (port included, as the SDK signs v1), then
 * without the port.
 */
export function createEmulatorDiagnoser(crypto?: HashProvider): SignatureDiagnoser {
  return ({ request, credential, nowSeconds, service }) => {
    const host = request.headers['host'] ?? '';
    const scopeService = /Credential=[^/]*\/[^/]*\/([^/]*)\//.exec(request.headers['authorization'] ?? '')?.[1];
    const attempts: { host: string; service: string }[] = [{ host, service }];
    if (isLoopbackHost(host) && scopeService !== undefined && scopeService === sdkServiceForEndpoint(host))
      attempts.unshift({ host: hostWithoutPort(host), service: scopeService });
    // v1 carries no scope: a loopback client may have signed its host with the port (the official SDK) or without.
    else if (isLoopbackHost(host) && scopeService === undefined && hostWithoutPort(host) !== host) attempts.push({ host: hostWithoutPort(host), service });
    let unexplained: string | undefined;
    for (const attempt of attempts) {
      try {
        const diagnosis = diagnose(
          {
            request: captured(request, attempt.host),
            secretKey: credential.secretKey,
            errorCode: 'AuthFailure.SignatureFailure',
            sentAt: nowSeconds,
            service: attempt.service,
          },
          { ...(crypto ? { crypto } : {}), timestampSearchRadius: EMULATOR_TIMESTAMP_SEARCH_SECONDS },
        );
        if (diagnosis.cause === null) {
          // The emulator holds the key registered for this SecretId, so "another key" means the client's, not ours.
          if (diagnosis.verdict.kind === 'not-reproduced') unexplained ??= notReproduced(diagnosis.verdict);
          continue;
        }
        const rule = CAUSE_RULES[diagnosis.cause];
        return `${rule.title.en} (${diagnosis.cause}). ${firstPart(diagnosis.explanation.en)}${diagnosis.fix ? ` Fix: ${diagnosis.fix.en}` : ''}`;
      } catch {
        // A request the diagnosis cannot read has no cause to add; the cloud's own message stands.
      }
    }
    return unexplained;
  };
}
