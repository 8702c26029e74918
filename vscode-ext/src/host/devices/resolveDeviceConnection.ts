import * as vscode from 'vscode';
import { deviceBrokerUrl, signDeviceCredentials, type DeviceCredentials } from '@iot-devkit/core';
import { nodeHashProvider } from '../nodeHashProvider.js';
import type { Services } from '../Services.js';
import type { ShadowAddress } from '../shadow/shadowUri.js';
import { callExplained } from './callExplained.js';

export interface DeviceConnection {
  readonly broker: string;
  readonly credentials: DeviceCredentials;
  /** Where the PSK came from, said to the user (it is never stored: host memory for this computation only). */
  readonly pskSource: string;
  /** The profile's endpoint when it is the local emulator (not *.tencentcloudapi.com): its admin routes can be read. */
  readonly emulatorEndpoint?: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The device's PSK: DescribeDevice returns DevicePsk for a key-authenticated device (the iotcloud 2021-04-08
 * DescribeDevice response; the emulator answers the same), read into host memory for this one computation and
 * never stored (the secret policy). When the answer has none (a certificate device, an account without the
 * permission), a password box asks for it.
 */
async function readDevicePsk(services: Services, target: ShadowAddress): Promise<{ psk: string; source: string } | undefined> {
  const data = await callExplained(services.api, 'DescribeDevice', { ProductId: target.productId, DeviceName: target.deviceName });
  const psk = data['DevicePsk'];
  if (typeof psk === 'string' && psk !== '') return { psk, source: vscode.l10n.t('DevicePsk read from DescribeDevice (kept in memory only, never stored).') };
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('DevicePsk of {0}/{1}', target.productId, target.deviceName),
    prompt: vscode.l10n.t('DescribeDevice returned no DevicePsk for this device: paste it (base64). It is used for this connection only, never stored.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (BASE64.test(value.trim()) ? undefined : vscode.l10n.t('DevicePsk: the base64 text CreateDevice returned')),
  });
  return typed === undefined ? undefined : { psk: typed.trim(), source: vscode.l10n.t('DevicePsk typed in (kept in memory only, never stored).') };
}

/** The broker and credentials a virtual device of the active profile connects with; undefined when the user cancels. */
export async function resolveDeviceConnection(services: Services, target: ShadowAddress): Promise<DeviceConnection | undefined> {
  const profile = services.profiles.active();
  const broker = deviceBrokerUrl({
    productId: target.productId,
    ...(profile?.endpoint ? { apiEndpoint: profile.endpoint } : {}),
    ...(profile?.mqttBroker ? { mqttBroker: profile.mqttBroker } : {}),
  });
  if (!broker.ok) throw new Error(broker.message);
  const psk = await readDevicePsk(services, target);
  if (!psk) return undefined;
  const credentials = signDeviceCredentials(
    { productId: target.productId, deviceName: target.deviceName, devicePsk: psk.psk, now: Math.floor(Date.now() / 1000) },
    { crypto: nodeHashProvider },
  );
  return {
    broker: broker.url,
    credentials,
    pskSource: psk.source,
    ...(broker.target !== 'cloud' && profile?.endpoint ? { emulatorEndpoint: profile.endpoint } : {}),
  };
}
