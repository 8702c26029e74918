import type { ShadowDocument } from '../shadow/ShadowDocument.js';
import { createBrokerRecord, type BrokerRecord } from '../mqtt/BrokerRecord.js';
import type { ProductTopicPolicy } from '../mqtt/deviceTopics.js';

/** A product as CreateProduct made it; field names are the API's, so responses are built by copying. */
export interface EmulatedProduct {
  readonly ProductId: string;
  readonly ProductName: string;
  readonly ProductProperties: Readonly<Record<string, unknown>>;
  /** Unix seconds (see README: the doc shows seconds in DescribeProducts and milliseconds in DescribeProduct). */
  readonly CreationDate: number;
}

export interface EmulatedDevice {
  readonly ProductId: string;
  readonly DeviceName: string;
  /** Base64 PSK for key-authenticated products; "" for certificate products. */
  DevicePsk: string;
  readonly DeviceCert: string;
  EnableState: 0 | 1;
  /** 0 offline, 1 online, 3 never activated (DescribeDevice's Online). */
  Online: 0 | 1 | 3;
  LoginTime: number;
  LastUpdateTime: number;
  readonly CreateTime: number;
  readonly Tags: readonly Readonly<Record<string, unknown>>[];
  readonly Imei: string;
  readonly Isp: number;
  readonly LoraDevEui: string;
  readonly LoraMoteType: number;
}

export interface EmulatedRule {
  readonly RuleName: string;
  /** As sent: the rule SQL, base64. */
  Sql: string;
  Actions: string;
  Description: string;
  RuleDisabled: boolean;
  readonly CreatedAt: number;
}

/** A PublishMessage as received, kept so a test or a developer can read it back (GET /_emulator/messages). */
export interface PublishedMessage {
  readonly Id: number;
  /** Milliseconds. */
  readonly Time: number;
  readonly ProductId: string;
  readonly DeviceName: string;
  readonly Topic: string;
  readonly Payload: string;
  readonly PayloadEncoding: string;
  readonly Qos: number;
  /** The enabled rules whose FROM topic and WHERE held for it (see GET /_emulator/rule-evaluations for each one's outcome). */
  readonly FiredRules?: readonly string[];
}

/** TRRO ModifyProjectSecMode's last settings per project. */
export interface TrroProject {
  readonly ProjectId: string;
  readonly Mode: number;
  readonly Key?: string;
  readonly AutoRegister?: number;
  readonly FieldListEnable?: number;
}

/**
 * Everything the emulator knows. Maps, not plain objects, because keys come from requests: a device named
 * "__proto__" matches the DeviceName pattern and must not touch a prototype.
 */
export interface EmulatorState {
  readonly products: Map<string, EmulatedProduct>;
  /** Keyed by deviceKey(ProductId, DeviceName). */
  readonly devices: Map<string, EmulatedDevice>;
  readonly shadows: Map<string, ShadowDocument>;
  readonly rules: Map<string, EmulatedRule>;
  readonly messages: PublishedMessage[];
  readonly trroProjects: Map<string, TrroProject>;
  /** CreateTopicPolicy's topics by ProductId; each list is replaced, never changed in place (the broker caches by it). */
  readonly topicPolicies: Map<string, readonly ProductTopicPolicy[]>;
  nextMessageId: number;
  /** Live MQTT connections, refusals and rule evaluations: the running emulator's, never saved (stateSnapshot skips it). */
  readonly broker: BrokerRecord;
}

/** Published messages kept, newest last; older ones are dropped so a long session does not grow without bound. */
export const MAX_RECORDED_MESSAGES = 1000;

export const deviceKey = (productId: string, deviceName: string): string => `${productId}/${deviceName}`;

export function createEmptyState(): EmulatorState {
  return {
    products: new Map(),
    devices: new Map(),
    shadows: new Map(),
    rules: new Map(),
    messages: [],
    trroProjects: new Map(),
    topicPolicies: new Map(),
    nextMessageId: 1,
    broker: createBrokerRecord(),
  };
}
