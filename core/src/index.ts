// The public surface of @iot-devkit/core. Hosts import from here only; each area's index.ts says what it offers.
export * from './crypto/index.js';
export * from './encoding/index.js';
export * from './signing/index.js';
export * from './request/index.js';
export * from './credentials/index.js';
export * from './shadow/index.js';
export * from './ruleSql/index.js';
export * from './ruleEngine/index.js';
export * from './mqtt/index.js';
export * from './views/index.js';
export * from './catalog/index.js';
export * from './errors/index.js';
export * from './capture/index.js';
export * from './diagnosis/index.js';
export * from './emulator/index.js';
export * from './httpFile/index.js';
export * from './apiCredentials/index.js';
