/** A device shadow's address: iot-shadow:/<ProductId>/<DeviceName>.json (the same path under every shadow scheme). */
export interface ShadowAddress {
  readonly productId: string;
  readonly deviceName: string;
}

// DescribeDeviceShadow's naming rules: ProductId letters and digits, DeviceName [a-zA-Z0-9:_-]{1,60}.
const PRODUCT_ID = /^[A-Za-z0-9]{1,32}$/;
const DEVICE_NAME = /^[A-Za-z0-9:_-]{1,60}$/;

export const shadowPath = ({ productId, deviceName }: ShadowAddress): string => `/${productId}/${deviceName}.json`;

/** The delta view's own name (<DeviceName>.delta.json), so its tab is not mistaken for the editable shadow. */
export const deltaPath = (address: ShadowAddress): string => shadowPath(address).replace(/\.json$/, '.delta.json');

/** Reads a URI path back into the address; the reason names the part that is wrong. */
export function parseShadowPath(path: string): { ok: true; address: ShadowAddress } | { ok: false; reason: string } {
  const match = /^\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) return { ok: false, reason: `path: expected /<ProductId>/<DeviceName>.json, got ${JSON.stringify(path)}` };
  const [, productId = '', deviceName = ''] = match;
  const problem = checkShadowAddress({ productId, deviceName });
  return problem === undefined ? { ok: true, address: { productId, deviceName } } : { ok: false, reason: problem };
}

/** Why a typed ProductId / DeviceName cannot name a shadow, or undefined. */
export function checkShadowAddress({ productId, deviceName }: ShadowAddress): string | undefined {
  if (!PRODUCT_ID.test(productId)) return `ProductId: letters and digits (e.g. ABCDE12345), got ${JSON.stringify(productId)}`;
  if (!DEVICE_NAME.test(deviceName)) return `DeviceName: 1-60 of [a-zA-Z0-9:_-], got ${JSON.stringify(deviceName)}`;
  return undefined;
}
