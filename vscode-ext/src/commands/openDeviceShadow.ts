import * as vscode from 'vscode';
import { SCHEMES } from '../constants.js';
import type { Services } from '../host/Services.js';
import { listDevices, listProducts } from '../host/shadow/listResources.js';
import { checkShadowAddress, shadowPath, type ShadowAddress } from '../host/shadow/shadowUri.js';

const TYPE_IT = Symbol('type');

/** A pick from the API's list, with "type it" first so a name the list does not hold (or a failed list) still works. */
async function pickOrType(
  title: string,
  load: () => Promise<{ label: string; description?: string }[]>,
  validate: (value: string) => string | undefined,
): Promise<string | undefined> {
  const typeItem = { label: vscode.l10n.t('$(edit) Type it…'), value: TYPE_IT as string | typeof TYPE_IT };
  const quickPick = vscode.window.createQuickPick<{ label: string; description?: string; value: string | typeof TYPE_IT }>();
  quickPick.title = title;
  quickPick.ignoreFocusOut = true;
  quickPick.busy = true;
  quickPick.items = [typeItem];
  quickPick.show();
  load().then(
    (items) => {
      quickPick.items = [...items.map((item) => ({ ...item, value: item.label })), typeItem];
      quickPick.busy = false;
    },
    (error: unknown) => {
      quickPick.items = [typeItem];
      quickPick.placeholder = vscode.l10n.t('Could not list: {0}', error instanceof Error ? error.message : String(error));
      quickPick.busy = false;
    },
  );
  const picked = await new Promise<string | typeof TYPE_IT | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.value));
    quickPick.onDidHide(() => resolve(undefined));
  });
  quickPick.dispose();
  if (picked !== TYPE_IT) return picked;
  return vscode.window.showInputBox({ title, ignoreFocusOut: true, validateInput: validate });
}

/** Opens iot-shadow:/<ProductId>/<DeviceName>.json: from the tree (address given) or by picking. */
export const openDeviceShadow =
  ({ api }: Services) =>
  async (given?: ShadowAddress): Promise<void> => {
    let address = given;
    if (!address || checkShadowAddress(address)) {
      const productId = await pickOrType(
        vscode.l10n.t('Open Device Shadow: product'),
        async () => (await listProducts(api)).map((p) => ({ label: p.productId, description: p.productName })),
        (v) => checkShadowAddress({ productId: v, deviceName: 'x' }),
      );
      if (!productId) return;
      const deviceName = await pickOrType(
        vscode.l10n.t('Open Device Shadow: device of {0}', productId),
        async () =>
          (await listDevices(api, productId)).map((d) => ({
            label: d.deviceName,
            ...(d.online === undefined ? {} : { description: d.online ? vscode.l10n.t('online') : vscode.l10n.t('offline') }),
          })),
        (v) => checkShadowAddress({ productId, deviceName: v }),
      );
      if (!deviceName) return;
      address = { productId, deviceName };
    }
    const uri = vscode.Uri.from({ scheme: SCHEMES.shadow, path: shadowPath(address) });
    await vscode.window.showTextDocument(uri, { preview: false });
  };
