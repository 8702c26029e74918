/**
 * What the platform-free core asks the broker's host to do: publish to subscribers, POST a rule's forward. The core
 * decides; the Node host (cli/src/emulator/mqttBroker.ts) only carries these out.
 */
export type BrokerEffect =
  | {
      readonly kind: 'deliver';
      readonly topic: string;
      readonly payload: Uint8Array;
      readonly qos: 0 | 1;
      /** Why it is sent, for the log: "PublishMessage", "shadow result", "delta", "rule <name> republish". */
      readonly cause: string;
    }
  | { readonly kind: 'forward'; readonly url: string; readonly body: string; readonly ruleName: string }
  | {
      /** PublishRRPCMessage: publish the request, then wait up to timeoutMs for the device's reply on `$rrpc/txd/…/<MessageId>`. */
      readonly kind: 'rrpc';
      readonly productId: string;
      readonly deviceName: string;
      readonly messageId: number;
      readonly topic: string;
      readonly payload: Uint8Array;
      readonly timeoutMs: number;
    };
