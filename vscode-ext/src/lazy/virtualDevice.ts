// The virtual device with its MQTT client (MQTT.js), loaded the first time a device is connected, monitored or
// publishes, so that the client never enters the activation bundle. One instance per window: its connections.
import { VirtualDevices } from '../host/devices/VirtualDevices.js';
import type { Services } from '../host/Services.js';
import type { ResourceTreeProvider } from '../host/tree/ResourceTreeProvider.js';

let instance: VirtualDevices | undefined;

export function virtualDevices(services: Services, tree: ResourceTreeProvider): VirtualDevices {
  if (!instance) {
    instance = new VirtualDevices(services, tree);
    services.context.subscriptions.push(instance);
  }
  return instance;
}
