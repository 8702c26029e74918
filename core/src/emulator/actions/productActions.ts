import { toBase64 } from '../../encoding/bytes.js';
import type { EmulatedProduct } from '../EmulatorState.js';
import { done, fail, page, seconds, str, type ActionEnvironment, type ActionHandler } from './ActionHandler.js';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A ProductId like the cloud's: 10 upper-case letters and digits (the doc's examples: ABCDE12345, RL0BAZKZ6V). */
export function newProductId(env: ActionEnvironment, taken: (id: string) => boolean): string {
  for (;;) {
    const id = [...env.randomBytes(10)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
    if (!taken(id)) return id;
  }
}

/** ProductProperties with the defaults the doc states for each omitted field. */
function withDefaults(properties: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return { ProductDescription: '', EncryptionType: '1', Region: 'gz', ProductType: 0, Format: 'json', Platform: 'DEFAULT', AppEUI: '', ...properties };
}

/** Key authentication ("2表示签名认证") gets a PSK; certificate products (the default, "1") do not. */
export const usesPsk = (product: EmulatedProduct): boolean => String(product.ProductProperties['EncryptionType']) === '2';

export const productInfo = (product: EmulatedProduct) => ({
  ProductId: product.ProductId,
  ProductName: product.ProductName,
  ProductMetadata: { CreationDate: product.CreationDate, CreateUserId: 0, UserId: 0 },
  ProductProperties: product.ProductProperties,
});

export const createProduct: ActionHandler = (state, params, env) => {
  const name = str(params, 'ProductName')!;
  if ([...state.products.values()].some((p) => p.ProductName === name))
    return fail(
      'InvalidParameterValue.ProductAlreadyExist',
      `ProductName: a product named ${JSON.stringify(name)} already exists ("名称不能和已经存在的产品名称重复")`,
    );
  const properties = withDefaults((params['ProductProperties'] as Record<string, unknown> | undefined) ?? {});
  const product: EmulatedProduct = {
    ProductId: newProductId(env, (id) => state.products.has(id)),
    ProductName: name,
    ProductProperties: properties,
    CreationDate: seconds(env),
  };
  state.products.set(product.ProductId, product);
  return done({ ProductName: product.ProductName, ProductId: product.ProductId, ProductProperties: properties }, true);
};

export const describeProduct: ActionHandler = (state, params) => {
  const product = state.products.get(str(params, 'ProductId')!);
  if (!product) return fail('ResourceNotFound.ProductNotExist', `ProductId: no product ${JSON.stringify(params['ProductId'])}`);
  return done(productInfo(product));
};

export const describeProducts: ActionHandler = (state, params) => {
  const products = [...state.products.values()];
  return done({ TotalCount: products.length, Products: page(products, params).map(productInfo) });
};

export const deleteProduct: ActionHandler = (state, params) => {
  const productId = str(params, 'ProductId')!;
  if (!state.products.has(productId)) return fail('ResourceNotFound.ProductNotExist', `ProductId: no product ${JSON.stringify(productId)}`);
  const devices = [...state.devices.values()].filter((d) => d.ProductId === productId).length;
  if (devices > 0)
    return fail(
      'UnauthorizedOperation.DevicesExistUnderProduct',
      `ProductId ${productId} still has ${devices} device${devices === 1 ? '' : 's'}; delete them first ("删除的产品下还包括未删除的设备")`,
    );
  state.products.delete(productId);
  state.topicPolicies.delete(productId);
  return done({}, true);
};

/** A device PSK as the cloud hands them out: 16 random bytes, base64 (the doc's example VOQmAku7T1haYaiV7LJfmg==). */
export const newPsk = (env: ActionEnvironment): string => toBase64(env.randomBytes(16));
