import { interpretResponse, lookupErrorCode, type ErrorCodeInfo } from '@iot-devkit/core';
import { UsageError, type Command } from '../Command.js';
import { hasFlag, parseArgs } from '../args.js';
import { displayWidth } from './catalog.js';

/** The documented JSON shape, then the extra fields a tool may use. */
function codeJson(info: ErrorCodeInfo, viaDocSpelling?: string) {
  return {
    code: info.code,
    message: info.message,
    messageEn: info.messageEn,
    kind: info.kind,
    actions: info.actions,
    hint: info.hint?.en ?? null,
    hintZh: info.hint?.zh ?? null,
    vendor: info.vendor,
    services: info.services,
    ...(info.docSpellings.length ? { docSpellings: info.docSpellings } : {}),
    ...(viaDocSpelling ? { matchedDocSpelling: viaDocSpelling } : {}),
    ...(info.signingNotes.length ? { signingNotes: info.signingNotes } : {}),
  };
}

function describe(info: ErrorCodeInfo, viaDocSpelling?: string): string {
  const rows: [string, string][] = [
    ['Code', `${info.code}  (${info.kind}${info.vendor === 'tencent' ? '' : `, ${info.vendor}`})`],
    ['Meaning', info.messageEn],
    ['文档', info.message],
  ];
  if (info.hint) rows.push(['Fix', info.hint.en], ['处理', info.hint.zh]);
  rows.push([
    'Actions',
    info.actions.length ? info.actions.join(', ') : info.kind === 'common' ? '(any action: a common code)' : '(listed by no action table)',
  ]);
  for (const note of info.signingNotes) rows.push(['Signing doc', note]);
  if (info.docSpellings.length) rows.push(['OCR spelling', `${info.docSpellings.join(', ')} in the document, corrected`]);
  if (viaDocSpelling) rows.push(['Note', `"${viaDocSpelling}" is the document's OCR spelling of ${info.code}`]);
  if (info.onlyInActions) rows.push(['Note', 'listed by action tables only, not by the error-code page']);
  const width = Math.max(...rows.map(([label]) => displayWidth(label)));
  return rows.map(([label, value]) => `  ${label}${' '.repeat(width - displayWidth(label))}  ${value}`).join('\n');
}

export const errorCommand: Command = {
  name: 'error',
  summary: 'Explain an error code (Tencent Cloud, MXCHIP meta.code) or a whole response body',
  usage: `Usage: iot-devkit error <Code> [--json]
       iot-devkit error --response [--json] < response-body.json

  <Code>        a documented error code, case-insensitive (AuthFailure.SignatureExpire, 10100, …):
                its zh-CN text from the document, an English text, whether it is common or business,
                which actions list it, and how to fix it
  --json        {"code","message","messageEn","kind":"common"|"business","actions":[…],"hint",…}
  --response    read a response body from stdin (Tencent Cloud Response.Error, OneNET errno/error,
                MXCHIP meta.code) and say whether it succeeded, or what the error means, with RequestId
Exit codes: 0 known code / successful response, 1 unknown code (suggestions printed) or an error
response, 2 bad input (including a body that is not a response).`,
  async run(context) {
    const parsed = parseArgs(context.args, ['json', 'response'], []);
    const json = hasFlag(parsed, 'json');
    if (hasFlag(parsed, 'response')) {
      if (parsed.positionals.length) throw new UsageError(`--response reads the body from stdin; unexpected "${parsed.positionals[0]}"`);
      const result = interpretResponse(await context.readStdin());
      if (result.status === 'malformed') throw new UsageError(`stdin: ${result.problem}`);
      // JSON.stringify leaves out `known` when the code is not documented.
      const out = result.status === 'error' ? { ...result, known: result.known ? codeJson(result.known) : undefined } : result;
      context.out(json ? JSON.stringify(out, null, 2) : result.summary);
      return result.status === 'success' ? 0 : 1;
    }
    if (parsed.positionals.length !== 1)
      throw new UsageError(
        parsed.positionals.length
          ? `one code at a time, got: ${parsed.positionals.join(' ')}`
          : 'code: an error code such as AuthFailure.SignatureExpire (or --response < body.json)',
      );
    const lookup = lookupErrorCode(parsed.positionals[0]!);
    if (lookup.found) {
      context.out(json ? JSON.stringify(codeJson(lookup.info, lookup.viaDocSpelling), null, 2) : describe(lookup.info, lookup.viaDocSpelling));
      return 0;
    }
    if (json) context.out(JSON.stringify({ error: 'unknown error code', query: lookup.query, suggestions: lookup.suggestions }, null, 2));
    else context.out(`Unknown error code "${lookup.query}".${lookup.suggestions.length ? ` Did you mean: ${lookup.suggestions.join(', ')}?` : ''}`);
    return 1;
  },
};
