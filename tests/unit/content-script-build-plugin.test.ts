import { describe, expect, it } from 'vitest';
import { removeProperty } from '../../scripts/content-script-browser';

// The content-script build drops `label` and `matches` from every defineVenue({ … }) call and
// the overlay entrypoint's `matches` option (scripts/content-script-browser.ts): the property
// must go with its whole value and comma, and nothing else may change.
describe('content-script build plugin: removeProperty', () => {
  it('removes call expressions up to the top-level comma, brackets and quotes inside strings included', () => {
    const src = `defineVenue({\n  id: 'x',\n  label: 'X, \\'Y\\'',\n  matches: patternsFor([O], withLocale(['/t/*', '/f/*'])),\n  hosts: ['a'],\n  detectPair: p,\n});`;
    const out = removeProperty(removeProperty(src, 'matches'), 'label');
    expect(out).toBe(`defineVenue({\n  id: 'x',\n  hosts: ['a'],\n  detectPair: p,\n});`);
    expect(new Function('defineVenue', 'p', `return ${out}`)((o: unknown) => o, 1)).toEqual({ id: 'x', hosts: ['a'], detectPair: 1 });
  });

  it('handles spreads, template literals and a last property, and leaves longer names alone', () => {
    expect(removeProperty(`({ matches: [...f('a'), \`}\${b}\`, 'c'], excludeMatches: 1, hosts: 2 })`, 'matches')).toBe(`({ excludeMatches: 1, hosts: 2 })`);
    expect(removeProperty(`({ a: 1, matches: x(\`}\`) })`, 'matches')).toBe(`({ a: 1, })`);
    expect(removeProperty('const a = { labels: [1], o: { label2: 3 } };', 'label')).toBe('const a = { labels: [1], o: { label2: 3 } };');
  });
});
