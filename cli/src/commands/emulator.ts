import {
  ACTION_HANDLERS,
  ADMIN_ROUTES,
  buildHttpRequest,
  DEMO_CREDENTIAL,
  DEMO_DEVICES,
  DEMO_PRODUCT_ID,
  DEMO_RULE_NAME,
  deviceKey,
  isLoopbackHost,
  maskSecret,
  parseShadowData,
} from '@iot-devkit/core';
import { EmulatorStartError, startEmulator, type RunningEmulator } from '../emulator/startEmulator.js';
import { UsageError, type Command } from '../Command.js';
import { flag, hasFlag, parseArgs } from '../args.js';
import { formatFields } from '../formatSteps.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import { waitForStopSignal } from '../waitForStopSignal.js';

const DEFAULT_PORT = 9180;
/** MQTT's registered port (IANA 1883), as the cloud's broker serves it. */
const DEFAULT_MQTT_PORT = 1883;
/** The port EMQX and most brokers use for MQTT over WebSocket; the cloud serves it on 443 (wss), which needs root here. */
const DEFAULT_MQTT_WS_PORT = 8083;

/**
 * What to put in DEVICE_PSK for the banner's virtual-device line: the demo device's made-up PSK in full, as the demo
 * SecretKey is shown (it opens nothing but this emulator); for other data, where to read it (the CLI masks a response's
 * DevicePsk unless asked).
 */
function devicePskHint(running: RunningEmulator): string {
  const psk = running.emulator.state.devices.get(deviceKey(DEMO_PRODUCT_ID, DEMO_DEVICES[0]))?.DevicePsk;
  return running.origin === 'demo' && psk ? psk : "'<DevicePsk: iot-devkit request DescribeDevice … --send --show-secrets>'";
}

function readPort(text: string | undefined, flagName = 'port', fallback = DEFAULT_PORT, zero = '0 picks a free one'): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`--${flagName}: a port number 0-65535 (${zero}), got ${JSON.stringify(text)}`);
  return Number(text);
}

/** --allow-host: a host name or address, with an optional port, as a Host header carries it. */
function readAllowHost(text: string): string {
  if (!/^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+|[0-9a-fA-F:]+)(?::\d{1,5})?$/.test(text))
    throw new UsageError(
      `--allow-host: a host name or address with an optional port (mybox.lan, localhost:9999, [fe80::1]:9180), got ${JSON.stringify(text.slice(0, 80))}`,
    );
  return text;
}

function describeState(running: RunningEmulator, dataFile: string | undefined): string {
  const { products, devices, shadows, rules } = running.emulator.state;
  const counts = `${products.size} product(s), ${devices.size} device(s), ${shadows.size} shadow(s), ${rules.size} rule(s)`;
  const where = dataFile === undefined ? 'in memory (lost on exit; --data FILE keeps it)' : `${dataFile} (saved atomically after every change)`;
  const what =
    running.origin === 'demo'
      ? `demo data: product ${DEMO_PRODUCT_ID}, devices ${DEMO_DEVICES.join(' and ')}, rule ${DEMO_RULE_NAME}`
      : running.origin === 'file'
        ? `loaded ${counts}`
        : 'empty';
  return `${where}\n${''.padEnd(13)}${what}`;
}

/** The address a client dials for a listening host: a wildcard bind is reached on loopback. */
const shownHost = (host: string): string => (host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host);

/** The banner's MQTT lines: one per transport, or one saying it is off. */
function mqttLines(running: RunningEmulator, host: string): [string, string][] {
  const lines: [string, string][] = [];
  if (running.mqttPort) lines.push(['MQTT', `mqtt://${host}:${running.mqttPort}   MQTT 3.1.1, key-authenticated devices (clientId ProductId+DeviceName)`]);
  if (running.mqttWsPort) lines.push(['MQTT/WS', `ws://${host}:${running.mqttWsPort}   MQTT over WebSocket`]);
  if (lines.length === 0) lines.push(['MQTT', 'off (--mqtt-port 0 --mqtt-ws-port 0)']);
  return lines;
}

/** One signed DescribeDeviceShadow against itself: proves the endpoint, the key and the verifier agree. */
async function selfCheck(endpoint: string, now: number): Promise<string> {
  const signed = buildHttpRequest(
    {
      service: 'iotcloud',
      version: '2021-04-08',
      action: 'DescribeDeviceShadow',
      region: 'ap-guangzhou',
      params: { ProductId: DEMO_PRODUCT_ID, DeviceName: DEMO_DEVICES[0] },
      endpoint,
    },
    { credentials: DEMO_CREDENTIAL, timestamp: now, crypto: nodeHashProvider },
  );
  const response = await fetch(signed.url, { method: signed.method, headers: signed.headers, body: signed.body });
  const json = (await response.json()) as { Response: { Data?: string; Error?: { Code: string; Message: string } } };
  if (json.Response.Error) return `FAILED ${json.Response.Error.Code}: ${json.Response.Error.Message}`;
  const shadow = parseShadowData(json.Response.Data ?? '');
  if (!shadow.ok) return `FAILED: ${shadow.error.message}`;
  return `DescribeDeviceShadow ${DEMO_PRODUCT_ID}/${DEMO_DEVICES[0]} signed with TC3 and verified: version ${shadow.shadow.version}, delta ${JSON.stringify(shadow.delta ?? {})}`;
}

export const emulatorCommand: Command = {
  name: 'emulator',
  summary: 'Run a local Tencent Cloud IoT Hub (iotcloud 2021-04-08, trro ModifyProjectSecMode) that verifies signatures like the cloud',
  usage: `Usage: iot-devkit emulator [--port 9180] [--mqtt-port 1883] [--mqtt-ws-port 8083] [--host 127.0.0.1] [--data FILE] [--demo | --empty]
                           [--allow-origin ORIGIN]... [--allow-host HOST[:PORT]]... [--forward-any-host]

Serves Tencent Cloud API 3.0 on http://127.0.0.1:9180/ for iotcloud 2021-04-08 (products, devices, device
shadows, rules, PublishMessage) and trro 2022-03-25 ModifyProjectSecMode. TC3-HMAC-SHA256 and v1 signatures are
verified as the cloud does; a demo SecretId/SecretKey is printed at start (made up: it opens nothing else).
It is also the devices' MQTT 3.1.1 broker: devices connect with key-authentication credentials (verified against
their PSK), use their own topics, get shadow results and deltas, and the enabled rules run on every message.

  --port N            port (default ${DEFAULT_PORT}; 0 picks a free one)
  --mqtt-port N       MQTT over TCP (default ${DEFAULT_MQTT_PORT}; 0 turns it off)
  --mqtt-ws-port N    MQTT over WebSocket (default ${DEFAULT_MQTT_WS_PORT}; 0 turns it off)
  --forward-any-host  let rules' forward actions POST to any host (default: loopback hosts only)
  --host H            address to listen on (default 127.0.0.1; anything else exposes the demo key to the network)
  --data FILE         keep the state in FILE, written atomically after every change; without it, in memory
  --demo              start with the demo product, two devices with shadows, and a rule (default without --data,
                      or when FILE does not exist yet)
  --empty             start with nothing
  --allow-origin O    let web pages from origin O call it (extension pages, VS Code webviews and loopback pages
                      always may); "*" allows any origin
  --allow-host H      answer requests whose Host header is H too (a port forward, a hosts-file alias); without a
                      port, the emulator's. Other names get 403: a page reaching it by DNS rebinding names its own

Refused with 403 and no effect: a Host it does not serve (DNS rebinding), an Origin not allowed, and a request a
browser marks Sec-Fetch-Site cross-site or same-site without an Origin (an <img> or link on another site).
A v1 request received twice (same Nonce, Timestamp and Signature) is refused; see the README.

Admin routes (no signature; not part of the cloud API):
${ADMIN_ROUTES.map((r) => '  ' + r).join('\n')}

Stops on Ctrl+C. Exit codes: 0 stopped, 2 bad option or cannot start (port in use, unreadable --data file).`,
  async run(context) {
    const parsed = parseArgs(
      context.args,
      ['demo', 'empty', 'forward-any-host'],
      ['port', 'mqtt-port', 'mqtt-ws-port', 'host', 'data', 'allow-origin', 'allow-host'],
    );
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
    if (hasFlag(parsed, 'demo') && hasFlag(parsed, 'empty')) throw new UsageError('--demo and --empty: choose one');
    const port = readPort(flag(parsed, 'port'));
    const mqttPort = readPort(flag(parsed, 'mqtt-port'), 'mqtt-port', DEFAULT_MQTT_PORT, '0 turns it off');
    const mqttWsPort = readPort(flag(parsed, 'mqtt-ws-port'), 'mqtt-ws-port', DEFAULT_MQTT_WS_PORT, '0 turns it off');
    const host = flag(parsed, 'host') ?? '127.0.0.1';
    const dataFile = flag(parsed, 'data');
    const allowHosts = (parsed.flags.get('allow-host') ?? []).map(readAllowHost);
    // Demo data unless told --empty; a --data file that already holds state is loaded instead.
    const demo = !hasFlag(parsed, 'empty');
    let running: RunningEmulator;
    try {
      running = await startEmulator({
        port,
        host,
        ...(dataFile !== undefined ? { dataFile } : {}),
        demo,
        allowedOrigins: parsed.flags.get('allow-origin') ?? [],
        allowHosts,
        ...(mqttPort !== 0 ? { mqttPort } : {}),
        ...(mqttWsPort !== 0 ? { mqttWsPort } : {}),
        ...(hasFlag(parsed, 'forward-any-host') ? { forwardAnyHost: true } : {}),
        log: (line) => context.out(`[${new Date().toISOString().slice(11, 23)}] ${line}`),
      });
    } catch (error) {
      if (error instanceof EmulatorStartError) throw new UsageError(error.message);
      throw error;
    }
    const { endpoint } = running;
    const hostPort = endpoint.slice('http://'.length, -1);
    const iotActions = Object.keys(ACTION_HANDLERS['iotcloud'] ?? {}).length;
    context.out(
      [
        'IoT Devkit emulator — a local stand-in for Tencent Cloud API 3.0 (not the cloud)',
        formatFields([
          ['Endpoint', `${endpoint}   iotcloud 2021-04-08 (${iotActions} actions), trro 2022-03-25 (ModifyProjectSecMode)`],
          ...mqttLines(running, shownHost(host)),
          ['State', describeState(running, dataFile)],
          ['Answers', `Host ${running.servedHosts.join(', ')} (any other Host gets 403)`],
          ['SecretId', DEMO_CREDENTIAL.secretId],
          ['SecretKey', `${maskSecret(DEMO_CREDENTIAL.secretKey)}   (a made-up demo key; it opens nothing but this emulator)`],
        ]),
        ...(isLoopbackHost(host) ? [] : ['', `WARNING: listening on ${host}: anyone who can reach this address can use the demo key and the admin routes.`]),
        '',
        'Point a client at it:',
        `  export TENCENTCLOUD_SECRET_ID=${DEMO_CREDENTIAL.secretId}`,
        `  export TENCENTCLOUD_SECRET_KEY=${DEMO_CREDENTIAL.secretKey}   # the demo key, shown in full only here, to copy`,
        `  Official SDK:      new CommonClient("${hostPort}", "2021-04-08", { credential, region: "ap-guangzhou",`,
        `                       profile: { httpProfile: { protocol: "http://", endpoint: "${hostPort}" } } })`,
        `  iot-devkit CLI:    npx iot-devkit request DescribeDeviceShadow --param ProductId=${DEMO_PRODUCT_ID} --param DeviceName=${DEMO_DEVICES[0]} \\`,
        `                       --region ap-guangzhou --endpoint ${endpoint} --send`,
        `                     (iot-devkit sign: add "url": "${endpoint}", "service": "iotcloud" to the request JSON)`,
        `  Extensions:        endpoint ${endpoint} with the demo key pair above`,
        `  Device reports:    curl -X POST ${endpoint}_emulator/devices/${DEMO_PRODUCT_ID}/${DEMO_DEVICES[0]}/reported -d '{"targetTemperature":22}'`,
        ...(running.mqttPort
          ? [
              `  Virtual device:    DEVICE_PSK=${devicePskHint(running)} npx iot-devkit device connect --product-id ${DEMO_PRODUCT_ID} \\`,
              `                       --device-name ${DEMO_DEVICES[0]} --psk-env DEVICE_PSK --broker mqtt://${shownHost(host)}:${running.mqttPort} --follow-delta`,
              `  MQTT:              curl ${endpoint}_emulator/connections   (connected devices, refused CONNECTs with their cause)`,
            ]
          : []),
        `  Everything else:   curl ${endpoint}_emulator`,
      ].join('\n'),
    );
    if (running.origin === 'demo' || running.emulator.state.devices.has(`${DEMO_PRODUCT_ID}/${DEMO_DEVICES[0]}`)) {
      try {
        context.out(`\nSelf-check: ${await selfCheck(endpoint, context.now())}`);
      } catch (error) {
        context.out(`\nSelf-check: FAILED (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    context.out('\nListening. Press Ctrl+C to stop.');
    await waitForStopSignal();
    await running.close();
    context.out('Emulator stopped.');
    return 0;
  },
};
