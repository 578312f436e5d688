// Fresh in-memory IndexedDB and fake browser for every test file; the UI's words from the
// English messages file (lib/i18n is injected by the entrypoints in the extension).
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setMessages } from '../../lib/i18n';
import { messagesGetter } from './messages';

setMessages(messagesGetter('en'));

beforeEach(() => {
  fakeBrowser.reset();
});
