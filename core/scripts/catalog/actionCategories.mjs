// Groups for browsing. The seed document heads each group of action pages with "…相关接口" (only above the first
// action of the group): the actions after a heading, in document order, are that group's (`by: 'seed'`). The SDK
// has no categories (its client .d.ts lists methods only; the package ships no docs), so every other action is
// grouped by the resource noun of its name (`by: 'resource-noun'`): the first rule whose word occurs in the name,
// most specific first. The seed's headings are reused as the zh names so both kinds of group read alike.

const GROUPS = {
  firmware: { zh: '固件升级相关接口', en: 'Firmware update (OTA)' },
  shadow: { zh: '设备影子相关接口', en: 'Device shadows' },
  device: { zh: '设备相关接口', en: 'Devices' },
  product: { zh: '产品相关接口', en: 'Products' },
  message: { zh: '消息相关接口', en: 'Messages' },
  rule: { zh: '规则引擎相关接口', en: 'Rule engine' },
  ca: { zh: 'CA 证书相关接口', en: 'CA certificates' },
  log: { zh: '日志相关接口', en: 'Logs' },
  resource: { zh: '资源与任务相关接口', en: 'Resources and tasks' },
  thingModel: { zh: '物模型与设备数据相关接口', en: 'Thing model and device data' },
  gateway: { zh: '网关与子设备相关接口', en: 'Gateways and sub-devices' },
  lora: { zh: 'LoRa 相关接口', en: 'LoRa' },
  position: { zh: '位置服务相关接口', en: 'Positioning and geofences' },
  project: { zh: '项目相关接口', en: 'Projects' },
  user: { zh: '用户、家庭与应用相关接口', en: 'Users, families and apps' },
  video: { zh: '云存储与视频相关接口', en: 'Cloud storage and video' },
  av: { zh: '音视频通话相关接口', en: 'Audio/video calls (TRTC, P2P)' },
  license: { zh: '实例与授权相关接口', en: 'Instances and licenses' },
  tweSee: { zh: 'TWeSee 视觉理解相关接口', en: 'TWeSee vision' },
  tweTalk: { zh: 'TWeTalk 对话相关接口', en: 'TWeTalk conversations' },
  tweCall: { zh: 'TWeCall 通话相关接口', en: 'TWeCall calls' },
  other: { zh: '其他接口', en: 'Other' },
};

// [word in the action name, group]; the first match wins.
const RULES = [
  ['TWeSee', 'tweSee'],
  ['TWeTalk', 'tweTalk'],
  ['TWeCall', 'tweCall'],
  ['WeCall', 'tweCall'],
  ['LoRa', 'lora'],
  ['TRTC', 'av'],
  ['P2P', 'av'],
  ['SDP', 'av'],
  ['DeviceChannel', 'av'],
  ['CloudStorage', 'video'],
  ['IotVideo', 'video'],
  ['AISearch', 'video'],
  ['AIService', 'video'],
  ['Video', 'video'],
  ['PackageConsume', 'video'],
  ['DevicePackages', 'video'],
  ['Position', 'position'],
  ['Fence', 'position'],
  ['Location', 'position'],
  ['Space', 'position'],
  ['Firmware', 'firmware'],
  ['FirmWare', 'firmware'],
  ['Ota', 'firmware'],
  ['GetAllVersion', 'firmware'],
  ['GetCOSURL', 'firmware'],
  ['Shadow', 'shadow'],
  ['TopicRule', 'rule'],
  ['PrivateCA', 'ca'],
  ['ProductCA', 'ca'],
  ['Log', 'log'],
  ['EventHistory', 'thingModel'],
  ['ModelDefinition', 'thingModel'],
  ['DeviceData', 'thingModel'],
  ['DeviceAction', 'thingModel'],
  ['Message', 'message'],
  ['RRPC', 'message'],
  ['Resource', 'resource'],
  ['Task', 'resource'],
  ['Gateway', 'gateway'],
  ['BindDevices', 'gateway'],
  ['UnbindDevices', 'gateway'],
  ['BindProducts', 'gateway'],
  ['BindedProducts', 'gateway'],
  ['UnbindedDevices', 'gateway'],
  ['Project', 'project'],
  ['Family', 'user'],
  ['UserDevice', 'user'],
  ['ShareDevice', 'user'],
  ['Wechat', 'user'],
  ['MiniProgram', 'user'],
  ['Application', 'user'],
  ['License', 'license'],
  ['ActivateDevice', 'license'],
  ['Instance', 'license'],
  ['Product', 'product'],
  ['TopicPolicy', 'product'],
  ['Device', 'device'],
];

const bySeedHeading = new Map(Object.values(GROUPS).map((g) => [g.zh, g]));

/** The group of an action by its name's resource noun. */
export function categoryOfName(name) {
  const rule = RULES.find(([word]) => name.includes(word));
  return { ...GROUPS[rule ? rule[1] : 'other'], by: 'resource-noun' };
}

/**
 * Categories for a service's actions (in document order): the seed heading in force for seed actions, else the
 * resource noun. A seed heading that GROUPS does not know still groups its actions, with no English name.
 */
export function assignCategories(actions) {
  let heading;
  return actions.map((action) => {
    if (action.group) heading = action.group;
    if (action.line !== undefined && heading !== undefined) {
      const known = bySeedHeading.get(heading);
      return { ...action, category: { zh: heading, en: known?.en ?? '', by: 'seed' } };
    }
    return { ...action, category: categoryOfName(action.name) };
  });
}
