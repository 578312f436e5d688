import { describe, expect, it } from 'vitest';
import { removeProperty } from '../../scripts/strip-test-urls';

describe('strip-test-urls build plugin', () => {
  it('removes a table, brackets and quotes inside strings included, and nothing else', () => {
    const src = `defineVenue({\n  id: 'x',\n  testUrls: [\n    ['https://a/[b]?q=\\'', { base: 'A' }],\n    ['https://c', undefined],\n  ],\n  label: 'X',\n});`;
    expect(removeProperty(src, 'testUrls')).toBe(`defineVenue({\n  id: 'x',\n  testUrls: [],\n  label: 'X',\n});`);
  });

  it('removes call expressions up to the top-level comma, and leaves longer names alone', () => {
    const src = `({ matches: patternsFor([O], withLocale(['/t/*', '/f/*'])), excludeMatches: [...a, f(1, 2)], contentScriptMatches: 1, label: 'm' })`;
    expect(removeProperty(removeProperty(src, 'matches'), 'excludeMatches')).toBe(`({ matches: [], excludeMatches: [], contentScriptMatches: 1, label: 'm' })`);
    // last property, closed by the object brace
    expect(removeProperty(`({ a: 1, matches: x(\`}\`) })`, 'matches')).toBe(`({ a: 1, matches: []})`);
    expect(removeProperty('const a = { other: [1] };', 'testUrls')).toBe('const a = { other: [1] };');
  });

  it('with drop, removes the property and its comma (content-script build: label, excludeMatches)', () => {
    const src = `defineVenue({\n  id: 'x',\n  label: 'X, \\'Y\\'',\n  excludeMatches: f([a, b], 'c'),\n  detectPair: p,\n  testUrls: [['u', { label: 1 }]]\n});`;
    let out = src;
    for (const name of ['testUrls', 'excludeMatches', 'label']) out = removeProperty(out, name, true);
    expect(out).toBe(`defineVenue({\n  id: 'x',\n  detectPair: p,\n  });`);
    expect(new Function('defineVenue', 'p', `return ${out}`)((o: unknown) => o, 1)).toEqual({ id: 'x', detectPair: 1 });
  });
});
