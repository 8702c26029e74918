// Which API call a `.http` request is, read from the file as written (no placeholder resolved): the action from its
// X-TC-Action header, the service from `Authorization: TC3 … service:S`, else the URL's host S.tencentcloudapi.com,
// else the catalog (iotcloud first, as the toolkit's own service), and the version from X-TC-Version, else the
// catalog's. What the editor checks and completes against; prepareHttpFileRequest decides the same way when sending.
import { findIndexedAction, loadCatalogOf, type IndexedAction } from '../catalog/catalog.js';
import { serviceFromHost } from '../signing/tc3/serviceFromHost.js';
import type { HttpFileHeader, HttpFileRequest, Template } from './HttpFile.js';

export interface HttpFileRequestTarget {
  /** The X-TC-Action header; `name` undefined when its value holds a placeholder (not judged). */
  readonly actionHeader: HttpFileHeader;
  readonly name?: string;
  /** Said by the file (auth form or host), or undefined: then any service of the catalog may have the action. */
  readonly service?: string;
  /** Where the service was read, for messages. */
  readonly serviceFrom?: 'auth form' | 'host';
  /** X-TC-Version as written, when a literal. */
  readonly version?: string;
  /** The catalog's entry for the action in that service (undefined: not in the index). */
  readonly indexed?: IndexedAction;
}

/** The literal text of a template, or undefined when it holds a placeholder. */
export const literalOf = (template: Template): string | undefined =>
  template.parts.every((part) => typeof part === 'string') ? template.raw.trim() : undefined;

const headerNamed = (request: HttpFileRequest, name: string) => request.headers.find((h) => h.name.toLowerCase() === name);

/** The `service:NAME` option of a TC3 auth form, read token by token (placeholders elsewhere in the line do not matter). */
function authFormService(request: HttpFileRequest): string | undefined {
  const value = headerNamed(request, 'authorization')?.value.raw.trim();
  if (!value || !/^TC3(?:\s|$)/.test(value)) return undefined;
  const option = value.split(/\s+/).find((token) => token.startsWith('service:'));
  return option?.slice('service:'.length) || undefined;
}

function hostService(request: HttpFileRequest): string | undefined {
  const url = literalOf(request.url) ?? request.url.raw;
  const match = /^https?:\/\/([^/?#\s{}]+)/i.exec(url);
  return match ? serviceFromHost(match[1]!) : undefined;
}

/** The target of a request with an X-TC-Action header; undefined for any other HTTP request (nothing to check). */
export function httpFileRequestTarget(request: HttpFileRequest): HttpFileRequestTarget | undefined {
  const actionHeader = headerNamed(request, 'x-tc-action');
  if (!actionHeader) return undefined;
  const name = literalOf(actionHeader.value);
  const fromAuth = authFormService(request);
  const fromHost = fromAuth === undefined ? hostService(request) : undefined;
  const service = fromAuth ?? fromHost;
  const versionHeader = headerNamed(request, 'x-tc-version');
  const version = versionHeader ? literalOf(versionHeader.value) : undefined;
  const indexed = name ? (service ? findIndexedAction(service, name) : (findIndexedAction('iotcloud', name) ?? findIndexedAction(undefined, name))) : undefined;
  return {
    actionHeader,
    ...(name !== undefined ? { name } : {}),
    ...(service !== undefined ? { service, serviceFrom: fromAuth !== undefined ? 'auth form' : 'host' } : {}),
    ...(version ? { version } : {}),
    ...(indexed ? { indexed } : {}),
  };
}

/**
 * Loads the full catalog a check or completion of the request reads (its action's service), once: what a host whose
 * loader fetches (the browser) awaits before checkHttpFileRequest or httpFileCompletionAt. A no-op for other requests.
 */
export async function loadCatalogOfRequest(request: HttpFileRequest): Promise<void> {
  const target = httpFileRequestTarget(request);
  if (target?.indexed) await loadCatalogOf(target.indexed.service.service, target.indexed.action.name);
}
