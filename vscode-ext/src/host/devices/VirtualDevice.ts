import mqtt, { type IClientPublishOptions, type MqttClient } from 'mqtt';
import * as vscode from 'vscode';
import {
  CONNACK_RETURN_CODE_NAMES,
  deviceConnectOptions,
  deviceTopics,
  followShadowDelta,
  maskForDisplay,
  readShadowMessage,
  shadowGetRequest,
  shadowOperationTopic,
  shadowReportRequest,
  shadowResultTopic,
  type DeviceCredentials,
  type JsonObject,
  type ProductTopicPolicy,
} from '@iot-devkit/core';
import type { DeviceMonitor } from './DeviceMonitor.js';

/** Reports waiting for their result, at most. */
const MAX_PENDING_REPORTS = 100;

export interface VirtualDeviceEvents {
  /** The broker accepted a report: the shadow now holds it at `version`. */
  reported(reported: JsonObject, version: number): void;
  closed(): void;
}

/**
 * One connected virtual device, as `iot-devkit device connect --follow-delta` behaves: subscribes to every topic
 * the device may subscribe to, asks for its shadow, and on each delta applies it and reports it back (the decision
 * is the core's followShadowDelta, shared with the CLI). Every message both ways goes to the device's monitor.
 */
export class VirtualDevice {
  private version = 0;
  private token = 0;
  /** Reports sent and not answered yet, by clientToken: what the result topic's update confirms. */
  private readonly pendingReports = new Map<string, JsonObject>();

  private constructor(
    readonly productId: string,
    readonly deviceName: string,
    private readonly client: MqttClient,
    private readonly monitor: DeviceMonitor,
    private readonly events: VirtualDeviceEvents,
  ) {
    client.on('message', (topic, payload, packet) => this.receive(topic, payload, packet.qos));
    client.on('close', () => {
      monitor.event(vscode.l10n.t('Disconnected from the broker.'));
      events.closed();
    });
  }

  /** Connects; a refused CONNECT throws with the CONNACK code and its name. */
  static async connect(
    target: { productId: string; deviceName: string },
    broker: string,
    credentials: DeviceCredentials,
    monitor: DeviceMonitor,
    events: VirtualDeviceEvents,
    policies: readonly ProductTopicPolicy[] = [],
  ): Promise<VirtualDevice> {
    monitor.event(
      vscode.l10n.t(
        'Connecting to {0} as {1} (username {2}, password {3}) …',
        broker,
        credentials.clientId,
        credentials.username,
        maskForDisplay(credentials.password),
      ),
    );
    let client: MqttClient;
    try {
      client = await mqtt.connectAsync(broker, deviceConnectOptions(credentials));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new Error(
        typeof code === 'number'
          ? vscode.l10n.t('the broker refused the connection: CONNACK {0} ({1})', code, CONNACK_RETURN_CODE_NAMES[code] ?? 'refused')
          : error instanceof Error
            ? error.message
            : String(error),
        { cause: error },
      );
    }
    monitor.event(vscode.l10n.t('Connected (CONNACK 0).'));
    const device = new VirtualDevice(target.productId, target.deviceName, client, monitor, events);
    await device.start(policies);
    return device;
  }

  /** Subscribes to every topic the device may subscribe to, its product's CreateTopicPolicy topics included. */
  private async start(policies: readonly ProductTopicPolicy[]): Promise<void> {
    const subscribable = deviceTopics(this.productId, this.deviceName, policies).filter((t) => t.access !== 'publish');
    const granted = await this.client
      .subscribeAsync(
        subscribable.map((t) => t.filter),
        { qos: 1 },
      )
      .catch((error: { packet?: { granted?: number[] } }) => (error.packet?.granted ?? []).map((qos, i) => ({ topic: subscribable[i]?.filter ?? '', qos })));
    for (const g of granted) {
      if (g.qos === 128) this.monitor.problem(vscode.l10n.t('Subscribe {0}: refused (SUBACK 0x80)', g.topic));
      else this.monitor.event(vscode.l10n.t('Subscribed {0}: QoS {1}', g.topic, g.qos));
    }
    // Learn the version and what is pending before anything is reported, as the device SDKs do on start.
    this.publish(shadowOperationTopic(this.productId, this.deviceName), shadowGetRequest(this.nextToken()), 0);
  }

  private nextToken(): string {
    return `${this.productId}${this.deviceName}-vscode-${++this.token}`;
  }

  publish(topic: string, payload: string, qos: 0 | 1): void {
    this.monitor.sent(topic, qos, payload, vscode.l10n.t('from the virtual device'));
    const options: IClientPublishOptions = { qos };
    this.client.publish(topic, payload, options);
  }

  private report(reported: JsonObject): void {
    const token = this.nextToken();
    this.pendingReports.set(token, reported);
    // A broker that never answers must not grow this: the oldest unanswered report is forgotten.
    if (this.pendingReports.size > MAX_PENDING_REPORTS) this.pendingReports.delete(this.pendingReports.keys().next().value!);
    this.publish(shadowOperationTopic(this.productId, this.deviceName), shadowReportRequest(reported, this.version, token), 0);
  }

  private receive(topic: string, payload: Buffer, qos: number): void {
    this.monitor.received(topic, qos, payload);
    if (topic !== shadowResultTopic(this.productId, this.deviceName)) return;
    const message = readShadowMessage(payload.toString('utf8'));
    if (!message) return;
    const decision = followShadowDelta(message, this.version, true);
    this.version = decision.version;
    if (decision.refused) this.monitor.problem(vscode.l10n.t('The broker refused the {0} (result {1}).', decision.refused.type, decision.refused.result));
    if (message.type === 'update' && message.clientToken && this.pendingReports.has(message.clientToken)) {
      const reported = this.pendingReports.get(message.clientToken)!;
      this.pendingReports.delete(message.clientToken);
      if (!decision.refused) {
        this.monitor.event(vscode.l10n.t('Report accepted: the shadow is at version {0}.', this.version));
        this.events.reported(reported, this.version);
      }
    }
    if (decision.report) {
      this.monitor.event(vscode.l10n.t('Delta {0} (version {1}): applied; reporting it back.', JSON.stringify(decision.report), this.version));
      this.report(decision.report);
    }
  }

  async end(): Promise<void> {
    await this.client.endAsync();
  }
}
