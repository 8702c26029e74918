// .http files in the editor (issue 16), loaded the first time a .http document asks for its CodeLenses or a
// command of theirs runs: the runner, the response tabs and the environment status bar (host/httpFiles/).
import type { Services } from '../host/Services.js';
import { HttpFiles, type HttpFilesHooks } from '../host/httpFiles/HttpFiles.js';

let feature: HttpFiles | undefined;

/** The one HttpFiles of this window, made on first use; disposed with the extension. */
export function httpFiles(services: Services, hooks: HttpFilesHooks): HttpFiles {
  if (!feature) {
    feature = new HttpFiles(services, hooks);
    services.context.subscriptions.push(feature);
  }
  return feature;
}
