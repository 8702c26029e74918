// The DevTools page: it only adds the panel; the panel itself lists and inspects the requests.
import { devtools } from '../browserApi.js';

void devtools.createPanel('IoT Devkit', 'panel.html');
