import type { TencentApiClient } from '../api/TencentApiClient.js';

export interface ProductSummary {
  readonly productId: string;
  readonly productName: string;
}
export interface DeviceSummary {
  readonly deviceName: string;
  readonly online?: boolean;
}

// DescribeProducts/DescribeDevices take Limit 10-250; one page of the maximum covers a developer's account.
const PAGE = { Offset: 0, Limit: 250 } as const;

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];

export async function listProducts(api: TencentApiClient): Promise<ProductSummary[]> {
  const data = await api.callIotcloud('DescribeProducts', { ...PAGE });
  return records(data['Products'])
    .filter((p) => typeof p['ProductId'] === 'string')
    .map((p) => ({ productId: p['ProductId'] as string, productName: typeof p['ProductName'] === 'string' ? p['ProductName'] : '' }));
}

export async function listDevices(api: TencentApiClient, productId: string): Promise<DeviceSummary[]> {
  const data = await api.callIotcloud('DescribeDevices', { ProductId: productId, ...PAGE });
  return records(data['Devices'])
    .filter((d) => typeof d['DeviceName'] === 'string')
    .map((d) => ({ deviceName: d['DeviceName'] as string, ...(typeof d['Online'] === 'number' ? { online: d['Online'] === 1 } : {}) }));
}

export interface RuleSummary {
  readonly ruleName: string;
  /** The topic its FROM reads, e.g. ABCDE12345/+/event. */
  readonly topicPattern: string;
  readonly disabled: boolean;
  readonly description: string;
}

/** ListTopicRules pages by PageNum (from 1) and PageSize; one page of 100 covers a developer's rules. */
export async function listRules(api: TencentApiClient): Promise<RuleSummary[]> {
  const data = await api.callIotcloud('ListTopicRules', { PageNum: 1, PageSize: 100 });
  return records(data['Rules'])
    .filter((r) => typeof r['RuleName'] === 'string')
    .map((r) => ({
      ruleName: r['RuleName'] as string,
      topicPattern: typeof r['TopicPattern'] === 'string' ? r['TopicPattern'] : '',
      disabled: r['RuleDisabled'] === true,
      description: typeof r['Description'] === 'string' ? r['Description'] : '',
    }));
}

/** Whether a rule's topic pattern reads what this product (and device, when given) publishes. */
export function ruleReads(rule: RuleSummary, productId: string, deviceName?: string): boolean {
  const [product, device] = rule.topicPattern.split('/');
  return product === productId && (deviceName === undefined || device === '+' || device === '#' || device === deviceName);
}
