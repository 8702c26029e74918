import {
  actionErrors,
  actionHeading,
  actionSummary,
  listActionGroups,
  type ActionGroup,
  type IndexedAction,
  findActionEntry,
  findService,
  findVendorEndpoint,
  getCatalog,
  maskSecret,
  suggestActions,
  type ActionSpec,
  type FieldSpec,
  type ServiceCatalog,
  type VendorCatalog,
  type VendorEndpoint,
} from '@iot-devkit/core';
import { UsageError, type Command } from '../Command.js';
import { flag, hasFlag, parseArgs } from '../args.js';

/** The catalog as `catalog --json` prints it: each action's `errors` is its list of codes, details beside it. */
function serviceJson(service: ServiceCatalog) {
  return { ...service, actions: service.actions.map(actionJson) };
}
function actionJson(action: ActionSpec) {
  return { ...action, errors: action.errors.map((e) => e.code), errorDetails: action.errors };
}
function vendorJson(vendor: VendorCatalog) {
  return { ...vendor, endpoints: vendor.endpoints.map((e) => ({ ...e, errors: e.errors.map((x) => x.code), errorDetails: e.errors })) };
}

// CJK characters take two terminal columns; counting them as one would misalign every zh-CN title.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
export const displayWidth = (text: string) => [...text].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);

const table = (rows: readonly (readonly string[])[], indent = '  ') => {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, displayWidth(cell))), []);
  return rows
    .map(
      (row) =>
        indent +
        row
          .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell))))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
};

/** The constraints of a field in a few words: what the request builder will check before sending. */
function rulesOf(f: FieldSpec): string {
  const parts: string[] = [];
  if (f.rule) parts.push(`rule ${f.rule}`);
  else if (f.pattern) parts.push(`pattern ${f.pattern}`);
  if (f.enum) parts.push(`one of ${f.enum.map((v) => (v === '' ? '""' : String(v))).join('|')}`);
  if (f.minimum !== undefined || f.maximum !== undefined) parts.push(`${f.minimum ?? ''}..${f.maximum ?? ''}`);
  if (f.json) parts.push('JSON string');
  if (f.maxBytes) parts.push(`≤ ${f.maxBytes} bytes`);
  if (f.format) parts.push(f.format);
  if (f.requiredWhen) parts.push(`required when ${f.requiredWhen.param}=${f.requiredWhen.equals}`);
  if (f.secret) parts.push('secret');
  return parts.length ? ` [${parts.join('; ')}]` : '';
}

const example = (f: FieldSpec) => (f.example === undefined || f.example === '' ? '' : ` (e.g. ${f.secret ? maskSecret(f.example) : f.example})`);
const block = (text: string) =>
  text
    .split('\n')
    .map((l) => `    │ ${l}`)
    .join('\n');

// How the English of an action was made, said beside it so a derived title is never taken for a description.
const EN_LABEL = { 'intl-en': 'English SDK', written: 'our title', derived: 'derived from the name' } as const;

function sourceOf(action: ActionSpec, service: ServiceCatalog): string {
  const source = action.source ?? service.source;
  const line = action.line !== undefined ? ` line ${action.line}` : '';
  return `${source}${line}${action.comparedWith ? `, compared with ${action.comparedWith}` : ''}`;
}

function describeAction(service: ServiceCatalog, action: ActionSpec): string {
  const out: string[] = [];
  const category = action.category ? `, ${action.category.en || action.category.zh}` : action.group ? `, ${action.group}` : '';
  out.push(
    `${action.name}${action.title ? ` · ${action.title}` : ''}  (${service.service} ${service.version}${category})${action.deprecated ? '  [deprecated]' : ''}`,
  );
  if (action.en) out.push(`  ${action.en}  (${action.enSource ? EN_LABEL[action.enSource] : 'English'})`);
  const lang = action.descriptionLang ? `${action.descriptionLang}: ` : '';
  out.push(`  ${lang}${action.description.split('\n').join('\n  ')}`);
  out.push('');
  out.push(
    table([
      ['Endpoint', `POST https://${action.host}/  (X-TC-Action: ${action.name}, X-TC-Version: ${action.version}; GET also accepted)`],
      [
        'Rate limit',
        action.rateLimit ? `${action.rateLimit.perSecond} requests/second (${action.rateLimit.text})` : 'not stated (the SDK declarations give none)',
      ],
      ['Source', sourceOf(action, service)],
    ]),
  );
  out.push('', 'Parameters (* required; common parameters Action, Version, Region, Timestamp… not listed):');
  if (action.params.length === 0) out.push('  (none)');
  else
    out.push(
      table(action.params.map((p) => [p.required ? '*' : ' ', p.name, p.type, `${p.en ? `${p.en} / ` : ''}${p.description}${example(p)}${rulesOf(p)}`])),
    );
  // Structures the parameters use, and the ones those use (Attribute → DeviceTag), each shown once.
  const structures: string[] = [];
  const visit = (fields: readonly FieldSpec[]) => {
    for (const f of fields) {
      if (!f.structure || structures.includes(f.structure)) continue;
      structures.push(f.structure);
      visit(service.structures.find((x) => x.name === f.structure)?.fields ?? []);
    }
  };
  visit(action.params);
  for (const name of structures) {
    const s = service.structures.find((x) => x.name === name);
    if (!s) continue;
    out.push('', `  ${s.name} (${s.description}):`);
    out.push(
      table(
        s.fields.map((f) => [f.required ? '*' : ' ', f.name, f.type, `${f.description.slice(0, 120)}${example(f)}${rulesOf(f)}`]),
        '    ',
      ),
    );
  }
  out.push('', 'Output:');
  out.push(table(action.outputs.map((o) => [o.name, o.type, `${o.description.slice(0, 100)}${o.secret ? ' [secret]' : ''}`])));
  const errors = actionErrors({ service, action });
  out.push('', `Errors (this action's own; common codes apply to every action — see iot-devkit error <Code>):`);
  out.push(errors.own.length ? table(errors.own.map((e) => [e.code, e.message])) : '  (none documented beyond the common codes)');
  if (errors.own.length === 0 && errors.common.length) out.push(`  Common codes (${errors.common.length}): ${errors.common.map((e) => e.code).join(', ')}`);
  if (action.disagreements?.length) {
    out.push('', `Seed and SDK differ (${action.disagreements.length}):`);
    out.push(
      table(
        action.disagreements.map((d) => [
          d.where,
          d.about,
          `seed ${String(d.seed)} / SDK ${String(d.sdk)}${d.near ? ` (near ${d.near})` : ''}`,
          `uses ${d.used}: ${d.why}`,
        ]),
      ),
    );
  }
  action.examples.forEach((ex, i) => {
    out.push(
      '',
      `Example ${i + 1}: ${ex.title}`,
      '  request:',
      block(ex.request.text),
      `  response${ex.response.parses ? '' : ' (as printed; not valid JSON)'}:`,
      block(ex.response.text || '(missing in the document)'),
    );
  });
  return out.join('\n');
}

function describeEndpoint(vendor: VendorCatalog, endpoint: VendorEndpoint): string {
  const out: string[] = [];
  out.push(`${endpoint.name} · ${endpoint.title}  (${vendor.name})`);
  out.push('');
  out.push(
    table([
      ['Endpoint', `${endpoint.method} ${vendor.baseUrl ?? '<base URL from the vendor>'}${endpoint.path}`],
      [
        'Auth',
        vendor.auth.scheme === 'api-key'
          ? `${vendor.auth.header}: <APIKey>`
          : endpoint.name === vendor.auth.tokenEndpoint
            ? `none (this call issues the ${vendor.auth.grantType} token)`
            : `${vendor.auth.header}: ${vendor.auth.format}`,
      ],
      ['Response', `${vendor.response.codeField} (0 = success), ${vendor.response.messageField}, ${vendor.response.dataField}`],
      ['Source', `${vendor.source} line ${endpoint.line ?? '?'}`],
    ]),
  );
  out.push('', 'Parameters (* required):');
  out.push(
    endpoint.params.length
      ? table(
          endpoint.params.map((p) => [
            p.required ? '*' : ' ',
            p.name,
            p.type,
            p.in,
            `${p.description}${p.const ? ` [fixed: ${p.const}]` : ''}${p.secret ? ' [secret]' : ''}`,
          ]),
        )
      : '  (none)',
  );
  for (const s of endpoint.structures ?? [])
    out.push(
      '',
      `  ${s.name}:`,
      table(
        s.fields.map((f) => [f.name, f.type, f.description]),
        '    ',
      ),
    );
  if (endpoint.outputs.length) out.push('', 'Output:', table(endpoint.outputs.map((o) => [o.name, o.type, `${o.description}${o.secret ? ' [secret]' : ''}`])));
  out.push('', 'Errors:', endpoint.errors.length ? table(endpoint.errors.map((e) => [e.code, e.message])) : '  (none documented)');
  for (const ex of endpoint.examples) {
    if (ex.request) out.push('', 'Example request:', block(ex.request.text));
    out.push('', `Example response${ex.response.parses ? '' : ' (as printed; not valid JSON)'}:`, block(ex.response.text));
  }
  for (const note of endpoint.notes ?? []) out.push('', note);
  return out.join('\n');
}

/** An action's title as the English UI shows it (the core's actionHeading): Chinese-only or derived titles say so. */
function englishHeading(entry: IndexedAction): string {
  const { title, titleNote } = actionHeading(actionSummary(entry), 'en');
  return `${title.text}${title.label ? `  (${title.label})` : ''}${titleNote ? `  (${titleNote})` : ''}`;
}

/** The groups to list: a service's (or every service's), narrowed to one by `--group` (its English or Chinese name). */
function groupsOf(service: string | undefined, group: string | undefined): ActionGroup[] {
  const groups = listActionGroups(service);
  if (group === undefined) return groups;
  const wanted = group.trim().toLowerCase();
  const found = groups.filter((g) => [g.key, g.en, g.zh].some((name) => name.toLowerCase() === wanted));
  if (found.length === 0)
    throw new UsageError(
      `--group: one of the groups of ${service ?? 'the catalog'}, got "${group}". Groups: ${[...new Set(groups.map((g) => g.en))].join(', ')}`,
    );
  return found;
}

function overview(service: string | undefined, group: string | undefined): string {
  const catalog = getCatalog();
  const out: string[] = [];
  const groups = groupsOf(service, group);
  for (const s of catalog.services) {
    if (service && s.service.toLowerCase() !== service.toLowerCase()) continue;
    const ofService = groups.map((g) => ({ ...g, actions: g.actions.filter((a) => a.service.service === s.service) })).filter((g) => g.actions.length > 0);
    if (ofService.length === 0) continue;
    out.push(
      `${s.service} ${s.version} · ${s.name.zh} (${s.name.en}) — ${s.actions.length} actions, ${s.structures.length} structures, ${s.errorCodes.length} error codes`,
    );
    // By group: the seed's headings, else the resource noun of the name (each action's category says which). Each
    // row says its service, so a name two services share (DescribeDevice) never reads as one action.
    for (const g of ofService) {
      out.push(`  ${g.en === g.zh ? g.en : `${g.en} · ${g.zh}`} (${g.actions.length})`);
      out.push(
        table(
          g.actions.map((entry) => {
            const action = findActionEntry(s.service, entry.action.name)!.action;
            return [action.name, englishHeading(entry), `${action.params.length} params`, `${action.errors.length} errors`, s.service];
          }),
          '    ',
        ),
      );
    }
    out.push('');
  }
  if (!service && !group)
    for (const v of catalog.vendors) out.push(`${v.name}:`, table(v.endpoints.map((e) => [e.name, `${e.method} ${e.path}`, e.title])), '');
  out.push('Run `iot-devkit catalog <Action>` for one action, `--group NAME` for one group, `iot-devkit catalog --json` for everything.');
  return out.join('\n');
}

export const catalogCommand: Command = {
  name: 'catalog',
  summary: 'Browse the API catalog: every action, parameter, structure and error code of the documents and the official SDK',
  usage: `Usage: iot-devkit catalog [<Action>] [--service iotcloud|trro|iotexplorer] [--group NAME] [--json]

  (no action)   list the services and their actions by group (the seed's headings, else the resource noun of
                the name), and the OneNET/MXCHIP endpoints
  <Action>      one action for a person: parameters (aligned, with the rules checked before sending),
                structures, output, its error codes, rate limit, the documented examples, its source
                (seed or SDK) and where the two differ.
                Case-insensitive; OneNET/MXCHIP endpoints too (UpdateApiKey, GetToken, CreateMqttClient, …)
  --json        the whole catalog: {"services":[{"service","version","actions":[{"name","params":[{"name",
                "type","required",…}],"errors":[codes],…}],…}],"vendors":[…]}; with <Action>, that action only
  --service     look in one service only
  --group       list one group only, by its English or Chinese name ("Thing model and device data", 物模型与设备数据相关接口)
Exit codes: 0 found, 1 no such action (suggestions printed), 2 bad input.`,
  async run(context) {
    const parsed = parseArgs(context.args, ['json'], ['service', 'group']);
    if (parsed.positionals.length > 1) throw new UsageError(`one action at a time, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`);
    const json = hasFlag(parsed, 'json');
    const service = flag(parsed, 'service');
    if (service !== undefined && !findService(service))
      throw new UsageError(
        `--service: one of ${getCatalog()
          .services.map((s) => s.service)
          .join(', ')}, got "${service}"`,
      );
    const name = parsed.positionals[0];
    if (name === undefined) {
      const catalog = getCatalog();
      const services = catalog.services.filter((s) => service === undefined || s.service.toLowerCase() === service.toLowerCase());
      context.out(
        json
          ? JSON.stringify({ services: services.map(serviceJson), vendors: service === undefined ? catalog.vendors.map(vendorJson) : [] }, null, 2)
          : overview(service, flag(parsed, 'group')),
      );
      return 0;
    }
    const entry = findActionEntry(service, name);
    if (entry) {
      context.out(
        json ? JSON.stringify({ service: entry.service.service, ...actionJson(entry.action) }, null, 2) : describeAction(entry.service, entry.action),
      );
      return 0;
    }
    const vendorEntry = service === undefined ? findVendorEndpoint(name) : undefined;
    if (vendorEntry) {
      context.out(
        json
          ? JSON.stringify(
              { vendor: vendorEntry.vendor.vendor, ...vendorJson({ ...vendorEntry.vendor, endpoints: [vendorEntry.endpoint] }).endpoints[0] },
              null,
              2,
            )
          : describeEndpoint(vendorEntry.vendor, vendorEntry.endpoint),
      );
      return 0;
    }
    const suggestions = suggestActions(name, 5);
    if (json) context.out(JSON.stringify({ error: 'unknown action', query: name, suggestions }, null, 2));
    else
      context.out(
        `No action named "${name}".${suggestions.length ? ` Did you mean: ${suggestions.join(', ')}?` : ''}\nRun \`iot-devkit catalog\` to list every action.`,
      );
    return 1;
  },
};
