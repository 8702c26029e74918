// Reads one service version of the official Node SDK (tencentcloud-sdk-nodejs, services/<service>/<version>/) with
// the TypeScript compiler API: the client's methods (one per action, its request and response interface and its
// JSDoc) and every interface of the models file (members, their types, `?` marks and JSDoc). Nothing here reads
// the text with regular expressions; only the JSDoc prose is split into description, example and null note.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { splitDescription } from './docText.mjs';

const parse = (path) => ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/** The JSDoc of a declaration: its prose (lines trimmed, joined by newlines) and whether it carries @deprecated. */
export function jsDocOf(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
    .join('\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  const deprecated = docs.some((d) => (d.tags ?? []).some((t) => t.tagName.text === 'deprecated'));
  return { text, deprecated };
}

/**
 * A member's TypeScript type as the catalog's documented type. The SDK's generator writes `number` for Integer,
 * Int64, UInt64 and Float alike, so `number` stays `Number` (its baseType Float accepts any number; the server decides
 * whether it must be whole); `number | bigint` is what it writes for 64-bit integer arrays, hence Int64.
 */
export function catalogType(typeNode) {
  if (ts.isArrayTypeNode(typeNode)) return arrayOf(catalogType(typeNode.elementType));
  if (ts.isTypeReferenceNode(typeNode) && typeNode.typeName.getText() === 'Array' && typeNode.typeArguments?.length === 1)
    return arrayOf(catalogType(typeNode.typeArguments[0]));
  if (ts.isUnionTypeNode(typeNode)) {
    const kinds = typeNode.types.map((t) => t.kind).sort();
    if (kinds.length === 2 && kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.BigIntKeyword))
      return { type: 'Int64', baseType: 'Int64', array: false };
  }
  switch (typeNode.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'String', baseType: 'String', array: false };
    case ts.SyntaxKind.NumberKeyword:
      return { type: 'Number', baseType: 'Float', array: false };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'Boolean', baseType: 'Boolean', array: false };
  }
  if (ts.isTypeReferenceNode(typeNode) && ts.isIdentifier(typeNode.typeName)) {
    const name = typeNode.typeName.text;
    return { type: name, baseType: name, array: false, structure: name };
  }
  throw new Error(`unsupported SDK type ${typeNode.getText()} at ${typeNode.getSourceFile().fileName}:${lineOf(typeNode)}`);
}

function arrayOf(element) {
  if (element.array) throw new Error('nested arrays are not in the SDK declarations');
  return { ...element, type: `Array of ${element.type}`, array: true };
}

const lineOf = (node) => node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;

/** Every interface of a models .d.ts: name → { description, deprecated, members }. */
export function readModels(path) {
  const interfaces = new Map();
  for (const statement of parse(path).statements) {
    // `export type GetUserResourceInfoRequest = null;`: an action that takes no parameters.
    if (ts.isTypeAliasDeclaration(statement) && ts.isLiteralTypeNode(statement.type) && statement.type.literal.kind === ts.SyntaxKind.NullKeyword) {
      interfaces.set(statement.name.text, { description: jsDocOf(statement).text, members: [] });
      continue;
    }
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const members = statement.members.filter(ts.isPropertySignature).map((m) => {
      const doc = jsDocOf(m);
      const { description, example, nullable } = splitDescription(doc.text);
      return {
        name: m.name.getText(),
        optional: m.questionToken !== undefined,
        sdkType: m.type.getText(),
        ...catalogType(m.type),
        description,
        ...(example !== undefined ? { example } : {}),
        ...(nullable ? { nullable } : {}),
        ...(doc.deprecated ? { deprecated: true } : {}),
      };
    });
    interfaces.set(statement.name.text, { description: jsDocOf(statement).text, members });
  }
  return interfaces;
}

/** Every action of a client .d.ts: the method name, its JSDoc, and the request/response interface names. */
export function readClient(path) {
  const actions = [];
  for (const statement of parse(path).statements) {
    if (!ts.isClassDeclaration(statement)) continue;
    for (const member of statement.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      const request = member.parameters[0]?.type;
      const response = member.type;
      if (!request || !ts.isTypeReferenceNode(request) || !response || !ts.isTypeReferenceNode(response)) continue;
      const resolved = response.typeArguments?.[0];
      if (!resolved || !ts.isTypeReferenceNode(resolved)) throw new Error(`${member.name.getText()}: no Promise<Response> type`);
      const doc = jsDocOf(member);
      actions.push({
        name: member.name.getText(),
        description: doc.text,
        ...(doc.deprecated ? { deprecated: true } : {}),
        request: request.typeName.getText(),
        response: resolved.typeName.getText(),
      });
    }
  }
  return actions;
}

/** The endpoint the client's generated JavaScript passes to its base class (`super("iotexplorer.tencentcloudapi.com", …)`). */
export function readClientEndpoint(path) {
  let endpoint;
  const visit = (node) => {
    if (endpoint) return;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword && ts.isStringLiteral(node.arguments[0] ?? node))
      endpoint = { host: node.arguments[0].text, version: ts.isStringLiteral(node.arguments[1] ?? node) ? node.arguments[1].text : undefined };
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS));
  if (!endpoint) throw new Error(`${path}: no super(endpoint, version) call`);
  return endpoint;
}
