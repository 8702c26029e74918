import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { test } from 'node:test';
import { runCli, runCliAsync, spawnCli } from '../support/cli.js';

/** A port something else holds, for the emulator to find in use. */
async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

/** A port free a moment ago (the CLI takes 0 as "off", so the test picks real numbers). */
async function freePort(): Promise<number> {
  const { port, server } = await occupiedPort();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('the banner names mqtt:// and ws:// with their ports; --help documents the flags', async () => {
  const [mqttPort, wsPort] = [await freePort(), await freePort()];
  const emulator = spawnCli(['emulator', '--port', '0', '--mqtt-port', String(mqttPort), '--mqtt-ws-port', String(wsPort)]);
  try {
    await emulator.waitFor(/Listening\./);
    assert.match(emulator.stdout(), new RegExp(`MQTT\\s+mqtt://127\\.0\\.0\\.1:${mqttPort}\\s`));
    assert.match(emulator.stdout(), new RegExp(`MQTT/WS\\s+ws://127\\.0\\.0\\.1:${wsPort}\\s`));
    // The demo device's made-up PSK is on the virtual-device line, ready to paste (the CLI masks it in responses).
    const demoPsk = Buffer.from('iotdevkit-demo-1').toString('base64');
    assert.ok(emulator.stdout().includes(`Virtual device:    DEVICE_PSK=${demoPsk} npx iot-devkit device connect`), emulator.stdout());
  } finally {
    assert.equal(await emulator.stop(), 0);
  }
  const off = spawnCli(['emulator', '--port', '0', '--mqtt-port', '0', '--mqtt-ws-port', '0']);
  try {
    await off.waitFor(/Listening\./);
    assert.match(off.stdout(), /MQTT\s+off \(--mqtt-port 0 --mqtt-ws-port 0\)/);
  } finally {
    await off.stop();
  }
  const help = runCli(['emulator', '--help']);
  assert.match(help.stdout, /--mqtt-port N {7}MQTT over TCP \(default 1883; 0 turns it off\)/);
  assert.match(help.stdout, /--mqtt-ws-port N {4}MQTT over WebSocket \(default 8083; 0 turns it off\)/);
  assert.match(runCli(['emulator', '--mqtt-port', 'x']).stderr, /--mqtt-port: a port number 0-65535 \(0 turns it off\), got "x"/);
});

test('an MQTT port in use: exit 2 naming the flag', async () => {
  const { port, server } = await occupiedPort();
  try {
    const tcp = await runCliAsync(['emulator', '--port', '0', '--mqtt-port', String(port), '--mqtt-ws-port', '0']);
    assert.equal(tcp.status, 2);
    assert.match(
      tcp.stderr,
      new RegExp(`--mqtt-port ${port}: the port is already in use on 127\\.0\\.0\\.1; choose another with --mqtt-port N \\(0 turns it off\\)`),
    );
    const ws = await runCliAsync(['emulator', '--port', '0', '--mqtt-port', '0', '--mqtt-ws-port', String(port)]);
    assert.equal(ws.status, 2);
    assert.match(ws.stderr, new RegExp(`--mqtt-ws-port ${port}: the port is already in use`));
  } finally {
    server.close();
  }
});
