// Service-wide parts of a Tencent Cloud API 3.0 reference: domains, regions, common parameters, size limits,
// data structures and the common/business error-code tables.
import { readFields } from './tencentActions.mjs';
import { tableRows } from './docText.mjs';

/** Index of a page heading: the line equal to `title` whose next non-blank line is "最近更新时间…". */
export function headingIndex(lines, title, from = 0) {
  for (let i = from; i < lines.length; i++) {
    if (lines[i].text.trim() !== title) continue;
    let j = i + 1;
    while (j < lines.length && lines[j].text.trim() === '') j++;
    if (j < lines.length && /^最近更新时间/.test(lines[j].text)) return i;
  }
  return -1;
}

const must = (value, what) => {
  if (value === undefined || value === -1 || (Array.isArray(value) && value.length === 0)) throw new Error(`not found in the document: ${what}`);
  return value;
};

const stripCode = (cell) => cell.replace(/<\/?code>/g, '').trim();

/** Access domains: the nearest-region one, one per region, and the financial zones' own domains. */
export function readDomains(lines) {
  return must(
    tableRows(lines, ['接入地域', '金融区接入地域']).map((row) => {
      const host = stripCode(row.cells[1] ?? '');
      const region = /^[\w]+\.([a-z]+-[a-z]+(?:-[a-z]+)?)\.tencentcloudapi\.com$/.exec(host)?.[1];
      return { area: row.cells[0], host, ...(region ? { region } : { nearest: true }), financial: row.header[0] === '金融区接入地域', line: row.line };
    }),
    'access domain table (接入地域 | 域名)',
  );
}

export function readRegions(lines) {
  return must(
    tableRows(lines, ['地域'])
      .filter((row) => row.header[1] === '取值')
      .map((row) => ({ name: row.cells[0], region: row.cells[1], line: row.line })),
    'region table (地域 | 取值)',
  );
}

const requiredOf = (cell) => (cell === '是' ? true : cell === '否' ? false : 'depends');

/** The common parameters for signature v3 (HTTP headers) and v1 (query/form parameters). */
export function readCommonParams(lines) {
  const start = must(
    lines.findIndex((l) => /^使用签名方法 v3 的公共参数/.test(l.text.trim())),
    'v3 common parameters',
  );
  const v1 = must(
    lines.findIndex((l, i) => i > start && /^使用签名方法 v1 的公共参数/.test(l.text.trim())),
    'v1 common parameters',
  );
  const end = must(
    lines.findIndex((l, i) => i > v1 && l.text.trim() === '地域列表'),
    'region list heading',
  );
  const read = (from, to) =>
    tableRows(lines.slice(from, to), ['参数名称']).map((row) => {
      const [name, type, required, description = ''] = row.cells;
      const header = /HTTP 请求头[：:]\s*(X-TC-[\w-]+)/.exec(description)?.[1];
      return { name, type, required: requiredOf(required), description, ...(header ? { header } : {}), line: row.line };
    });
  return { tc3: must(read(start, v1), 'v3 common parameter rows'), v1: must(read(v1, end), 'v1 common parameter rows') };
}

/** Size and clock limits stated in the request-structure and signing pages, each with the sentence it came from. */
export function readLimits(content) {
  const find = (re, what) => must(re.exec(content), what);
  const get = find(/GET 请求的请求包大小不得超过\s*(\d+)\s*KB/, 'GET size limit');
  const v1 = find(/POST 请求使用签名方法 v1[^。]*?时不得超过\s*(\d+)\s*MB/, 'v1 POST size limit');
  const tc3 = find(/POST 请求使用签名方法 v3[^。]*?时支持\s*(\d+)\s*MB/, 'v3 POST size limit');
  const response = find(/返回 JSON 数据时最大限制为\s*(\d+)\s*MB/, 'response size limit');
  const skew = find(/如果与服务器时间相差超过\s*(\d+)\s*分钟/, 'timestamp skew');
  return {
    getMaxBytes: Number(get[1]) * 1024,
    postV1MaxBytes: Number(v1[1]) * 1024 * 1024,
    postTc3MaxBytes: Number(tc3[1]) * 1024 * 1024,
    responseMaxBytes: Number(response[1]) * 1024 * 1024,
    timestampSkewSeconds: Number(skew[1]) * 60,
    sources: [get[0], v1[0], tc3[0], response[0], skew[0]],
  };
}

/** Data structures: name line, description, "被如下接口引用：…", then a field table (with 必选 when used as input). */
export function readStructures(lines, ocr) {
  const starts = [];
  lines.forEach((line, i) => {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(line.text.trim())) return;
    const next = lines.slice(i + 1, i + 6).filter((l) => l.text.trim() !== '');
    if (next[1] && /^被如下接口引用/.test(next[1].text.trim())) starts.push(i);
  });
  return must(
    starts.map((i, k) => {
      const body = lines.slice(i + 1, starts[k + 1] ?? lines.length);
      const nonBlank = body.filter((l) => l.text.trim() !== '');
      const name = ocr.identifier(lines[i].text.trim(), 'data structure name', lines[i].n);
      const usedBy = nonBlank[1].text
        .replace(/^被如下接口引用[：:]\s*/, '')
        .replace(/。$/, '')
        .split(/[,，]\s*/)
        .map((s) => s.trim())
        .filter(Boolean);
      const fields = readFields(body, ocr, name, ['名称']);
      if (fields.length === 0) throw new Error(`structure ${name}: no field rows`);
      return { name, description: nonBlank[0].text.trim(), usedBy, input: fields.some((f) => f.required !== undefined), fields, line: lines[i].n };
    }),
    'data structures',
  );
}

/** The 公共错误码 and 业务错误码 tables of the error-code page. */
export function readErrorTables(lines, ocr) {
  const common = must(
    lines.findIndex((l) => l.text.trim() === '公共错误码'),
    '公共错误码 heading',
  );
  const business = must(
    lines.findIndex((l, i) => i > common && l.text.trim() === '业务错误码'),
    '业务错误码 heading',
  );
  const read = (from, to, kind) =>
    tableRows(lines.slice(from, to), ['错误码']).map((row) => {
      const [raw, message = ''] = row.cells;
      const code = ocr.identifier(raw, `${kind} error codes`, row.line);
      return { code, message, kind, ...(code !== raw ? { docSpelling: raw } : {}), line: row.line };
    });
  return [...must(read(common, business, 'common'), 'common error rows'), ...must(read(business, lines.length, 'business'), 'business error rows')];
}

/** The "签名失败" tables on the signing pages (v3 and v1): extra wording for the AuthFailure codes. */
export function readSigningFailureNotes(lines, ocr) {
  const notes = [];
  lines.forEach((line, i) => {
    if (!/^(\d\.\s*)?签名失败$/.test(line.text.trim())) return;
    const scheme = /^\d\./.test(line.text.trim()) ? 'v1' : 'v3';
    const end = lines.findIndex((l, j) => j > i && /^(\d\.\s*签名演示|签名方法)$/.test(l.text.trim()));
    for (const row of tableRows(lines.slice(i, end === -1 ? i + 30 : end), ['错误码', '错误代码'])) {
      notes.push({ code: ocr.identifier(row.cells[0], `signature ${scheme} failure table`, row.line), scheme, text: row.cells[1] ?? '', line: row.line });
    }
  });
  return must(notes, 'signature failure tables');
}
