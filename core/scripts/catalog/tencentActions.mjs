// Reads the action pages of a Tencent Cloud API 3.0 reference (sections "1. 接口描述" … "6. 错误码").
import { fencedBlocks, splitDescription, tableRows } from './docText.mjs';
import { decodesToText } from './ocr.mjs';

const PRIMITIVES = new Set(['String', 'Integer', 'Boolean', 'Float', 'Double', 'Date', 'Timestamp', 'Timestamp ISO8601', 'Binary']);
const SECTION = /^([1-6])\.\s*(接口描述|输入参数|输出参数|示例|开发者资源|错误码)\s*$/;
const BOILERPLATE = [/^推荐使用 API Explorer/, /点击调试/, /^API Explorer 提供了/];

/** `Array of DeviceTag` → { array: true, baseType: 'DeviceTag', structure: 'DeviceTag' }. */
export function describeType(type) {
  const array = /^Array of /.test(type);
  const baseType = type.replace(/^Array of /, '');
  return { array, baseType, ...(PRIMITIVES.has(baseType) ? {} : { structure: baseType }) };
}

/** Where each action starts: its title line (and group heading) above "最近更新时间", above "1. 接口描述". */
function actionStarts(lines) {
  const starts = [];
  lines.forEach((line, i) => {
    if (!/^1\.\s*接口描述\s*$/.test(line.text)) return;
    let j = i - 1;
    const prev = () => {
      while (j >= 0 && lines[j].text.trim() === '') j--;
      return j >= 0 ? lines[j] : undefined;
    };
    let start = i;
    let title;
    let group;
    const updated = prev();
    if (updated && /^最近更新时间/.test(updated.text)) {
      j--;
      const t = prev();
      if (t) {
        title = t.text.trim();
        start = j;
        j--;
        const g = prev();
        if (g && /相关接口$/.test(g.text.trim())) {
          group = g.text.trim();
          start = j;
        }
      }
    }
    starts.push({ index: i, start, title, group });
  });
  return starts;
}

function sections(lines) {
  const out = {};
  let current;
  for (const line of lines) {
    const m = SECTION.exec(line.text.trim());
    if (m) {
      current = m[1];
      out[current] = [];
      continue;
    }
    if (current) out[current].push(line);
  }
  return out;
}

function readDescription(lines, ocr, where) {
  let host;
  let rateLimit;
  const text = [];
  for (const line of lines) {
    const t = line.text.trim();
    if (t === '') continue;
    const h = /^接口请求域名[：:]\s*([\w.-]+?)\s*。?$/.exec(t);
    if (h) {
      host = h[1];
      continue;
    }
    const r = /频率限制[：:]\s*(\d+)次\/秒/.exec(t);
    if (r) {
      rateLimit = { perSecond: Number(r[1]), text: t };
      continue;
    }
    if (BOILERPLATE.some((p) => p.test(t))) continue;
    text.push(ocr.text(t, `${where} description`, line.n));
  }
  return { host, rateLimit, description: text.join('\n') };
}

function readParams(lines, ocr, action) {
  const commonValues = {};
  const params = [];
  for (const row of tableRows(lines, ['参数名称'])) {
    const [rawName, required, type, rawDesc = ''] = row.cells;
    if (/公共参数/.test(rawDesc)) {
      const v = /本接口取值[：:]\s*([\w-]+)/.exec(rawDesc);
      if (v) commonValues[rawName] = v[1];
      continue;
    }
    const docName = ocr.identifier(rawName, `${action} param name`, row.line);
    const { description, example, nullable } = splitDescription(ocr.text(rawDesc, `${action}.${docName} description`, row.line));
    params.push({
      name: docName.replace(/\.N$/, ''),
      ...(docName.endsWith('.N') ? { docName } : {}),
      type,
      required: required === '是',
      description,
      ...(example !== undefined ? { example } : {}),
      ...(nullable ? { nullable } : {}),
      ...describeType(type),
      line: row.line,
    });
  }
  return { commonValues, params };
}

export function readFields(lines, ocr, where, headerNames) {
  return tableRows(lines, headerNames).map((row) => {
    const cells = Object.fromEntries(row.header.map((h, k) => [h, row.cells[k] ?? '']));
    const name = ocr.identifier(cells[row.header[0]], `${where} field name`, row.line);
    const { description, example, nullable } = splitDescription(ocr.text(cells['描述'] ?? '', `${where}.${name} description`, row.line));
    const required = cells['必选'];
    return {
      name,
      type: cells['类型'],
      ...(required !== undefined ? { required: required === '是' } : {}),
      description,
      ...(example !== undefined ? { example } : {}),
      ...(nullable ? { nullable } : {}),
      ...describeType(cells['类型']),
      line: row.line,
    };
  });
}

function parseJson(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A GET example (`https://host/?Action=X` then `&K=V` lines) or a POST one (request line, headers, JSON body). */
function readRequestExample(text) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const first = lines[0] ?? '';
  if (/^https?:\/\//.test(first)) {
    const url = new URL(first);
    const params = {};
    for (const [k, v] of url.searchParams) if (k !== 'Action') params[k] = v;
    for (const line of lines.slice(1)) {
      if (line.includes('<公共请求参数>')) continue;
      const m = /^&([^=]+)=(.*)$/.exec(line);
      if (m) params[m[1]] = m[2];
    }
    return { method: 'GET', host: url.host, action: url.searchParams.get('Action') ?? undefined, params };
  }
  const m = /^(POST|GET)\s+(\S+)\s+HTTP\/1\.1$/.exec(first);
  if (!m) return { method: undefined };
  const headers = {};
  let i = 1;
  for (; i < lines.length; i++) {
    const h = /^([\w-]+):\s*(.*)$/.exec(lines[i]);
    if (h) headers[h[1]] = h[2];
    else if (!lines[i].includes('<公共请求参数>')) break;
  }
  const bodyText = lines.slice(i).join('\n');
  const body = parseJson(bodyText);
  return { method: m[1], host: headers.Host, action: headers['X-TC-Action'], ...(body.ok ? { body: body.value } : {}), bodyParses: body.ok };
}

function readExamples(lines, ocr, action, docIssues, usesFences) {
  const examples = [];
  let current;
  let part;
  const flush = () => {
    if (!current) return;
    const block = (ls) => {
      const fenced = fencedBlocks(ls);
      if (fenced.length > 0 || usesFences) return fenced.map((b) => b.text).join('\n');
      return ls
        .map((l) => l.text)
        .join('\n')
        .trim();
    };
    const where = `${action} example ${current.index}`;
    const requestText = ocr.text(block(current.input), `${where} request`, current.input[0]?.n);
    const responseText = ocr.text(block(current.output), `${where} response`, current.output[0]?.n);
    const request = readRequestExample(requestText);
    const response = parseJson(responseText);
    if (request.action && request.action !== action)
      docIssues.push({ where, line: current.line, issue: `the example calls Action=${request.action}, not ${action}` });
    if (responseText === '') docIssues.push({ where, line: current.line, issue: 'the response example is missing (its code block did not survive OCR)' });
    else if (!response.ok)
      docIssues.push({
        where,
        line: current.output[0]?.n ?? current.line,
        issue: 'the response example is not valid JSON as printed (OCR page break or stray characters); kept as text',
      });
    if (request.bodyParses === false)
      docIssues.push({ where, line: current.input[0]?.n ?? current.line, issue: 'the request body is not valid JSON as printed; kept as text' });
    for (const value of requestText.match(/"[A-Za-z0-9+/]{16,}={1,2}"/g) ?? []) {
      const b64 = value.slice(1, -1);
      if (!decodesToText(b64)) docIssues.push({ where, line: current.line, issue: `base64 value ${b64} does not decode to text (garbled by OCR?)` });
    }
    const { bodyParses: _ignored, ...requestInfo } = request;
    examples.push({
      title: current.title,
      ...(current.description.length ? { description: current.description.join('\n') } : {}),
      request: { text: requestText, ...requestInfo },
      response: { text: responseText, parses: response.ok },
      line: current.line,
    });
    current = undefined;
  };
  for (const line of lines) {
    const t = line.text.trim();
    const m = /^示例\s*(\d+)\s*(.*)$/.exec(t);
    if (m) {
      flush();
      current = { index: Number(m[1]), title: m[2].trim(), description: [], input: [], output: [], line: line.n };
      part = 'description';
      continue;
    }
    if (!current) continue;
    if (t === '输入示例') part = 'input';
    else if (t === '输出示例') part = 'output';
    else if (part === 'description' && t !== '') current.description.push(t);
    else if (part === 'input') current.input.push(line);
    else if (part === 'output') current.output.push(line);
  }
  flush();
  return examples;
}

function readErrors(lines, ocr, action) {
  const errors = [];
  for (const row of tableRows(lines, ['错误码'])) {
    const [rawCode, message = ''] = row.cells;
    const code = ocr.identifier(rawCode, `${action} errors`, row.line);
    if (!errors.some((e) => e.code === code)) errors.push({ code, message, ...(code !== rawCode ? { docSpelling: rawCode } : {}), line: row.line });
  }
  return errors;
}

/** Every action page in `lines` (numbered), in document order. */
export function readActions(lines, ocr, docIssues, endIndex = lines.length) {
  const starts = actionStarts(lines.slice(0, endIndex));
  // The IoT Hub PDF fences its examples; the TRRO page does not, so there the text between markers is the code.
  const usesFences = lines.some((l) => /^\s*```/.test(l.text));
  return starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].start : endIndex;
    const sec = sections(lines.slice(s.index, end));
    const actionRow = (sec['2'] ?? []).map((l) => /^Action\b.*本接口取值[：:]\s*(\w+)/.exec(l.text.replace(/\|/g, ' '))).find(Boolean);
    if (!actionRow) throw new Error(`action at line ${lines[s.index].n}: no "Action … 本接口取值" row`);
    const name = actionRow[1];
    const { commonValues, params } = readParams(sec['2'] ?? [], ocr, name);
    const where = name;
    const desc = readDescription(sec['1'] ?? [], ocr, where);
    if (desc.rateLimit === undefined) throw new Error(`${name}: no 频率限制 line`);
    const outputs = readFields(sec['3'] ?? [], ocr, `${name} output`, ['参数名称']);
    const examples = readExamples(sec['4'] ?? [], ocr, name, docIssues, usesFences);
    const errorLines = sec['6'] ?? [];
    const errors = readErrors(errorLines, ocr, name);
    const noErrorsStated = errorLines.some((l) => /暂无业务逻辑相关的错误码/.test(l.text));
    if (errors.length === 0 && !noErrorsStated) throw new Error(`${name}: error section has neither a table nor "暂无业务逻辑相关的错误码"`);
    return {
      name,
      ...(s.title ? { title: s.title } : {}),
      ...(s.group ? { group: s.group } : {}),
      version: commonValues.Version,
      host: desc.host,
      description: desc.description,
      rateLimit: desc.rateLimit,
      params: params.map((p) => ({ ...p })),
      outputs,
      examples,
      errors,
      line: lines[s.start].n,
    };
  });
}
