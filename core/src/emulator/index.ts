// The local emulator: API actions over an in-memory state, its guard, admin routes and snapshots. Part of @iot-
// devkit/core's public surface (core/src/index.ts).
export { createEmulator, type Emulator, type EmulatorOptions } from './createEmulator.js';
export {
  createEmptyState,
  deviceKey,
  MAX_RECORDED_MESSAGES,
  type EmulatedDevice,
  type EmulatedProduct,
  type EmulatedRule,
  type EmulatorState,
  type PublishedMessage,
  type TrroProject,
} from './EmulatorState.js';
export { restoreState, serializeState, STATE_FORMAT, type RestoreResult } from './stateSnapshot.js';
export { createDemoState, DEMO_DEVICES, DEMO_PRODUCT_ID, DEMO_RULE_NAME } from './demoState.js';
export { DEMO_CREDENTIAL, type EmulatorCredential } from './EmulatorCredential.js';
export type { ApiError, EmulatorResponse, ReceivedRequest } from './EmulatorHttp.js';
export { MAX_CLOCK_SKEW_SECONDS, type SignatureDiagnoser } from './authenticateCall.js';
export { ADMIN_PREFIX, ADMIN_ROUTES } from './adminRoutes.js';
export { ACTION_HANDLERS } from './actions/actionHandlers.js';
export { isLoopbackHost, signedHostCandidates } from './loopbackHost.js';
// Emulator guard: who may call the emulator (Host, Origin, Sec-Fetch-Site) and v1 replays
export { servedHosts, isServedHost, LOOPBACK_NAMES, type ServedHostsInput } from './servedHosts.js';
export { checkCaller, type CallerPolicy, type CallerRefusal } from './checkCaller.js';
export { SeenSignatures } from './seenSignatures.js';
export { DEFAULT_RRPC_TIMEOUT_MS } from './createEmulator.js';
