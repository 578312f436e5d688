import { describe, expect, it } from 'vitest';
import { suggestFromList } from '../../lib/assets/suggest';
import { normaliseCoingeckoCoinsList } from '../../lib/sources/coingecko';

const list = normaliseCoingeckoCoinsList([
  { id: 'bittensor', symbol: 'tao', name: 'Bittensor' },
  { id: 'tao-clone', symbol: 'tao', name: 'Tao Bridged Wrapped Token' },
  { id: 'taoplay', symbol: 'taop', name: 'TaoPlay' },
  { id: 'render-token', symbol: 'render', name: 'Render' },
  { id: 'renderer-x', symbol: 'rndx', name: 'Render X Network' },
  { id: 'bad id!', symbol: 'x', name: 'x' },
  null,
]);

describe('suggestions from the cached coin list', () => {
  it('drops malformed rows', () => {
    expect(list.map((h) => h.id)).not.toContain('bad id!');
    expect(list).toHaveLength(5);
  });

  it('built-in assets and exact tickers first, then prefixes, then names', () => {
    expect(suggestFromList(list, 'tao').map((h) => h.id)).toEqual(['bittensor', 'tao-clone', 'taoplay']);
    expect(suggestFromList(list, 'rend').map((h) => h.id)).toEqual(['render-token', 'renderer-x']);
    // the rename RNDR → RENDER is understood
    expect(suggestFromList(list, 'rndr')[0]?.id).toBe('render-token');
    expect(suggestFromList(list, 'network').map((h) => h.id)).toEqual(['renderer-x']);
    expect(suggestFromList(list, '   ')).toEqual([]);
  });
});
