// Validation data derived from what the documents (the seeds, and the SDK's declaration texts) say about a
// parameter. Each derived constraint carries the doc wording it rests on (`source`), and the extractor fails if
// that wording is no longer in the document, so a constraint can never outlive the text that justified it.

/** The device-name rule CreateDevice documents; other device-name parameters name devices created under it. */
const DEVICE_NAME_RULE = { pattern: '^[a-zA-Z0-9:_-]{1,48}$', rule: '[a-zA-Z0-9:_-]{1,48}' };
const DEVICE_NAME_PARAMS = new Set(['DeviceName', 'GatewayDeviceName', 'DeviceNames']);

/**
 * Hand-read constraints. `evidence` must occur in the parameter's description, or (`error`) in the message of
 * the named error code of that action.
 */
const STATED = [
  { at: 'iotcloud:UpdateDeviceShadow.State', set: { json: true }, evidence: 'JSON字符串格式' },
  { at: 'iotcloud:UpdateDeviceShadow.State', set: { maxBytes: 8192 }, error: 'InvalidParameterValue.JSONSizeExceedLimit', evidence: '最大为 8k' },
  {
    at: 'iotcloud:CreateDevice.DefinedPsk',
    set: { format: 'base64', secret: true },
    error: 'InvalidParameterValue.DefinedPskNotBase64',
    evidence: 'DefinedPsk需为Base64格式',
  },
  { at: 'iotcloud:CreateDevice.Isp', set: { enum: [1, 2, 3] }, evidence: '1表示中国电信，2表示中国移动，3表示中国联通' },
  { at: 'iotcloud:DescribeDevices.EnableState', set: { enum: [0, 1] }, evidence: '0禁用状态1启用状态' },
  { at: 'iotcloud:UpdateDeviceAvailableState.EnableState', set: { enum: [0, 1] }, evidence: '1为启用，0为禁用' },
  { at: 'iotcloud:UpdateDeviceLogLevel.LogLevel', set: { enum: [0, 1, 2, 3, 4] }, evidence: '0：关闭，1：错误，2：告警，3：信息，4：调试' },
  { at: 'iotcloud:UpdateDevicesEnableState.Status', set: { enum: [0, 1] }, evidence: '1为启用，0为禁用' },
  { at: 'iotcloud:CreateTopicPolicy.Privilege', set: { enum: [1, 2, 3] }, evidence: '1发布，2订阅，3订阅和发布' },
  { at: 'iotcloud:SetProductsForbiddenStatus.Status', set: { enum: [0, 1] }, evidence: '0启用，1禁用' },
  { at: 'iotcloud:UpdateProductDynamicRegister.RegisterType', set: { enum: [0, 1, 2] }, evidence: '0-关闭 1-预创建设备 2-自动创建设备' },
  {
    at: 'iotcloud:PublishMessage.Topic',
    set: { pattern: '^[^/]+/[^/]+/[a-zA-Z0-9:_-]{1,128}$', rule: '${ProductId}/${DeviceName}/[a-zA-Z0-9:_-]{1,128}' },
    evidence: '${ProductId}/${DeviceName}/[a-zA-Z0-9:_-]{1,128}',
  },
  { at: 'iotcloud:PublishMessage.Qos', set: { enum: [0, 1] }, evidence: '取值为0或1' },
  { at: 'iotcloud:PublishMessage.PayloadEncoding', set: { enum: ['base64', ''] }, evidence: '取值为base64或空' },
  { at: 'iotcloud:UpdateDevicePSK.Psk', set: { secret: true }, evidence: '设备的psk' },
  { at: 'iotcloud:CreateDevice.LoraAppKey', set: { secret: true }, evidence: 'AppKey' },
  { at: 'iotcloud:struct:TopicRulePayload.Sql', set: { format: 'base64' }, evidence: '然后对其进行base64编码' },
  { at: 'iotcloud:struct:TopicRulePayload.Actions', set: { json: true }, evidence: '行为的JSON字符串' },
  { at: 'iotcloud:struct:DeviceTag.Type', set: { enum: [1, 2] }, evidence: '1 int, 2 string' },
  { at: 'iotcloud:struct:ProductProperties.EncryptionType', set: { enum: ['1', '2'] }, evidence: '1表示证书认证, 2表示签名认证' },
  {
    at: 'iotcloud:struct:ProductProperties.ProductType',
    set: { enum: [0, 2, 3, 4, 5] },
    evidence: '0 普通产品, 2 NB-IoT产品, 4 LoRa产品, 3 LoRa网关产品, 5 普通网关产品',
  },
  { at: 'iotcloud:struct:ProductProperties.Format', set: { enum: ['json', 'custom'] }, evidence: '取值为json或者custom' },
  { at: 'iotcloud:struct:ProductProperties.RegisterType', set: { enum: [0, 1, 2] }, evidence: '0-关闭, 1-预定义设备名 2-动态定义设备名' },
  { at: 'trro:ModifyProjectSecMode.Mode', set: { enum: [0, 1] }, evidence: '0:关闭项目共享密钥 1:开启项目共享密钥' },
  {
    at: 'trro:ModifyProjectSecMode.Key',
    set: { pattern: '^[a-z0-9]{32}$', rule: '32 lowercase letters or digits', secret: true },
    evidence: '32位 小写英文+数字',
  },
  { at: 'trro:ModifyProjectSecMode.Key', set: { requiredWhen: { param: 'Mode', equals: 1 } }, evidence: '项目密钥模式必填' },
  {
    at: 'trro:ModifyProjectSecMode.AutoRegister',
    set: { enum: [0, 1, 2, 3] },
    evidence: '0:关闭自动注册 1:仅允许现场设备自动注册 2:仅允许远端设备自动注册 3:允许现场和远端设备均自动注册',
  },
  { at: 'trro:ModifyProjectSecMode.FieldListEnable', set: { enum: [0, 1] }, evidence: '0:不允许 1:允许' },
  // IoT Explorer (tencentcloud-sdk-nodejs iotexplorer_models.d.ts): key material typed into CreateDevice, and the
  // property data ControlDeviceData sends as a JSON string.
  { at: 'iotexplorer:CreateDevice.DefinedPsk', set: { secret: true }, evidence: '手动指定设备的PSK密钥' },
  { at: 'iotexplorer:CreateDevice.AppKey', set: { secret: true }, evidence: 'LoRaWAN 应用密钥' },
  { at: 'iotexplorer:CreateDevice.AppSKey', set: { secret: true }, evidence: 'LoRaWAN 应用会话密钥' },
  { at: 'iotexplorer:CreateDevice.NwkSKey', set: { secret: true }, evidence: 'LoRaWAN 网络会话密钥' },
  { at: 'iotexplorer:ControlDeviceData.Data', set: { json: true }, evidence: 'JSON格式字符串' },
];

/** Outputs that carry key material: hosts mask them when they print a response. */
const SECRET_OUTPUTS = new Set(['DevicePsk', 'DevicePrivateKey', 'LoraAppKey', 'LoraNwkKey', 'ProductSecret', 'ClientKey']);

const addSource = (target, text) => {
  target.constraintSources = [...(target.constraintSources ?? []), text];
};

/** Constraints the wording states in a regular form: naming rules, value ranges, zero-based offsets. */
function applyPatterns(target) {
  const naming = /命名规则[：:]\s*(\[[^\]]+\]\{\d+,\d+\})/.exec(target.description);
  if (naming) {
    const key = target.array ? 'itemPattern' : 'pattern';
    Object.assign(target, { [key]: `^${naming[1]}$`, rule: naming[1] });
    addSource(target, naming[0]);
  }
  const range = /值范围\s*(\d+)\s*-\s*(\d+)/.exec(target.description);
  if (range) {
    Object.assign(target, { minimum: Number(range[1]), maximum: Number(range[2]) });
    addSource(target, range[0]);
  }
  if (/Offset从0开始/.test(target.description)) {
    target.minimum = 0;
    addSource(target, 'Offset从0开始');
  }
}

/** Adds derived constraints to every action parameter and input-structure field of `service` in place. */
export function applyConstraints(service, catalog) {
  const applied = new Set();
  for (const action of catalog.actions) {
    for (const param of action.params) {
      applyPatterns(param);
      if (DEVICE_NAME_PARAMS.has(param.name) && !param.pattern && !param.itemPattern && service === 'iotcloud') {
        Object.assign(param, param.array ? { itemPattern: DEVICE_NAME_RULE.pattern } : { pattern: DEVICE_NAME_RULE.pattern }, { rule: DEVICE_NAME_RULE.rule });
        addSource(param, 'CreateDevice.DeviceName 命名规则：[a-zA-Z0-9:_-]{1,48}');
      }
    }
    for (const output of action.outputs) if (SECRET_OUTPUTS.has(output.name)) output.secret = true;
  }
  for (const structure of catalog.structures ?? []) {
    for (const field of structure.fields) {
      if (structure.input) applyPatterns(field);
      if (structure.input && DEVICE_NAME_PARAMS.has(field.name) && !field.pattern) {
        Object.assign(field, { pattern: DEVICE_NAME_RULE.pattern, rule: DEVICE_NAME_RULE.rule });
        addSource(field, 'CreateDevice.DeviceName 命名规则：[a-zA-Z0-9:_-]{1,48}');
      }
    }
  }
  for (const entry of STATED) {
    const [svc, ...rest] = entry.at.split(':');
    if (svc !== service) continue;
    const isStruct = rest[0] === 'struct';
    const [owner, name] = (isStruct ? rest[1] : rest[0]).split('.');
    const target = isStruct
      ? catalog.structures.find((s) => s.name === owner)?.fields.find((f) => f.name === name)
      : catalog.actions.find((a) => a.name === owner)?.params.find((p) => p.name === name);
    if (!target) throw new Error(`constraint target ${entry.at} not found in the document`);
    const wording = entry.error ? catalog.actions.find((a) => a.name === owner)?.errors.find((e) => e.code === entry.error)?.message : target.description;
    if (!wording || !wording.includes(entry.evidence)) throw new Error(`constraint ${entry.at}: the document no longer says "${entry.evidence}"`);
    Object.assign(target, entry.set);
    addSource(target, entry.error ? `${entry.error}: ${wording}` : entry.evidence);
    applied.add(entry.at);
  }
  return applied.size;
}
