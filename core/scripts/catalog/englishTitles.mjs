// English for actions the international SDK (tencentcloud-sdk-nodejs-intl-en) does not describe. WRITTEN holds titles
// we wrote from each action's Chinese description in tencentcloud-sdk-nodejs (every iotcloud 2021-04-08 action the intl
// SDK lacks, TRRO's one, and the IoT Explorer actions a device developer calls first); any other action gets a title derived
// from its name, marked `derived` so a UI can say it is a machine reading of the name, not a description.

export const WRITTEN = {
  iotcloud: {
    BatchUpdateFirmware: 'Update the firmware of devices in batch',
    BindDevices: 'Bind sub-devices to a gateway device',
    CancelDeviceFirmwareTask: "Cancel a device's firmware update task",
    CreateMultiDevicesTask: 'Create a product-level task that creates devices in batch',
    CreateTaskFileUrl: 'Get the upload URL of a product-level task file',
    CreateTopicPolicy: 'Create a topic',
    CreateTopicRule: 'Create a rule',
    DeleteDeviceResource: 'Delete a device resource',
    DeleteProductPrivateCA: "Delete a product's private CA certificate",
    DeleteTopicRule: 'Delete a rule',
    DescribeDeviceClientKey: "Get a certificate-authenticated device's private key (once after the device is created or reset)",
    DescribeDeviceResource: 'Describe a device resource',
    DescribeDeviceResources: 'List device resources',
    DescribeDeviceShadow: "Query a device's shadow (virtual device)",
    DescribeFirmware: 'Describe a firmware version',
    DescribeFirmwareTask: 'Describe a firmware update task',
    DescribeFirmwareTaskDevices: 'List the devices of a firmware update task',
    DescribeFirmwareTaskDistribution: 'Status distribution of a firmware update task',
    DescribeFirmwareTasks: 'List firmware update tasks',
    DescribeFirmwareTaskStatistics: 'Statistics of a firmware update task',
    DescribeGatewayBindDevices: 'List the sub-devices bound to a gateway',
    DescribeProductResource: 'Describe a product resource',
    DescribeProductResources: 'List product resources',
    DescribeProductTask: 'Describe a product-level task',
    DescribeProductTasks: 'List product-level tasks',
    DescribePushResourceTaskStatistics: 'Statistics of a resource push task',
    DescribeResourceTasks: 'List resource push tasks',
    DisableTopicRule: 'Disable a rule',
    DownloadDeviceResource: 'Download a device resource',
    EditFirmware: 'Edit firmware information',
    EnableTopicRule: 'Enable a rule',
    GetAllVersion: 'List all firmware versions',
    GetCOSURL: 'Get the COS URL where a firmware is stored',
    GetUserResourceInfo: "Query the account's resource usage",
    ListFirmwares: 'List firmware versions',
    ListLog: 'List log entries',
    ListLogPayload: 'List log payloads',
    ListSDKLog: 'List the logs a device reported',
    ListTopicRules: 'List rules, page by page',
    PublishBroadcastMessage: 'Publish a broadcast message',
    PublishMessage: 'Publish a message to a topic',
    PublishRRPCMessage: 'Publish an RRPC message',
    ReplaceTopicRule: 'Replace a rule',
    ResetDeviceState: "Reset devices' connection state",
    RetryDeviceFirmwareTask: "Retry a device's firmware update task",
    UnbindDevices: 'Unbind sub-devices from a gateway device',
    UpdateDeviceAvailableState: 'Enable or disable a device',
    UpdateDevicePSK: "Update a device's PSK",
    UpdateDeviceShadow: "Update a device's shadow (virtual device)",
    UpdateOtaTaskStatus: 'Change the status of a firmware update task (e.g. cancel it for some or all devices)',
    UpdateProductPrivateCA: "Update a product's private CA",
    UpdateTopicPolicy: 'Update a topic',
    UploadFirmware: 'Upload firmware information',
  },
  trro: {
    ModifyProjectSecMode: "Set a project's shared-key mode (device passwords from the project key, auto-registration)",
  },
  iotexplorer: {
    CallDeviceActionAsync: 'Call a device action asynchronously',
    CallDeviceActionSync: 'Call a device action and wait for its result',
    CallDeviceRRPCSync: 'Send a device an RRPC call and wait for its reply',
    ControlDeviceData: "Set a device's property data (control the device)",
    CreateDevice: 'Create a device',
    DeleteDevice: 'Delete a device',
    DescribeDevice: 'Describe a device',
    DescribeDeviceData: 'Get the property data a device last reported',
    DescribeDeviceDataHistory: "Get a device's reported data over a time range",
    DescribeModelDefinition: "Get a product's thing model (data template)",
    GetDeviceList: 'List the devices of a product',
    ListEventHistory: "List a device's event history",
    PublishMessage: 'Publish a message to a device topic',
    PublishRRPCMessage: 'Publish an RRPC message',
  },
};

// Words kept as one token (brand names, acronyms) when a name is split at capitals; matched longest first.
const WORDS = [
  'TWeSee',
  'TWeTalk',
  'TWeCall',
  'WeCall',
  'LoRa',
  'FirmWare',
  'IotVideo',
  'P2P',
  'TRTC',
  'RRPC',
  'SDP',
  'SDK',
  'COS',
  'URL',
  'PSK',
  'CA',
  'AI',
  'V2',
].sort((a, b) => b.length - a.length);
const KEEP_CASE = new Set(WORDS);

/** CamelCase words of an identifier, with the WORDS kept whole ("GetCOSURL" → Get, COS, URL; "PrivateCAs" → Private, CAs). */
export function splitName(name) {
  const words = [];
  let current = '';
  const flush = () => {
    if (current) words.push(current);
    current = '';
  };
  const isLower = (ch) => ch !== undefined && ch >= 'a' && ch <= 'z';
  const isUpper = (ch) => ch !== undefined && ch >= 'A' && ch <= 'Z';
  for (let i = 0; i < name.length;) {
    const word = WORDS.find((w) => name.startsWith(w, i) && !isLower(name[i + w.length]));
    const plural = word ? undefined : WORDS.find((w) => name.startsWith(`${w}s`, i) && !isLower(name[i + w.length + 1]));
    if (word || plural) {
      flush();
      words.push(word ?? `${plural}s`);
      i += (word ?? `${plural}s`).length;
      continue;
    }
    if (isUpper(name[i])) flush();
    current += name[i];
    i++;
  }
  flush();
  return words;
}

const keepsCase = (word) => KEEP_CASE.has(word) || KEEP_CASE.has(word.slice(0, -1));

/** "DescribeDeviceDataHistory" → "Describe device data history": a labelled fallback, never a description. */
export function deriveTitle(name) {
  return splitName(name)
    .map((w, k) => (w === 'FirmWare' ? 'firmware' : keepsCase(w) || k === 0 ? w : w.toLowerCase()))
    .join(' ');
}
