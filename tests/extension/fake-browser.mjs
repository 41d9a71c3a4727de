/**
 * A fake browser with only the i18n API, over the extension's real
 * messages.json, for the unit tests of modules that say things (present.js,
 * history.js, markdown.js). Import it before them.
 */
import { getMessage } from './fake-i18n.mjs';

globalThis.chrome ??= { i18n: { getMessage } };
