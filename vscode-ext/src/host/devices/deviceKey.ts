/** `ProductId/DeviceName`, how the tree's set of connected devices (ResourceTreeProvider.connected) is keyed. */
export const deviceKey = (productId: string, deviceName: string): string => `${productId}/${deviceName}`;
