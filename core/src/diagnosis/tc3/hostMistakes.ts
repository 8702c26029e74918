import { capturedHeader } from '../../capture/CapturedRequest.js';
import { canonicalHeadersOf } from './canonicalHeadersOf.js';
import type { Tc3Candidate } from './Tc3Candidate.js';

// Services a developer may carry over: the doc's own example (cvm), this toolkit's products, common neighbours.
const KNOWN_SERVICES = ['cvm', 'iotcloud', 'iotexplorer', 'trro', 'sts', 'cam', 'tcb'];

/** The service in the credential scope is not the product of the host: cvm copied from the example, a region label, the host. */
export const wrongService: Tc3Candidate = {
  id: 'wrong-service',
  *variants({ base, url }) {
    const labels = url.hostname.toLowerCase().split('.');
    const tried = new Set([base.service]);
    for (const service of [...KNOWN_SERVICES, labels[1] ?? '', labels.slice(0, -2).join('.'), url.hostname]) {
      if (service === '' || tried.has(service)) continue;
      tried.add(service);
      yield {
        parts: { ...base, service },
        detail: {
          en: `The signature is reproduced with service "${service}" in the derived key and scope, but the host ${url.hostname} is product "${base.service}".${service === 'cvm' ? ' "cvm" is the doc\'s example (云服务器), copied as is.' : ''}`,
          zh: `使用 service "${service}" 派生密钥和凭证范围可以复现该签名，但域名 ${url.hostname} 对应的产品是 "${base.service}"。${service === 'cvm' ? '"cvm" 是文档示例（云服务器）中的取值，被原样照抄了。' : ''}`,
        },
      };
    }
  },
};

/** The host signed is not the Host sent: a port, upper case, another endpoint of the same product. */
export const hostMismatch: Tc3Candidate = {
  id: 'host-mismatch',
  *variants(context) {
    const { base, url } = context;
    if (!context.signedHeaderNames.includes('host')) return;
    const sent = capturedHeader(context, 'host') ?? url.hostname;
    const name = url.hostname;
    const region = capturedHeader(context, 'x-tc-region')?.trim().toLowerCase();
    const labels = name.toLowerCase().split('.');
    const withoutRegion = labels.length > 3 ? [labels[0], ...labels.slice(-2)].join('.') : undefined;
    const withRegion = region && labels.length === 3 ? [labels[0], region, ...labels.slice(-2)].join('.') : undefined;
    const hosts = [`${name}:443`, `${name}:80`, url.host, name, withoutRegion, withRegion, 'cvm.tencentcloudapi.com'];
    const seen = new Set([sent.trim().toLowerCase()]);
    for (const host of hosts) {
      if (host === undefined || seen.has(host.toLowerCase())) continue;
      seen.add(host.toLowerCase());
      const built = canonicalHeadersOf(context.headers, context.signedHeaderNames, { host });
      if (!built) continue;
      yield {
        parts: { ...base, ...built },
        detail: {
          en: `The signature is reproduced with host:${host.toLowerCase()}, but the Host sent was ${sent}.`,
          zh: `使用 host:${host.toLowerCase()} 可以复现该签名，但实际发送的 Host 为 ${sent}。`,
        },
      };
    }
    // Upper case kept in the host value only (the rest lowercased as the rule says).
    if (/[A-Z]/.test(sent)) {
      const built = canonicalHeadersOf(context.headers, context.signedHeaderNames, { host: sent.trim() }, {});
      const canonicalHeaders = built?.canonicalHeaders.replace(`host:${sent.trim().toLowerCase()}\n`, `host:${sent.trim()}\n`);
      if (built && canonicalHeaders)
        yield {
          parts: { ...base, ...built, canonicalHeaders },
          detail: {
            en: `The host was signed in upper case (${sent.trim()}); the rule lowercases it.`,
            zh: `host 签名时保留了大写（${sent.trim()}）；规则要求转为小写。`,
          },
        };
    }
  },
};
