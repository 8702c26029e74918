import { chromium, type CDPSession } from 'playwright-core';

interface EvaluateReply {
  readonly id?: number;
  readonly result?: { readonly result?: { readonly value?: unknown }; readonly exceptionDetails?: unknown };
}

interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly url: string;
}

/**
 * Reaches into DevTools windows and the extension's panel inside them over the browser's CDP endpoint: Playwright
 * lists neither as pages. Each evaluation attaches to the target and runs an expression there, as DevTools' own
 * tests do with the frontend.
 */
export class DevToolsWindows {
  private nextId = 0;
  private readonly replies = new Map<number, (reply: EvaluateReply) => void>();

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const reply = JSON.parse(event.message) as EvaluateReply;
      if (reply.id !== undefined) this.replies.get(reply.id)?.(reply);
    });
  }

  static async connect(port: number): Promise<DevToolsWindows> {
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    return new DevToolsWindows(await browser.newBrowserCDPSession());
  }

  async targets(): Promise<TargetInfo[]> {
    return ((await this.cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos;
  }

  /** Sends one CDP command to a target (attached for the call) and returns its result. */
  async command<T>(targetId: string, method: string, params: Record<string, unknown>): Promise<T> {
    const { sessionId } = (await this.cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
    const id = ++this.nextId;
    const reply = new Promise<EvaluateReply>((resolve) => this.replies.set(id, resolve));
    await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const { result } = await reply;
    this.replies.delete(id);
    await this.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return result as T;
  }

  /** Evaluates `expression` (awaiting a promise) in the target and returns its JSON-able value. */
  async evaluate<T>(targetId: string, expression: string): Promise<T> {
    const result = await this.command<EvaluateReply['result']>(targetId, 'Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (result?.exceptionDetails) throw new Error(`evaluation failed in ${targetId}: ${JSON.stringify(result.exceptionDetails)}`);
    return result?.result?.value as T;
  }

  /** Polls until `find` returns a value, or fails after the timeout with `what`. */
  async waitFor<T>(what: string, find: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
    const start = Date.now();
    for (;;) {
      const found = await find().catch(() => undefined);
      if (found !== undefined) return found;
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Selects an extension's panel in every DevTools window, as clicking its tab does, through the embedder API
   * (DevToolsAPI.showPanel); DevTools names an extension panel by its origin and title without whitespace
   * (ExtensionServer.onCreatePanel). Retries until the panel's page is loaded, since the DevTools page registers
   * the panel a moment after the window opens. Returns the panel pages' target ids.
   */
  async showExtensionPanel(extensionId: string, title: string, page: string): Promise<string[]> {
    const panelId = `chrome-extension://${extensionId}${title.replace(/\s/g, '')}`;
    const panelUrl = `chrome-extension://${extensionId}/${page}`;
    return this.waitFor(`the ${title} panel (${panelUrl}) in DevTools`, async () => {
      const targets = await this.targets();
      const panels = targets.filter((t) => t.url.startsWith(panelUrl)).map((t) => t.targetId);
      if (panels.length > 0) return panels;
      for (const frontend of targets.filter((t) => t.type === 'page' && t.url.startsWith('devtools://')))
        await this.evaluate(frontend.targetId, `DevToolsAPI.showPanel(${JSON.stringify(panelId)})`);
      return undefined;
    });
  }
}
