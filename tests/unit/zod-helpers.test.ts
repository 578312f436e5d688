/**
 * lib/sources/zod.ts's `tuple`, `union`, `oneOf` and `matches` stand in for zod's tuple, union, enum and regex
 * (smaller worker bundle): the same inputs must pass and fail, with the same output.
 */
import { describe, expect, it } from 'vitest';
import { anyValue, array, bool, fallback, finite, matches, maxLen, minLen, nullable, nullish, num, numOrNull, oneOf, optional, refine, str, trimmed, tuple, union, z } from '../../lib/sources/zod';

const inputs: unknown[] = [
  [1, 2, 3],
  ['1', '2', 'x'],
  [1, '2.5'],
  [1],
  [],
  [1, null],
  [1, ''],
  ['a', null],
  ['a', 'b'],
  ['a', 'b', 'c'],
  ['a'],
  [null, 'b'],
  { 0: 1, 1: 2, length: 2 },
  'x',
  null,
  [1, 2, 3, 4, 5, 6, 7, 8],
  [1, 2, 3, 4, 5, { x: 1 }, 7],
  [1, 2, 3, 4, 5, { x: 1 }],
];

describe('zod helpers match the zod schemas they replace', () => {
  const pairs: Array<[string, z.ZodMiniType, z.ZodMiniType, boolean]> = [
    ['[num, num] + rest', tuple([num, num], 'rest'), z.tuple([num, num], z.unknown()), true],
    ['[num, numOrNull] + rest', tuple([num, numOrNull], 'rest'), z.tuple([num, numOrNull], z.unknown()), true],
    ['[string, nullable(string)]', tuple([z.string(), z.nullable(z.string())]), z.tuple([z.string(), z.nullable(z.string())]), false],
    ['kraken row', tuple([num, num, num, num, num, z.unknown(), num], 'rest'), z.tuple([num, num, num, num, num, z.unknown(), num], z.unknown()), true],
  ];
  it.each(pairs)('tuple %s', (_name, mine, theirs, rest) => {
    for (const input of inputs) {
      const a = mine.safeParse(input);
      const b = theirs.safeParse(input);
      expect(a.success, JSON.stringify(input)).toBe(b.success);
      // zod's tuple keeps the extra cells; `tuple` returns the declared items only
      if (a.success && b.success) expect(a.data).toEqual(rest ? (b.data as unknown[]).slice(0, (a.data as unknown[]).length) : b.data);
    }
  });

  it('union: the first option that accepts gives the output (transforms included); none → failure', () => {
    const opts = () => [z.object({ code: z.number(), msg: z.string() }), z.array(num), z.pipe(z.string(), z.transform((s: string) => s.length))] as const;
    const mine = union(opts());
    const theirs = z.union(opts());
    for (const input of [...inputs, { code: 1, msg: 'x' }, { code: '1', msg: 'x' }, 'abc', 7, undefined]) {
      const a = mine.safeParse(input);
      const b = theirs.safeParse(input);
      expect(a.success, JSON.stringify(input)).toBe(b.success);
      if (a.success && b.success) expect(a.data).toEqual(b.data);
    }
    expect(z.object({ id: z.nullish(union([z.string(), z.number()])) }).safeParse({}).success).toBe(true);
    expect(z.object({ id: union([z.string(), z.number()]) }).safeParse({}).success).toBe(false);
  });

  it('oneOf accepts exactly the listed strings; matches tests the whole pattern on strings only', () => {
    const mine = oneOf(['spot', 'perp']);
    const theirs = z.enum(['spot', 'perp']);
    for (const v of ['spot', 'perp', 'Spot', '', 'toString', 1, null, undefined, ['spot']]) expect(mine.safeParse(v).success).toBe(theirs.safeParse(v).success);
    const re = /^[a-z]{1,3}$/g; // a global pattern: lastIndex must not leak between values
    const s = z.string().check(matches(re));
    expect(['ab', 'ab', 'abcd', '', 'AB', 7].map((v) => s.safeParse(v).success)).toEqual([true, true, false, false, false, false]);
  });
});

describe('bool and trimmed match z.boolean() and z.string().check(z.trim())', () => {
  const values: unknown[] = [true, false, 0, 1, 'true', 'false', '', '  ', ' a ', 'a', '\t x \n', ' ' + 'y'.repeat(60) + ' ', 'y'.repeat(61), null, undefined, {}, [], [true], NaN, { length: 3 }];
  it('bool accepts exactly what z.boolean() accepts, with the same output', () => {
    for (const v of values) {
      for (const [mine, theirs] of [
        [bool, z.boolean()],
        [z.optional(bool), z.optional(z.boolean())],
        [z.nullish(bool), z.nullish(z.boolean())],
        [z.catch(bool, false), z.catch(z.boolean(), false)],
      ] as const) {
        const a = mine.safeParse(v);
        const b = theirs.safeParse(v);
        expect(a.success, String(v)).toBe(b.success);
        expect(a.data, String(v)).toEqual(b.data);
      }
    }
    expect(bool.safeParse('true').success).toBe(false);
    expect(bool.safeParse(true).success).toBe(true);
  });
  it('trimmed accepts exactly what z.string().check(z.trim(), …) accepts, with the same trimmed output', () => {
    for (const v of values) {
      for (const [mine, theirs] of [
        [trimmed, z.string().check(z.trim())],
        [trimmed.check(minLen(1), maxLen(60)), z.string().check(z.trim(), minLen(1), maxLen(60))],
        [trimmed.check(maxLen(200), matches(/^[\x21-\x7e]*$/)), z.string().check(z.trim(), maxLen(200), matches(/^[\x21-\x7e]*$/))],
        [z.object({ q: trimmed.check(minLen(1)) }), z.object({ q: z.string().check(z.trim(), minLen(1)) })],
      ] as const) {
        const input = mine === trimmed || !('shape' in mine._zod.def) ? v : { q: v };
        const a = mine.safeParse(input);
        const b = theirs.safeParse(input);
        expect(a.success, JSON.stringify(input)).toBe(b.success);
        expect(a.data, JSON.stringify(input)).toEqual(b.data);
      }
    }
    expect(trimmed.check(minLen(1)).safeParse('  ').success).toBe(false);
    expect(trimmed.check(minLen(1)).safeParse(' a ').data).toBe('a');
    expect(z.object({ q: trimmed }).safeParse({}).success).toBe(false);
  });
});

describe('fallback matches z.catch', () => {
  const values: unknown[] = [true, false, 0, 1, -2.5, '1', '', ' x ', 'demo', 'pro', 'other', null, undefined, {}, [], [1, 'a'], ['a', 'b'], { a: 1 }, NaN];
  const cases: Array<[string, () => [z.ZodMiniType, z.ZodMiniType]]> = [
    ['nullable(string)', () => [fallback(z.nullable(z.string()), null), z.catch(z.nullable(z.string()), null)]],
    ['array(unknown) → []', () => [fallback(z.array(z.unknown()), []), z.catch(z.array(z.unknown()), [])]],
    ['boolean → false', () => [fallback(bool, false), z.catch(z.boolean(), false)]],
    ['optional(boolean → false)', () => [z.optional(fallback(bool, false)), z.optional(z.catch(z.boolean(), false))]],
    ['oneOf → demo', () => [fallback(oneOf(['demo', 'pro']), 'demo'), z.catch(oneOf(['demo', 'pro']), 'demo')]],
    ['array of nullable(num) rows', () => [z.array(fallback(z.nullable(num), null)), z.array(z.catch(z.nullable(num), null))]],
  ];
  it.each(cases)('%s: same success and output, alone and as an object key (present or absent)', (_name, make) => {
    const [mine, theirs] = make();
    for (const v of values) {
      for (const [m, t, input] of [
        [mine, theirs, v],
        [z.object({ k: mine }), z.object({ k: theirs }), { k: v }],
        [z.object({ k: mine, o: z.number() }), z.object({ k: theirs, o: z.number() }), { o: 1 }],
        [z.object({ k: mine }), z.object({ k: theirs }), {}],
      ] as const) {
        const a = m.safeParse(input);
        const b = t.safeParse(input);
        expect(a.success, JSON.stringify(input)).toBe(b.success);
        expect(a.data, JSON.stringify(input)).toEqual(b.data);
        if (a.success && b.success && a.data && typeof a.data === 'object') expect(Object.keys(a.data)).toEqual(Object.keys(b.data as object));
      }
    }
  });
  it('a rejected value gives the fallback; an accepted one its parsed output', () => {
    const s = fallback(z.nullable(num), null);
    expect(s.safeParse('2.5').data).toBe(2.5);
    expect(s.safeParse('x').data).toBeNull();
    expect(z.object({ a: fallback(z.array(z.string()), []) }).parse({}).a).toEqual([]);
  });
});

describe('minLen / maxLen match z.minLength / z.maxLength on strings and arrays', () => {
  const values: unknown[] = ['', 'a', 'ab', 'abc', 'abcd', '日本', [], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4], null, 3, {}, { length: 2 }, { length: { toString: 1, valueOf: 1 } }];
  it('same success and output for string, array and trimmed schemas', () => {
    for (const [lo, hi] of [[0, 0], [1, 3], [2, 2], [3, 60]] as const) {
      for (const [mine, theirs] of [
        [z.string().check(minLen(lo), maxLen(hi)), z.string().check(z.minLength(lo), z.maxLength(hi))],
        [z.array(z.unknown()).check(minLen(lo), maxLen(hi)), z.array(z.unknown()).check(z.minLength(lo), z.maxLength(hi))],
        [trimmed.check(minLen(lo)), z.string().check(z.trim(), z.minLength(lo))],
        [z.optional(z.string().check(maxLen(hi))), z.optional(z.string().check(z.maxLength(hi)))],
      ] as const) {
        for (const v of [...values, ' ab ']) {
          let b: { success: boolean; data?: unknown };
          try {
            b = theirs.safeParse(v);
          } catch {
            b = { success: false }; // zod's own check throws on the hostile length object: ours must just fail
          }
          const a = mine.safeParse(v);
          expect(a.success, `${JSON.stringify(v)} ${lo}-${hi}`).toBe(b.success);
          expect(a.data).toEqual(b.data);
        }
      }
    }
  });
  it('a hostile length never throws and never passes', () => {
    const hostile = JSON.parse('{"length":{"toString":1,"valueOf":1}}');
    expect(() => z.string().check(minLen(1), maxLen(5)).safeParse(hostile)).not.toThrow();
    expect(z.array(z.string()).check(maxLen(5)).safeParse(hostile).success).toBe(false);
    expect(z.string().check(maxLen(2)).safeParse('abc').success).toBe(false);
    expect(z.array(z.number()).check(minLen(2)).safeParse([1]).success).toBe(false);
  });
});

describe('str / finite match z.string() / z.number()', () => {
  const values: unknown[] = ['', 'a', ' 1 ', '1', 0, -0, 1.5, -3, 1e308, Number.MAX_VALUE, NaN, Infinity, -Infinity, null, undefined, true, {}, [], ['a'], BigInt(1), Symbol('s'), new String('x'), new Number(1)];
  it('same success and output, alone, nullable, optional and as an object key', () => {
    for (const v of values) {
      for (const [mine, theirs] of [
        [str, z.string()],
        [finite, z.number()],
        [z.nullable(str), z.nullable(z.string())],
        [z.nullish(finite), z.nullish(z.number())],
        [z.object({ k: str }), z.object({ k: z.string() })],
        [z.object({ k: z.optional(finite) }), z.object({ k: z.optional(z.number()) })],
        [str.check(minLen(1)), z.string().check(minLen(1))],
      ] as const) {
        const input = 'shape' in mine._zod.def ? { k: v } : v;
        const a = mine.safeParse(input);
        const b = theirs.safeParse(input);
        expect(a.success, String(typeof v) + ' ' + String(v as string)).toBe(b.success);
        expect(a.data).toEqual(b.data);
      }
      expect(z.object({ k: str }).safeParse({}).success).toBe(false);
      expect(z.object({ k: z.optional(finite) }).safeParse({}).success).toBe(true);
    }
    expect(finite.safeParse(NaN).success).toBe(false);
    expect(finite.safeParse(Infinity).success).toBe(false);
    expect(str.safeParse(1).success).toBe(false);
  });
});

describe('anyValue matches z.unknown()', () => {
  it('every value passes unchanged, alone, in arrays and as an object key (present or absent)', () => {
    const values: unknown[] = [undefined, null, 0, NaN, '', 'x', {}, [], [1, { a: 2 }], { length: { valueOf: 1 } }, true];
    for (const v of values) {
      for (const [mine, theirs, input] of [
        [anyValue, z.unknown(), v],
        [z.array(anyValue), z.array(z.unknown()), [v, v]],
        [z.object({ k: anyValue }), z.object({ k: z.unknown() }), { k: v }],
        [z.object({ k: anyValue }), z.object({ k: z.unknown() }), {}],
        [z.optional(anyValue), z.optional(z.unknown()), v],
      ] as const) {
        const a = mine.safeParse(input);
        const b = theirs.safeParse(input);
        expect(a.success).toBe(b.success);
        expect(a.data).toStrictEqual(b.data);
      }
      expect(anyValue.parse(v)).toBe(v);
    }
  });
});

describe('array matches z.array', () => {
  it('same success, output and issue paths, with nested items, length checks and as an object key', () => {
    const values: unknown[] = [[], [1], [1, 2, 3], ['1', 2], [1, 'x', 3, null], [null], [[1, 2], [3]], [{ a: 1 }, { a: 'x' }], new Array(3), 'abc', { length: 2, 0: 1, 1: 2 }, null, undefined, {}, 5];
    for (const v of values) {
      for (const [mine, theirs, input] of [
        [array(num), z.array(num), v],
        [array(numOrNull), z.array(numOrNull), v],
        [array(fallback(nullableNum, null)), z.array(z.catch(nullableNum, null)), v],
        [array(array(num)), z.array(z.array(num)), v],
        [array(z.object({ a: num })), z.array(z.object({ a: num })), v],
        [array(anyValue).check(maxLen(2)), z.array(z.unknown()).check(maxLen(2)), v],
        [z.object({ k: array(num) }), z.object({ k: z.array(num) }), { k: v }],
        [z.object({ k: z.optional(array(num)) }), z.object({ k: z.optional(z.array(num)) }), {}],
      ] as const) {
        const a = mine.safeParse(input);
        const b = theirs.safeParse(input);
        expect(a.success, JSON.stringify(input)).toBe(b.success);
        expect(a.data).toStrictEqual(b.data);
        if (!a.success && !b.success && Array.isArray(v)) expect(a.error.issues.map((i) => i.path)).toEqual(b.error.issues.map((i) => i.path));
      }
    }
  });
});
const nullableNum = z.nullable(num);

describe('optional / nullable / nullish match z.optional / z.nullable / z.nullish', () => {
  const values: unknown[] = [undefined, null, 0, 1.5, '2', '', 'x', [], [1], {}, { a: 1 }, { a: 'x' }, NaN, true];
  const inners = () => [str, num, numOrNull, z.object({ a: num }), array(num), fallback(bool, false), z.pipe(str, z.transform((s: string) => s.length))] as const;

  it('same success, output, issue paths and messages alone and inside arrays', () => {
    const mine = inners();
    const theirs = inners();
    for (let k = 0; k < mine.length; k++) {
      for (const [m, t] of [
        [optional(mine[k]!), z.optional(theirs[k]!)],
        [nullable(mine[k]!), z.nullable(theirs[k]!)],
        [nullish(mine[k]!), z.nullish(theirs[k]!)],
        [array(nullable(mine[k]!)), z.array(z.nullable(theirs[k]!))],
      ] as const) {
        for (const v of [...values, [1, null, 'x']]) {
          const a = m.safeParse(v);
          const b = t.safeParse(v);
          expect(a.success, `${k} ${JSON.stringify(v)}`).toBe(b.success);
          expect(a.data).toStrictEqual(b.data);
          if (!a.success && !b.success) {
            expect(a.error.issues.map((i) => [i.path, i.message])).toEqual(b.error.issues.map((i) => [i.path, i.message]));
          }
        }
      }
    }
  });

  it('as object keys: absent stays absent, present undefined stays present, same issues at the same paths', () => {
    const mine = z.object({ a: optional(num), b: nullable(str), c: nullish(z.object({ d: num })), e: optional(fallback(bool, false)), f: nullable(fallback(num, 0)) });
    const theirs = z.object({ a: z.optional(num), b: z.nullable(str), c: z.nullish(z.object({ d: num })), e: z.optional(fallback(bool, false)), f: z.nullable(fallback(num, 0)) });
    const bodies: unknown[] = [
      {},
      { b: null },
      { a: undefined, b: 'x' },
      { a: '1', b: 'x', c: null },
      { a: 'x', b: 1, c: { d: 'y' } },
      { b: 'x', c: { d: 2 }, e: 'no', f: undefined },
      { b: 'x', c: {}, e: true, f: null },
      { b: undefined },
      null,
      [],
    ];
    for (const v of bodies) {
      const a = mine.safeParse(v);
      const b = theirs.safeParse(v);
      expect(a.success, JSON.stringify(v)).toBe(b.success);
      expect(a.data).toStrictEqual(b.data);
      if (a.success && b.success) expect(Object.keys(a.data)).toEqual(Object.keys(b.data));
      if (!a.success && !b.success) expect(a.error.issues.map((i) => [i.path, i.message])).toEqual(b.error.issues.map((i) => [i.path, i.message]));
    }
  });

  it('with English messages (the options page) the forwarded messages are zod\'s own', () => {
    z.config(z.locales.en());
    try {
      const shape = () => ({ a: z.object({ b: z.string() }) });
      for (const v of [{ k: { a: 5 } }, { k: { a: { b: 1 } } }, { k: 'x' }]) {
        const a = z.object({ k: optional(nullable(z.object(shape()))) }).safeParse(v);
        const b = z.object({ k: z.optional(z.nullable(z.object(shape()))) }).safeParse(v);
        expect(a.error?.issues.map((i) => [i.path, i.message])).toEqual(b.error?.issues.map((i) => [i.path, i.message]));
        expect(a.error?.issues[0]?.message).toMatch(/^Invalid input: expected /);
      }
    } finally {
      z.config({ localeError: undefined });
    }
  });
});

describe('refine matches z.refine', () => {
  it('same success, issues (count, paths, messages) with several checks, alone and as an object key', () => {
    const even = (n: number) => n % 2 === 0;
    const small = (n: number) => n < 10;
    for (const v of [2, 3, 12, 13, 'x', null, undefined, NaN]) {
      for (const [a, b] of [
        [finite.check(refine(even), refine(small)).safeParse(v), finite.check(z.refine(even), z.refine(small)).safeParse(v)],
        [z.object({ k: finite.check(refine(even), refine(small)) }).safeParse({ k: v }), z.object({ k: finite.check(z.refine(even), z.refine(small)) }).safeParse({ k: v })],
      ] as const) {
        expect(a.success, String(v)).toBe(b.success);
        expect(a.data).toStrictEqual(b.data);
        if (!a.success && !b.success) expect(a.error.issues.map((i) => [i.path, i.message])).toEqual(b.error.issues.map((i) => [i.path, i.message]));
      }
    }
  });
});
