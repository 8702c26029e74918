// OneNET (002) and MXCHIP v3 (003): short pages with their own layouts, read by small dedicated readers.
import { tableRows } from './docText.mjs';

const must = (value, what) => {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) throw new Error(`not found in the document: ${what}`);
  return value;
};

function parseJson(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The JSON text that starts at line `from`: lines up to where the braces balance again. */
function jsonAt(lines, from) {
  let depth = 0;
  const out = [];
  for (let i = from; i < lines.length; i++) {
    out.push(lines[i].text);
    for (const ch of lines[i].text) depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
    if (depth <= 0 && out.join('').includes('{')) break;
  }
  return out.join('\n').trim();
}

// ── OneNET ───────────────────────────────────────────────────────────────────────────────────────────────────

const ONENET_ROW = /^(\w+) (string|int|json|array-json|array-string) (?:(Yes|No) )?(.*)$/;
const ONENET_TABLES = [
  { heading: 'http body parameter', into: 'params' },
  { heading: 'Permissions description list', into: 'structure', name: 'permissions' },
  { heading: 'Description table of resources', into: 'structure', name: 'resources' },
  { heading: 'Return Parameters', into: 'outputs' },
  { heading: 'Data Description Table', into: 'structure', name: 'data' },
];

export function readOneNet(lines, ocr, source) {
  const find = (re, what) =>
    must(
      lines.find((l) => re.test(l.text.trim())),
      what,
    );
  const method = /^Request format:\s*(\w+)/.exec(find(/^Request format:/, 'Request format').text.trim())[1];
  const urlLine = find(/^URL:/, 'URL line');
  const url = new URL(urlLine.text.trim().replace(/^URL:\s*/, ''));
  const keyLine = find(/^key:/, 'path parameter key');
  const tables = { params: [], outputs: [], structures: [] };
  let current;
  for (const line of lines) {
    const t = line.text.trim();
    const heading = ONENET_TABLES.find((h) => h.heading === t);
    if (heading) {
      current = heading.into === 'structure' ? { name: heading.name, fields: [], line: line.n } : heading;
      if (heading.into === 'structure') tables.structures.push(current);
      continue;
    }
    if (!current || t === '' || /^Name Format/.test(t)) continue;
    const m = ONENET_ROW.exec(ocr.text(t, `onenet ${current.name ?? current.into} row`, line.n));
    if (!m) {
      if (/^(Return|Example|Request|Note)/.test(t)) current = undefined;
      continue;
    }
    const row = { name: m[1], type: m[2], ...(m[3] ? { required: m[3] === 'Yes' } : {}), description: m[4].trim(), line: line.n };
    if (current.fields) current.fields.push(row);
    else tables[current.into].push({ ...row, ...(current.into === 'params' ? { in: 'body' } : {}) });
  }
  const exampleHeader = find(/^(PUT|POST|GET|DELETE) http/, 'example request line');
  const requestStart = lines.findIndex((l) => l.text.trim() === 'Request parameter example');
  const responseStart = lines.findIndex((l) => l.text.trim() === 'Return Example');
  const requestBody = jsonAt(
    lines,
    must(
      lines.findIndex((l, i) => i > requestStart && l.text.trim().startsWith('{')),
      'request example',
    ),
  );
  const responseBody = jsonAt(
    lines,
    must(
      lines.findIndex((l, i) => i > responseStart && l.text.trim().startsWith('{')),
      'response example',
    ),
  );
  const note = find(/^Note:/, 'note');
  const docIssues = [];
  if (!parseJson(requestBody).ok)
    docIssues.push({
      where: 'onenet UpdateApiKey example request',
      line: requestStart + 1,
      issue: 'the request body example has a trailing comma after "permissions"; not valid JSON as printed',
    });
  docIssues.push({
    where: 'onenet UpdateApiKey params',
    line: must(
      tables.params.find((p) => p.name === 'access_methods'),
      'access_methods',
    ).line,
    issue: 'access_methods is listed in the body table, but the example puts it inside each permissions object',
  });
  return {
    vendor: 'onenet',
    name: 'China Mobile OneNET',
    source,
    baseUrl: `${url.protocol}//${url.host}`,
    auth: {
      scheme: 'api-key',
      header: 'api-key',
      description: 'The APIKey is sent as is in the api-key request header (shared/seeds/README.md; the page itself shows no auth header).',
    },
    response: { codeField: 'errno', messageField: 'error', dataField: 'data', successCode: 0, successMessage: 'succ' },
    endpoints: [
      {
        name: 'UpdateApiKey',
        title: find(/^Update apikey$/, 'title').text.trim(),
        method,
        path: '/keys/{key}',
        params: [
          { name: 'key', type: 'string', required: true, in: 'path', description: keyLine.text.trim().replace(/^key:\s*/, ''), secret: true, line: keyLine.n },
          ...tables.params,
        ],
        structures: tables.structures,
        outputs: tables.outputs,
        examples: [
          {
            request: { text: `${exampleHeader.text.trim()}\n\n${requestBody}`, parses: parseJson(requestBody).ok },
            response: { text: responseBody, parses: parseJson(responseBody).ok },
          },
        ],
        errors: [],
        notes: [note.text.trim()],
        line: urlLine.n,
      },
    ],
    errorCodes: [
      {
        code: '0',
        message: '调用成功 (errno 0, error "succ")',
        messageDoc: must(
          tables.outputs.find((o) => o.name === 'errno'),
          'errno row',
        ).description,
        kind: 'common',
        success: true,
      },
    ],
    docIssues,
  };
}

// ── MXCHIP ───────────────────────────────────────────────────────────────────────────────────────────────────

const MXCHIP_NAMES = {
  'POST /v3/open_api/token/': { name: 'GetToken', title: '获取 access_token（client_credentials）' },
  'POST /v3/open_api/mqtt/client/': { name: 'CreateMqttClient', title: '创建 MQTT client' },
  'POST /v3/open_api/mqtt/permission/': { name: 'CreateMqttPermission', title: '创建 MQTT 权限' },
  'DELETE /v3/open_api/mqtt/permission/': { name: 'DeleteMqttPermission', title: '删除 MQTT 权限' },
  'GET /v3/open_api/product/ids/': { name: 'ListProductIds', title: '获取产品 ID 列表' },
};

function subsection(lines, title) {
  const start = lines.findIndex((l) => l.text.trim() === title);
  if (start === -1) return [];
  const end = lines.findIndex((l, i) => i > start && /^(请求参数|返回值|字段说明|错误码|Token使用说明)$/.test(l.text.trim()));
  return lines.slice(start + 1, end === -1 ? lines.length : end);
}

export function readMxchip(lines, source) {
  const starts = lines.map((l, i) => (/^(GET|POST|PUT|DELETE) \/v3\/\S+$/.test(l.text.trim()) ? i : -1)).filter((i) => i !== -1);
  must(starts, 'endpoint lines (POST /v3/…)');
  const general = lines.slice(0, starts[0]);
  const generalCodes = tableRows(general, ['错误码']).map((r) => ({ code: r.cells[0], message: r.cells[1] ?? '', line: r.line }));
  const errorBodies = general.filter((l) => l.text.trim().startsWith('{"meta"')).map((l) => l.text.trim());
  const bearer = must(
    general.find((l) => /^Authorization: Bearer /.test(l.text.trim())),
    'Authorization: Bearer line',
  );
  const endpoints = starts.map((start, k) => {
    const section = lines.slice(start, starts[k + 1] ?? lines.length);
    const key = section[0].text.trim();
    const named = must(MXCHIP_NAMES[key], `a name for ${key}`);
    const [method, path] = key.split(' ');
    const params = tableRows(subsection(section, '请求参数'), ['参数']).map((r) => ({
      name: r.cells[0],
      type: r.cells[1],
      required: r.cells[2] === '是',
      in: 'body',
      description: r.cells[3] ?? '',
      ...(r.cells[0] === 'client_secret' ? { secret: true } : {}),
      line: r.line,
    }));
    const fixed = params.find((p) => /^固定值[：:]/.test(p.description));
    if (fixed) fixed.const = fixed.description.replace(/^固定值[：:]\s*/, '');
    const responseText =
      subsection(section, '返回值')
        .map((l) => l.text.trim())
        .find((t) => t.startsWith('{')) ?? '';
    const outputs = tableRows(subsection(section, '字段说明'), ['字段']).map((r) => ({
      name: r.cells[0],
      type: r.cells[1],
      description: r.cells[2] ?? '',
      ...(r.cells[0] === 'access_token' || r.cells[0] === 'password' ? { secret: true } : {}),
      line: r.line,
    }));
    const errors = tableRows(subsection(section, '错误码'), ['code']).map((r) => ({ code: r.cells[0], message: r.cells[1] ?? '', line: r.line }));
    return {
      ...named,
      method,
      path,
      params,
      outputs,
      examples: [{ response: { text: responseText, parses: parseJson(responseText).ok } }],
      errors: [...errors, ...(named.name === 'GetToken' ? [] : generalCodes.map(({ code, message }) => ({ code, message })))],
      line: section[0].n,
    };
  });
  const endpointCodes = new Map();
  for (const e of endpoints)
    for (const err of e.errors) if (!generalCodes.some((g) => g.code === err.code) && !endpointCodes.has(err.code)) endpointCodes.set(err.code, err.message);
  return {
    vendor: 'mxchip',
    name: 'MXCHIP (庆科) v3 open API',
    source,
    auth: {
      scheme: 'bearer',
      header: 'Authorization',
      format: 'Bearer <access_token>',
      tokenEndpoint: 'GetToken',
      grantType: 'client_credentials',
      example: bearer.text.trim(),
      description:
        'Every call but GetToken sends the access_token from GetToken as a Bearer token; it expires after expires_in seconds (10100) and a wrong one gives 10101.',
    },
    response: { codeField: 'meta.code', messageField: 'meta.message', dataField: 'data', successCode: 0 },
    endpoints,
    errorCodes: [
      ...generalCodes.map((g) => ({
        code: g.code,
        message: g.message,
        kind: 'common',
        example: errorBodies.find((b) => b.includes(`"code":${g.code}`)),
        line: g.line,
      })),
      ...[...endpointCodes].map(([code, message]) => ({ code, message, kind: 'business' })),
    ],
    docIssues: [{ where: 'mxchip', line: 1, issue: 'the page names no host; the base URL is the one MXCHIP gives you' }],
  };
}
