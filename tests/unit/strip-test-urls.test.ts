import { describe, expect, it } from 'vitest';
import { removeProperty } from '../../scripts/strip-test-urls';

describe('strip-test-urls build plugin', () => {
  it('removes the testUrls table, brackets and quotes inside strings included, and nothing else', () => {
    const src = `defineVenue({\n  id: 'x',\n  testUrls: [\n    ['https://a/[b]?q=\\'', { base: 'A' }],\n    ['https://c', undefined],\n  ],\n  label: 'X',\n});`;
    const out = removeProperty(src, 'testUrls:');
    expect(out).toBe(`defineVenue({\n  id: 'x',\n  testUrls: [],\n  label: 'X',\n});`);
    expect(removeProperty('const a = { other: [1] };', 'testUrls:')).toBe('const a = { other: [1] };');
  });
});
