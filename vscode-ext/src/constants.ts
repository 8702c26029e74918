// Every id the manifest (package.json) and the code share. A convention test checks both sides agree.

export const EXTENSION_ID = 'iot-devkit.iot-devkit-vscode';
export const CONFIG_SECTION = 'iotDevkit';

export const COMMANDS = {
  addProfile: 'iotDevkit.addProfile',
  switchProfile: 'iotDevkit.switchProfile',
  deleteProfile: 'iotDevkit.deleteProfile',
  openDeviceShadow: 'iotDevkit.openDeviceShadow',
  showShadowDelta: 'iotDevkit.showShadowDelta',
  reapplyShadowEdit: 'iotDevkit.reapplyShadowEdit',
  pushShadow: 'iotDevkit.pushShadow',
  compareShadowWithLatest: 'iotDevkit.compareShadowWithLatest',
  discardShadowEdit: 'iotDevkit.discardShadowEdit',
  refreshResources: 'iotDevkit.refreshResources',
  showDecodedSql: 'iotDevkit.showDecodedSql',
  createDevice: 'iotDevkit.createDevice',
  deleteDevice: 'iotDevkit.deleteDevice',
  copyMqttCredentials: 'iotDevkit.copyMqttCredentials',
  connectVirtualDevice: 'iotDevkit.connectVirtualDevice',
  disconnectVirtualDevice: 'iotDevkit.disconnectVirtualDevice',
  monitorDeviceMessages: 'iotDevkit.monitorDeviceMessages',
  publishDeviceMessage: 'iotDevkit.publishDeviceMessage',
  enableTopicRule: 'iotDevkit.enableTopicRule',
  disableTopicRule: 'iotDevkit.disableTopicRule',
  deleteTopicRule: 'iotDevkit.deleteTopicRule',
  httpSend: 'iotDevkit.httpSend',
  httpSigningSteps: 'iotDevkit.httpSigningSteps',
  httpCopyAsCurl: 'iotDevkit.httpCopyAsCurl',
  httpDiagnose: 'iotDevkit.httpDiagnose',
  selectHttpEnvironment: 'iotDevkit.selectHttpEnvironment',
  forgetStoredEnvironmentValues: 'iotDevkit.forgetStoredEnvironmentValues',
  openExampleCollection: 'iotDevkit.openExampleCollection',
} as const;

export const VIEWS = {
  container: 'iotDevkit',
  sidebar: 'iotDevkit.sidebar',
  resources: 'iotDevkit.resources',
} as const;

export const SCHEMES = {
  /** iot-shadow:/<ProductId>/<DeviceName>.json, the editable shadow. */
  shadow: 'iot-shadow',
  /** The latest server copy, read-only, desired first: the left side of the conflict diff. */
  shadowLatest: 'iot-shadow-latest',
  /** Your desired change re-applied on the latest, read-only, desired first: the right side of the conflict diff. */
  shadowYours: 'iot-shadow-yours',
  /** desired vs reported, read-only. */
  shadowDelta: 'iot-shadow-delta',
  /** Read-only tabs of a .http file's requests: /<file>/<request> response.jsonc, … signing steps.md, … diagnosis.md. */
  httpView: 'iot-devkit-http',
} as const;

export const SETTINGS = {
  profiles: 'profiles',
  activeProfile: 'activeProfile',
} as const;

export const CONTEXT_KEYS = {
  shadowConflict: 'iotDevkit.shadowConflict',
} as const;

/** SecretStorage key of a profile's SecretKey; the key never leaves SecretStorage except into a signature. */
export const secretKeyStorageKey = (profileName: string): string => `iotDevkit.secretKey.${profileName}`;

/** SecretStorage key of a {{$processEnv NAME}} value the user typed because the extension host's environment had none. */
export const processEnvStorageKey = (name: string): string => `iotDevkit.processEnv.${name}`;

export const IOTCLOUD = { service: 'iotcloud', version: '2021-04-08' } as const;
