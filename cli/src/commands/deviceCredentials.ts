import { signDeviceCredentials, verifyDeviceCredentials, type MqttHmac } from '@iot-devkit/core';
import { UsageError, type Command } from '../Command.js';
import { flag, hasFlag, parseArgs } from '../args.js';
import { formatFields, formatSteps } from '../formatSteps.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import { describeExpiry, formatVerdict, maskedFromEnv, refuseSecretFlags, requiredFlag, secretFromEnv, withFlagNames } from './credentialCli.js';

const FIELD_TO_FLAG = (pskEnv: string): Record<string, string> => ({
  productId: '--product-id',
  deviceName: '--device-name',
  devicePsk: `--psk-env (${pskEnv})`,
  expiry: '--expiry',
  sdkAppId: '--sdk-app-id',
  hmac: '--hmac',
  connid: '--connid',
  username: '--username',
  password: '--password',
});

function readHmac(text: string | undefined): MqttHmac | undefined {
  if (text === undefined) return undefined;
  if (text !== 'sha256' && text !== 'sha1') throw new UsageError(`--hmac: sha256 or sha1, got ${JSON.stringify(text)}`);
  return text;
}

export const deviceCredentialsCommand: Command = {
  name: 'device-credentials',
  summary: 'Tencent IoT Hub device MQTT username/password (key authentication), or --verify captured ones',
  usage: `Usage: iot-devkit device-credentials --product-id P --device-name D --psk-env VAR [--expiry S|never] [--sdk-app-id N] [--hmac sha256|sha1] [--connid C] [--json]
       iot-devkit device-credentials --verify --username U --password P --psk-env VAR [--product-id P --device-name D] [--client-id C] [--json]

Computes the MQTT CONNECT credentials of a Tencent IoT Hub device with key (PSK) authentication:
  clientId  ProductId + DeviceName
  username  clientId;sdkappid;connid;expiry
  password  hex(HMAC-SHA256(base64decode(DevicePsk), username)) + ";hmacsha256"   (or HMAC-SHA1 and ";hmacsha1")
  broker    {ProductId}.iotcloud.tencentdevices.com:1883

  --psk-env VAR   name of the environment variable holding DevicePsk (base64). Secrets are never taken as arguments.
  --expiry S      Unix time in seconds when the password stops working (default: now + 3600); never = 2147483647
                  (Integer.MAX_VALUE, as the Java SDKs send); 9223372036854775807 and 92233720368547758 (the C SDKs'
                  LONG_MAX, whole and cut) are written as given
  --sdk-app-id N  12010126 (default: the docs, Java/Android SDKs) or 21010406 (C SDKs, Python SDK, qcloud_iot_mqtt_sign)
  --hmac          sha256 (default) or sha1
  --connid C      5 letters or digits (default: random), to reproduce a captured username
  --verify        check a captured --username/--password against the PSK instead; names what is wrong with a
                  stable id: expired, wrong-method, key-not-base64-decoded, client-id-mismatch, malformed-username,
                  malformed-password, signature-mismatch; names the SDK whose shape the username/password has
                  (sdkappid, expiry incl. LONG_MAX/INT_MAX "never" and milliseconds, hmacsha1/hmacsha256)
  --json          print JSON instead of the steps
The PSK is shown masked. Exit codes: 0 ok, 1 verify found a problem, 2 bad input (one line on stderr naming the option).`,
  async run(context) {
    refuseSecretFlags(context.args, { psk: '--psk-env VAR', 'device-psk': '--psk-env VAR', key: '--psk-env VAR' });
    const parsed = parseArgs(
      context.args,
      ['json', 'verify'],
      ['product-id', 'device-name', 'psk-env', 'expiry', 'sdk-app-id', 'hmac', 'connid', 'username', 'password', 'client-id'],
    );
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
    const json = hasFlag(parsed, 'json');
    const now = context.now();
    const psk = secretFromEnv(context, parsed, 'psk-env', 'DevicePsk, base64');
    const fieldToFlag = FIELD_TO_FLAG(psk.name);

    if (hasFlag(parsed, 'verify')) {
      for (const f of ['expiry', 'sdk-app-id', 'hmac', 'connid'])
        if (hasFlag(parsed, f)) throw new UsageError(`--${f}: not used with --verify (they are read from the captured username and password)`);
      const username = requiredFlag(parsed, 'username', 'the captured MQTT username');
      const password = requiredFlag(parsed, 'password', 'the captured MQTT password');
      const productId = flag(parsed, 'product-id');
      const deviceName = flag(parsed, 'device-name');
      if ((productId === undefined) !== (deviceName === undefined))
        throw new UsageError(`--${productId === undefined ? 'product-id' : 'device-name'}: give --product-id and --device-name together`);
      const clientId = flag(parsed, 'client-id');
      const v = withFlagNames(fieldToFlag, () =>
        verifyDeviceCredentials(
          {
            username,
            password,
            devicePsk: psk.value,
            now,
            ...(productId !== undefined ? { productId, deviceName } : {}),
            ...(clientId !== undefined ? { clientId } : {}),
          },
          { crypto: nodeHashProvider },
        ),
      );
      if (json) {
        const shape = v.steps.find((step) => step.id === 'shape')?.value;
        context.out(JSON.stringify({ ok: v.ok, findings: v.findings, parsed: v.parsed, shape, expectedPassword: v.expectedPassword }, null, 2));
      } else {
        const shape = v.steps.find((step) => step.id === 'shape')?.value ?? '';
        const header = formatFields([
          ['Scheme', 'Tencent IoT Hub device MQTT, key authentication (verify)'],
          ['Username', username],
          ['Shape', shape],
          ['DevicePsk', maskedFromEnv(psk)],
          ...(v.parsed.expiry !== undefined ? [['Expiry', describeExpiry(v.parsed.expiry, now)] as const] : []),
        ]);
        const okText = `the password is right for this PSK and username${v.parsed.expiry !== undefined ? `, valid until ${describeExpiry(v.parsed.expiry, now)}` : ''}`;
        context.out(`${header}\n\n${formatVerdict(v.ok, v.findings, okText)}\n\nRecomputed from the captured username:\n\n${formatSteps(v.steps)}`);
      }
      return v.ok ? 0 : 1;
    }

    for (const f of ['username', 'password', 'client-id']) if (hasFlag(parsed, f)) throw new UsageError(`--${f}: only used with --verify`);
    const productId = requiredFlag(parsed, 'product-id', 'the ProductId, 10 upper-case letters or digits such as ABCDE12345');
    const deviceName = requiredFlag(parsed, 'device-name', 'the DeviceName');
    const expiry = flag(parsed, 'expiry');
    const sdkAppId = flag(parsed, 'sdk-app-id');
    const hmac = readHmac(flag(parsed, 'hmac'));
    const connid = flag(parsed, 'connid');
    const c = withFlagNames(fieldToFlag, () =>
      signDeviceCredentials(
        {
          productId,
          deviceName,
          devicePsk: psk.value,
          now,
          ...(expiry !== undefined ? { expiry } : {}),
          ...(sdkAppId !== undefined ? { sdkAppId } : {}),
          ...(hmac ? { hmac } : {}),
          ...(connid !== undefined ? { connid } : {}),
        },
        { crypto: nodeHashProvider },
      ),
    );
    if (json) {
      const { clientId, username, password, host, port, connid: usedConnid, hmac: usedHmac, sdkAppId: usedAppId, shape } = c;
      // expiry: Unix seconds, null when it is a 64-bit LONG_MAX (no exact JSON number); the username holds the text.
      const out = { clientId, username, password, host, port, connid: usedConnid, expiry: c.expiry ?? null, hmac: usedHmac, sdkAppId: usedAppId, shape };
      context.out(JSON.stringify(out, null, 2));
      return 0;
    }
    const header = formatFields([
      ['Scheme', `Tencent IoT Hub device MQTT, key authentication (HMAC-${c.hmac.toUpperCase()})`],
      ['Device', `${productId} / ${deviceName}`],
      ['DevicePsk', maskedFromEnv(psk)],
      ['Expiry', c.expiry !== undefined ? describeExpiry(c.expiry, now) : `${c.expiryPart.text} (LONG_MAX: never)`],
      ['Shape', c.shape],
    ]);
    const connect = formatFields([
      ['host', c.host],
      ['port', String(c.port)],
      ['clientId', c.clientId],
      ['username', c.username],
      ['password', c.password],
    ]);
    context.out(`${header}\n\n${formatSteps(c.steps)}\n\nConnect with:\n${connect}`);
    return 0;
  },
};
