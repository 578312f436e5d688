import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { venues } from '../../lib/exchanges';
import { venueMarketData } from '../../lib/sources/venue-registry';
import { API_HOSTS } from '../../lib/sources/http';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists exactly the registered venues, in order, with their market-data support', () => {
    const section = readme.split('<!-- venues:start')[1]!.split('<!-- venues:end -->')[0]!;
    const rows = section
      .split('\n')
      .filter((l) => /^\| [^-]/.test(l) && !l.startsWith('| Venue'))
      .map((l) => l.split('|').map((c) => c.trim()));
    expect(rows.map((r) => r[2])).toEqual(venues.map((v) => `\`${v.id}\``));
    expect(rows.map((r) => r[1])).toEqual(venues.map((v) => v.label));
    expect(rows.map((r) => r[3])).toEqual(venues.map((v) => (v.id in venueMarketData ? 'yes' : 'no')));
  });

  it('names every host the worker may contact in its privacy section', () => {
    const privacy = readme.split('## Data sources and privacy')[1]!.split('## Permissions')[0]!;
    for (const host of API_HOSTS) expect(privacy, host).toContain(`\`${host}\``);
  });

  it('states the two commands a newcomer needs', () => {
    expect(readme).toContain('npm install && npm run build');
    expect(readme).toContain('npm test');
  });

  it('states the quota budgets the worker enforces (issue 11, medium 2)', async () => {
    const { BUDGETS } = await import('../../lib/engine/rate-limit');
    const privacy = readme.split('## Data sources and privacy')[1]!.split('## Permissions')[0]!;
    expect(privacy).toContain(`**${BUDGETS.pairQuietMs} ms**`);
    expect(privacy).toContain(`**${BUDGETS.bundlesPerTabPerMinute} bundle requests per tab per minute**`);
    expect(privacy).toContain(`**${BUDGETS.keyedPerHour} requests carrying your API key per hour**`);
  });
});
