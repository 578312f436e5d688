/**
 * The one settings store (worker and pages), over the user area: vault first, durable copy in
 * storage.local, API keys in the vault only (issue 11, medium 1), and a failed read never
 * becomes a write (issue 11, medium 3).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { createSettingsStore } from '../../lib/settings/store';
import { createUserArea } from '../../lib/settings/user-area';
import { STORAGE_KEYS, VAULT_ONLY } from '../../lib/settings/keys';
import { defaultSettings } from '../../lib/settings/schema';
import { loadSettings, readSettings, updateSettings, userArea } from '../../lib/settings/options';

/** An in-memory area; `failGets` makes the next n reads throw, as a broken storage would. */
function memoryArea(init: Record<string, unknown> = {}) {
  const a = {
    data: structuredClone(init) as Record<string, unknown>,
    failGets: 0,
    sets: 0,
    async get(keys: string[]) {
      if (a.failGets > 0) {
        a.failGets--;
        throw new Error('IO error');
      }
      return Object.fromEntries(keys.filter((k) => k in a.data).map((k) => [k, structuredClone(a.data[k])]));
    },
    async set(items: Record<string, unknown>) {
      a.sets++;
      Object.assign(a.data, structuredClone(items));
    },
  };
  return a;
}

const V1_USER = {
  settings: {
    watchlists: [
      { id: 'default', name: 'Compute networks', items: [{ symbol: 'TAO', assetId: null }, { symbol: 'FIL', assetId: 'filecoin' }] },
      { id: 'wl-2', name: 'Mine', items: [{ symbol: 'HNT', assetId: null }] },
    ],
    activeWatchlistId: 'wl-2',
    apiKeys: { coingecko: 'CG-secret1', coingeckoPlan: 'pro', taostats: 'tao-secret2' },
    venuesOff: ['okx'],
    groupsOff: ['unlocks'],
    assetChoices: { 'kucoin:IO': 'io-net' },
  },
  settings$: { v: 1 },
};

describe('settings store: where values live', () => {
  it('migrates a v1 user: keys move to the vault, storage.local keeps everything else, nothing is lost', async () => {
    const local = memoryArea(V1_USER);
    const vault = memoryArea();
    const store = createSettingsStore(createUserArea(local, vault, VAULT_ONLY));
    const s = await store.read();
    expect(s.apiKeys).toEqual({ coingecko: 'CG-secret1', coingeckoPlan: 'pro', taostats: 'tao-secret2' });
    expect(s.watchlists).toEqual(V1_USER.settings.watchlists);
    expect(s).toMatchObject({ activeWatchlistId: 'wl-2', venuesOff: ['okx'], groupsOff: ['unlocks'], assetChoices: { 'kucoin:IO': 'io-net' } });
    // storage.local (reachable from content scripts in Firefox) no longer holds a key...
    expect(JSON.stringify(local.data)).not.toMatch(/secret/);
    expect((local.data.settings as { watchlists: unknown }).watchlists).toEqual(V1_USER.settings.watchlists);
    expect(local.data.settings$).toMatchObject({ v: 2 });
    // ...the vault does, and a fresh store (another context) reads the same values
    expect(vault.data.secrets).toEqual(s.apiKeys);
    expect(await createSettingsStore(createUserArea(local, vault, VAULT_ONLY)).read()).toEqual(s);
  });

  it('a value planted in storage.local (a content script in Firefox) is not read while the vault holds the settings', async () => {
    const local = memoryArea(V1_USER);
    const vault = memoryArea();
    const area = createUserArea(local, vault, VAULT_ONLY);
    const before = await createSettingsStore(area).read();
    local.data.settings = { watchlists: [], assetChoices: { 'kucoin:ZZZ': 'attacker-coin' }, apiKeys: { coingecko: 'CG-forged' } };
    local.data.secrets = { coingecko: 'CG-forged' };
    expect(await createSettingsStore(area).read()).toEqual(before);
  });

  it('a vault wiped by the browser falls back to the durable copy (only the keys are gone)', async () => {
    const local = memoryArea(V1_USER);
    const vault = memoryArea();
    await createSettingsStore(createUserArea(local, vault, VAULT_ONLY)).read();
    const s = await createSettingsStore(createUserArea(local, memoryArea(), VAULT_ONLY)).read();
    expect(s.watchlists).toEqual(V1_USER.settings.watchlists);
    expect(s.apiKeys.coingecko).toBe('');
  });

  it('a change of keys alone still changes the storage.local marker (the worker re-reads on storage.onChanged)', async () => {
    const local = memoryArea();
    const store = createSettingsStore(createUserArea(local, memoryArea(), VAULT_ONLY));
    await store.update(() => undefined);
    const first = structuredClone(local.data.settings$);
    await new Promise((r) => setTimeout(r, 2));
    await store.update((s) => void (s.apiKeys.coingecko = 'CG-new'));
    expect(local.data.settings$).not.toEqual(first);
    expect(JSON.stringify(local.data)).not.toContain('CG-new');
  });
});

describe('a failed read never becomes a write', () => {
  it('store: get fails once → read and update throw and nothing is written; the next read works', async () => {
    const local = memoryArea(V1_USER);
    const vault = memoryArea();
    const store = createSettingsStore(createUserArea(local, vault, VAULT_ONLY));
    await store.read(); // migrated
    const saved = structuredClone(local.data);
    const setsBefore = local.sets + vault.sets;
    local.failGets = 1;
    store.invalidate();
    await expect(store.read()).rejects.toThrow();
    local.failGets = 1;
    await expect(store.update((s) => void s.watchlists[0]!.items.push({ symbol: 'NEWT', assetId: null }))).rejects.toThrow();
    expect(local.sets + vault.sets).toBe(setsBefore);
    expect(local.data).toEqual(saved);
    // a failure is not remembered: the next read gets the user's settings, not defaults
    const again = await store.read();
    expect(again.watchlists).toEqual(V1_USER.settings.watchlists);
    expect(again).not.toEqual(defaultSettings());
  });

  it('the vault failing to read counts as a failed read too', async () => {
    const vault = memoryArea();
    const store = createSettingsStore(createUserArea(memoryArea(V1_USER), vault, VAULT_ONLY));
    vault.failGets = 1;
    await expect(store.update(() => undefined)).rejects.toThrow();
    expect(vault.sets).toBe(0);
  });
});

describe('pages: the same store over browser.storage.local and the IndexedDB vault', () => {
  beforeEach(async () => {
    await userArea().set({ [STORAGE_KEYS.settings]: undefined, [STORAGE_KEYS.settingsMeta]: undefined, [STORAGE_KEYS.secrets]: undefined });
  });

  it('the options page and the worker read each other, and the key never reaches storage.local', async () => {
    await updateSettings((s) => void (s.apiKeys.coingecko = 'CG-fromoptions'));
    const worker = createSettingsStore(createUserArea(browser.storage.local, userArea(), VAULT_ONLY));
    expect((await worker.read()).apiKeys.coingecko).toBe('CG-fromoptions');
    await worker.update((s) => void (s.assetChoices['kucoin:IO'] = 'io-net'));
    const back = await readSettings();
    expect(back.assetChoices).toEqual({ 'kucoin:IO': 'io-net' });
    expect(back.apiKeys.coingecko).toBe('CG-fromoptions');
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('CG-fromoptions');
  });

  it('loadSettings (display only) gives defaults when storage fails, readSettings throws', async () => {
    const get = browser.storage.local.get;
    browser.storage.local.get = (async () => {
      throw new Error('IO error');
    }) as typeof get;
    try {
      await expect(readSettings()).rejects.toThrow();
      expect(await loadSettings()).toEqual(defaultSettings());
    } finally {
      browser.storage.local.get = get;
    }
  });
});


describe('alert rules saved by version 1 move into the vault', async () => {
  const { adoptIntoVault } = await import('../../lib/settings/user-area');
  it('copies what the vault lacks, keeps what it has, and copies nothing when a read fails', async () => {
    const local = memoryArea({ alerts: [{ id: 'a' }], alertLog: ['x'] });
    const vault = memoryArea({ alertLog: ['newer'] });
    vault.failGets = 1;
    await expect(adoptIntoVault(local, vault, ['alerts', 'alertState', 'alertLog'])).rejects.toThrow();
    expect(vault.sets).toBe(0);
    await adoptIntoVault(local, vault, ['alerts', 'alertState', 'alertLog']);
    expect(vault.data).toEqual({ alerts: [{ id: 'a' }], alertLog: ['newer'] });
  });
});
