import * as vscode from 'vscode';
import { parseJsonBounded, type RuleEvaluationRecord } from '@iot-devkit/core';

/** A payload shown in full up to this size; beyond it, the start and how much was left out (a monitor is read, not archived). */
const SHOWN_PAYLOAD = 16 * 1024;
/** How often the emulator's rule evaluations are asked for while the monitor is open. */
const RULE_POLL_MS = 1000;

/** JSON pretty-printed (bounded: it comes off the network), anything else as text. */
export function formatPayload(payload: Uint8Array | string): string {
  const text = typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
  const read = parseJsonBounded(text, 'payload', { maxDepth: 64, maxLength: SHOWN_PAYLOAD });
  const shown = read.ok ? JSON.stringify(read.value, null, 2) : text;
  return shown.length > SHOWN_PAYLOAD ? `${shown.slice(0, SHOWN_PAYLOAD)} … (${shown.length - SHOWN_PAYLOAD} more characters)` : shown;
}

/**
 * The live view of one device's traffic: a LogOutputChannel (VS Code's own look, with times and levels), both
 * directions with topic, QoS and payload, connection events with the broker's cause, and — against the emulator —
 * every rule evaluated on this device's messages (polled from GET /_emulator/rule-evaluations?since=).
 */
export class DeviceMonitor implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private lastEvaluation = 0;
  private poll: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly productId: string,
    readonly deviceName: string,
  ) {
    this.channel = vscode.window.createOutputChannel(vscode.l10n.t('IoT Devkit: {0}/{1}', productId, deviceName), { log: true });
  }

  show(): void {
    this.channel.show(true);
  }

  sent(topic: string, qos: number, payload: string, via: string): void {
    this.channel.info(`→ ${topic} · QoS ${qos} · ${via}\n${formatPayload(payload)}`);
  }

  received(topic: string, qos: number, payload: Uint8Array): void {
    this.channel.info(`← ${topic} · QoS ${qos}\n${formatPayload(payload)}`);
  }

  event(text: string): void {
    this.channel.info(text);
  }

  problem(text: string): void {
    this.channel.warn(text);
  }

  /** Starts asking the emulator at `endpoint` for the rule evaluations of this device's messages. */
  async watchRules(endpoint: string): Promise<void> {
    if (this.poll) return;
    const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
    // Only what happens from now on: the evaluations before the monitor opened are the emulator's history.
    this.lastEvaluation = (await this.fetchEvaluations(base, 0)).reduce((max, e) => Math.max(max, e.id), 0);
    this.event(vscode.l10n.t('Rule evaluations of this device’s messages are read from the emulator at {0}', base));
    this.poll = setInterval(() => void this.pollRules(base), RULE_POLL_MS);
  }

  private async fetchEvaluations(base: string, since: number): Promise<RuleEvaluationRecord[]> {
    try {
      const response = await fetch(`${base}_emulator/rule-evaluations?since=${since}`);
      if (!response.ok) return [];
      const body = (await response.json()) as { evaluations?: RuleEvaluationRecord[] };
      return Array.isArray(body.evaluations) ? body.evaluations : [];
    } catch {
      return [];
    }
  }

  private async pollRules(base: string): Promise<void> {
    const own = `${this.productId}/${this.deviceName}/`;
    for (const evaluation of await this.fetchEvaluations(base, this.lastEvaluation)) {
      this.lastEvaluation = Math.max(this.lastEvaluation, evaluation.id);
      if (!evaluation.topic.startsWith(own) || !evaluation.topicMatched) continue;
      const outcome =
        evaluation.whereHeld === null
          ? vscode.l10n.t('not evaluated: {0}', evaluation.problem ?? '')
          : evaluation.whereHeld
            ? vscode.l10n.t('WHERE held; SELECT gave {0}; actions {1}', JSON.stringify(evaluation.output), JSON.stringify(evaluation.actions))
            : vscode.l10n.t('WHERE did not hold; no action');
      this.channel.info(vscode.l10n.t('Rule {0} on {1}: {2}', evaluation.ruleName, evaluation.topic, outcome));
    }
  }

  dispose(): void {
    if (this.poll) clearInterval(this.poll);
    this.channel.dispose();
  }
}
