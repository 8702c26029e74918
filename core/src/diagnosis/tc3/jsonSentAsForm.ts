import { capturedHeader } from '../../capture/CapturedRequest.js';
import { readV1Params } from '../v1/readV1Params.js';
import { canonicalHeadersOf } from './canonicalHeadersOf.js';
import type { Tc3Candidate } from './Tc3Candidate.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPES = ['application/json', 'application/json; charset=utf-8'];
// A form body is re-read as JSON only up to this size: the candidate builds a JSON text per separator style.
const MAX_FORM = 1 << 16;

/**
 * JSON and form confused between signing and sending. Seen in the wild as an HTTP library form-encoding the
 * parameters it was given as a map (Python requests' data=dict, jQuery's $.ajax data:object) while the signer
 * hashed json.dumps of the same map; or a JSON body sent under the library's default form Content-Type.
 */
export const bodyJsonSentAsForm: Tc3Candidate = {
  id: 'body-json-sent-as-form',
  *variants(context) {
    if (context.method === 'GET' || !context.signedHeaderNames.includes('content-type')) return;
    const sentType = capturedHeader(context, 'content-type')?.trim().toLowerCase() ?? '';
    const body = context.request.body;
    const isForm = sentType.startsWith(FORM);
    // A JSON body under a form Content-Type: signed as the JSON it is.
    if (isForm && /^\s*[[{]/.test(body)) {
      for (const type of JSON_TYPES) {
        const built = canonicalHeadersOf(context.headers, context.signedHeaderNames, { 'content-type': type });
        if (built)
          yield {
            parts: { ...context.base, ...built },
            detail: {
              en: `The body is JSON and was signed with content-type:${type}, but it was sent as Content-Type: ${sentType} (a form): the HTTP library's default type replaced the signed one.`,
              zh: `请求体是 JSON，签名时使用 content-type:${type}，但发送时 Content-Type 为 ${sentType}（表单）：HTTP 库的默认类型替换了签名时的类型。`,
            },
          };
      }
    }
    // A form body whose fields were signed as a JSON object (the map handed to the HTTP library as form data).
    if (isForm && body.length <= MAX_FORM && body.includes('=') && !body.trimStart().startsWith('{')) {
      const fields = readV1Params(body);
      const object = Object.fromEntries(fields.map((f) => [f.name, f.value]));
      if (fields.length === 0 || Object.keys(object).length !== fields.length) return;
      const texts = new Set([JSON.stringify(object), JSON.stringify(object).replace(/","/g, '", "').replace(/":"/g, '": "')]);
      for (const text of texts)
        for (const type of JSON_TYPES) {
          const built = canonicalHeadersOf(context.headers, context.signedHeaderNames, { 'content-type': type });
          if (built)
            yield {
              parts: { ...context.base, ...built, payload: text },
              detail: {
                en: `The body was sent form-encoded (${fields.length} fields, Content-Type: ${sentType}), but the signature is reproduced over the same fields as the JSON ${text.length > 60 ? text.slice(0, 60) + '…' : text} with content-type:${type}: the HTTP library form-encoded the map it was given.`,
                zh: `请求体以表单编码发送（${fields.length} 个字段，Content-Type: ${sentType}），但按同样字段的 JSON ${text.length > 60 ? text.slice(0, 60) + '…' : text} 和 content-type:${type} 可以复现签名：HTTP 库把传入的字典按表单编码了。`,
              },
            };
        }
    }
  },
};
