import { createInterface } from 'node:readline';
import mqtt, { type MqttClient } from 'mqtt';
import {
  buildBrokerHost,
  CONNACK_RETURN_CODE_NAMES,
  deviceConnectOptions,
  deviceTopics,
  followShadowDelta,
  isJsonObject,
  maskForDisplay,
  parseJsonBounded,
  readShadowMessage,
  SHADOW_MAX_DEPTH,
  shadowGetRequest,
  shadowOperationTopic,
  shadowReportRequest,
  shadowResultTopic,
  signDeviceCredentials,
  type JsonObject,
  type MqttHmac,
  type ProductTopicPolicy,
} from '@iot-devkit/core';
import { UsageError, type Command, type CommandContext } from '../Command.js';
import { flag, hasFlag, parseArgs } from '../args.js';
import { formatFields, formatSteps } from '../formatSteps.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import { waitForStopSignal } from '../waitForStopSignal.js';
import { maskedFromEnv, refuseSecretFlags, requiredFlag, secretFromEnv, withFlagNames } from './credentialCli.js';
import { readDeviceTopicPolicies, topicPoliciesEndpoint } from './deviceTopicPolicies.js';

const DEFAULT_BROKER = 'mqtt://127.0.0.1:1883';
/** The credential steps whose value is a secret derived from the PSK: shown masked. */
const SECRET_STEPS = new Set(['signature', 'password']);

/** --broker: a URL, or "cloud" for the real broker of the product (TLS on 8883, as the device SDKs connect). */
function readBroker(text: string | undefined, productId: string): string {
  if (text === undefined) return DEFAULT_BROKER;
  if (text === 'cloud') return `mqtts://${buildBrokerHost(productId)}:8883`;
  if (!/^(?:mqtts?|wss?):\/\/[^\s/]+(?:\/\S*)?$/.test(text))
    throw new UsageError(
      `--broker: a URL such as mqtt://127.0.0.1:1883, mqtts://host:8883 or ws://127.0.0.1:8083, or "cloud"; got ${JSON.stringify(text.slice(0, 80))}`,
    );
  return text;
}

/** --report and stdin lines: a JSON object of reported keys (null deletes one). */
function readReport(text: string, where: string): JsonObject | string {
  const read = parseJsonBounded(text, where, { maxDepth: SHADOW_MAX_DEPTH });
  if (!read.ok) return `${read.message}; expected a JSON object such as {"temp":21}`;
  return isJsonObject(read.value) ? (read.value as JsonObject) : `${where}: expected a JSON object such as {"temp":21}`;
}

/** The running device: it keeps the shadow version the broker last told it, as iot-device-java's TXShadowConnection does. */
async function runDevice(
  context: CommandContext,
  client: MqttClient,
  productId: string,
  deviceName: string,
  options: { report?: JsonObject; followDelta: boolean; policies: readonly ProductTopicPolicy[] },
) {
  const out = context.out;
  let version = 0;
  let token = 0;
  const nextToken = () => `${productId}${deviceName}-${++token}`;
  const send = (topic: string, text: string) => {
    out(`→ ${topic} ${text}`);
    client.publish(topic, text, { qos: 0 });
  };
  const report = (reported: JsonObject) => send(shadowOperationTopic(productId, deviceName), shadowReportRequest(reported, version, nextToken()));
  client.on('message', (topic, payload) => {
    const text = payload.toString('utf8');
    out(`← ${topic} ${text}`);
    if (topic !== shadowResultTopic(productId, deviceName)) return;
    const message = readShadowMessage(text);
    if (!message) return;
    const decision = followShadowDelta(message, version, options.followDelta);
    version = decision.version;
    if (decision.refused) out(`  the broker refused the ${decision.refused.type} (result ${decision.refused.result})`);
    if (decision.report) {
      out(`  delta ${JSON.stringify(decision.report)} (version ${version}): applied; reporting it back`);
      report(decision.report);
    }
  });

  const subscribable = deviceTopics(productId, deviceName, options.policies).filter((t) => t.access !== 'publish');
  const granted = await client
    .subscribeAsync(
      subscribable.map((t) => t.filter),
      { qos: 1 },
    )
    .catch((error: { packet?: { granted?: number[] } }) => (error.packet?.granted ?? []).map((qos, i) => ({ topic: subscribable[i]?.filter ?? '', qos })));
  for (const g of granted) out(`Subscribed ${g.topic}: ${g.qos === 128 ? 'refused (SUBACK 0x80)' : `QoS ${g.qos}`}`);
  // Learn the version (and, with --follow-delta, what is pending) before reporting anything.
  send(shadowOperationTopic(productId, deviceName), shadowGetRequest(nextToken()));
  if (options.report) report(options.report);

  const lines = createInterface({ input: process.stdin, terminal: false });
  let lineNo = 0;
  lines.on('line', (line) => {
    lineNo++;
    if (line.trim() === '') return;
    const reported = readReport(line, `stdin line ${lineNo}`);
    if (typeof reported === 'string') out(`  ${reported}`);
    else report(reported);
  });
  await waitForStopSignal();
  lines.close();
}

export const deviceCommand: Command = {
  name: 'device',
  summary: 'A virtual device: connect to an MQTT broker (the emulator or the cloud) with key credentials, show its messages, report shadow state',
  usage: `Usage: iot-devkit device connect --product-id P --device-name D --psk-env VAR [--broker mqtt://127.0.0.1:1883 | cloud]
                                [--report '{"temp":21}'] [--follow-delta] [--hmac sha256|sha1] [--endpoint URL]

Connects as the device would with key (PSK) authentication: prints how its MQTT credentials are computed, step by
step (the password masked), subscribes to every topic the device may subscribe to (with the local emulator, the
product's CreateTopicPolicy topics too), prints each message received (←)
and sent (→), asks for its shadow, and reports state:
  --report JSON    report these keys once connected (state.reported; null deletes a key)
  stdin            each line that is a JSON object is reported the same way
  --follow-delta   apply each delta (and what a get says is pending) and report it back, as a well-behaved device does
  --broker URL     mqtt://, mqtts://, ws:// or wss:// (default ${DEFAULT_BROKER}, the emulator); "cloud" is
                   mqtts://{ProductId}.iotcloud.tencentdevices.com:8883, the real broker, with real credentials
  --psk-env VAR    the environment variable holding DevicePsk (base64); secrets are never taken as arguments
  --endpoint URL   the emulator's API, where the product's CreateTopicPolicy topics are read (default
                   http://HOST:9180/ beside a loopback broker; the cloud's API lists none)

Runs until Ctrl+C. Exit codes: 0 stopped, 1 the broker refused the connection, 2 bad input.`,
  async run(context) {
    refuseSecretFlags(context.args, { psk: '--psk-env VAR', 'device-psk': '--psk-env VAR', password: '--psk-env VAR' });
    const parsed = parseArgs(context.args, ['follow-delta'], ['product-id', 'device-name', 'psk-env', 'broker', 'report', 'hmac', 'endpoint']);
    const [sub, ...rest] = parsed.positionals;
    if (sub !== 'connect')
      throw new UsageError(sub === undefined ? 'device: say what to do: device connect …' : `device: unknown subcommand "${sub}"; try: device connect`);
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    const productId = requiredFlag(parsed, 'product-id', 'the ProductId, 10 upper-case letters or digits such as ABCDE12345');
    const deviceName = requiredFlag(parsed, 'device-name', 'the DeviceName');
    const psk = secretFromEnv(context, parsed, 'psk-env', 'DevicePsk, base64');
    const broker = readBroker(flag(parsed, 'broker'), productId);
    const policiesEndpoint = topicPoliciesEndpoint(flag(parsed, 'endpoint'), broker);
    const hmacFlag = flag(parsed, 'hmac');
    if (hmacFlag !== undefined && hmacFlag !== 'sha256' && hmacFlag !== 'sha1') throw new UsageError(`--hmac: sha256 or sha1, got ${JSON.stringify(hmacFlag)}`);
    const reportText = flag(parsed, 'report');
    const report = reportText === undefined ? undefined : readReport(reportText, '--report');
    if (typeof report === 'string') throw new UsageError(report);
    const credentials = withFlagNames({ productId: '--product-id', deviceName: '--device-name', devicePsk: `--psk-env (${psk.name})`, hmac: '--hmac' }, () =>
      signDeviceCredentials(
        { productId, deviceName, devicePsk: psk.value, now: context.now(), ...(hmacFlag ? { hmac: hmacFlag as MqttHmac } : {}) },
        { crypto: nodeHashProvider },
      ),
    );
    const steps = credentials.steps.map((step) => (SECRET_STEPS.has(step.id) ? { ...step, value: maskForDisplay(step.value) } : step));
    context.out(
      [
        formatFields([
          ['Device', `${productId} / ${deviceName}`],
          ['DevicePsk', maskedFromEnv(psk)],
          ['Broker', broker],
        ]),
        '',
        'MQTT credentials, step by step:',
        formatSteps(steps),
        '',
        `Connecting as ${credentials.clientId} (username ${credentials.username}, password ${maskForDisplay(credentials.password)}) …`,
      ].join('\n'),
    );
    let client: MqttClient;
    try {
      client = await mqtt.connectAsync(broker, deviceConnectOptions(credentials));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      context.err(
        `connection refused: ${typeof code === 'number' ? `CONNACK ${code} (${CONNACK_RETURN_CODE_NAMES[code] ?? 'refused'})` : error instanceof Error ? error.message : String(error)}${
          broker === DEFAULT_BROKER || broker.includes('127.0.0.1') ? '; the emulator prints the cause and keeps it at /_emulator/connections' : ''
        }`,
      );
      return 1;
    }
    context.out('Connected (CONNACK 0).');
    client.on('close', () => context.out('Disconnected.'));
    const topicPolicies = await readDeviceTopicPolicies(policiesEndpoint, productId);
    context.out(topicPolicies.line);
    await runDevice(context, client, productId, deviceName, {
      ...(report ? { report } : {}),
      followDelta: hasFlag(parsed, 'follow-delta'),
      policies: topicPolicies.policies,
    });
    await client.endAsync();
    return 0;
  },
};
