/**
 * The one place zod is configured. `jitless` keeps zod from probing `new Function`, which the
 * extension CSP forbids (https://zod.dev/api?id=jitless; Chrome MV3 CSP: no unsafe-eval).
 * Every source imports `z` from here, never from 'zod' directly.
 *
 * `zod/mini` (the same zod 4 core with a functional, tree-shakable API) keeps the worker bundle
 * small: `z.pipe(x, z.transform(fn))` instead of classic's chained methods. Of zod's types the
 * worker ships only object, pipe, transform and custom: the helpers below (`optional`, `nullable`,
 * `nullish`, `array`, `tuple`, `union`, `fallback`, `minLen` / `maxLen`, `oneOf`, `matches`…)
 * stand in for the rest, each pinned against zod's own in tests/unit/zod-helpers.test.ts. Unlike
 * classic `zod`, mini registers no locale: issue messages read "Invalid input" (with the path,
 * which is what the overlay's "bad response at …" note shows). The English locale costs about
 * 1.1 KB gzip, which the worker's 40 KB budget cannot spare; the options page, whose import
 * errors people read, registers it with `useEnglishMessages()`.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

/** Full English issue messages ("expected number, received string"); for extension pages. */
export function useEnglishMessages(): void {
  z.config(z.locales.en());
}

export { z };

/** `z.unknown()`: every value passes unchanged (without zod's unknown type; zod-helpers.test.ts). */
export const anyValue = z.custom<unknown>(() => true);

/**
 * `schema`'s output for `v`, or its issues re-reported on `ctx` (same messages and inputs, paths
 * after `at`) and `z.NEVER`: how the helpers below parse an inner schema from one transform.
 */
function inner<T extends z.ZodMiniType>(schema: T, v: unknown, ctx: { issues: z.core.$ZodRawIssue[] }, at: PropertyKey[] = []): z.output<T> {
  const r = schema.safeParse(v);
  if (r.success) return r.data;
  for (const e of r.error.issues) ctx.issues.push({ code: 'custom', message: e.message, path: [...at, ...e.path], input: e.input });
  return z.NEVER;
}

/**
 * `z.array(item)` as an array guard plus one transform: each element parsed by `item` (its issues
 * reported at `[index, ...path]` with their messages), output the parsed elements; the worker then
 * ships no zod array type (40 KB gzip budget). Pinned by tests/unit/zod-helpers.test.ts.
 */
export function array<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.custom<unknown[]>((v) => Array.isArray(v)),
    z.transform((a: unknown[], ctx) => {
      // a failed element leaves z.NEVER in `out`; its issues (at [index, ...path]) fail the whole array
      const out: Array<z.output<T>> = [];
      for (let i = 0; i < a.length; i++) out.push(inner(item, a[i], ctx, [i]));
      return ctx.issues.length ? z.NEVER : out;
    }),
  );
}

/**
 * `z.refine(fn)` as `z.custom(fn, { abort: false })`: the same check (zod builds both as one custom
 * check; `abort: false` is refine's default, so later checks still run), and the worker ships one
 * of zod's two builders of it. Pinned by tests/unit/zod-helpers.test.ts.
 */
export function refine<T>(fn: (value: T) => boolean) {
  return z.custom<T>(fn, { abort: false });
}

/**
 * `z.minLength` / `z.maxLength` as refinements on a string's or array's `length`. zod ran its length
 * checks on ANY value with a `length` key, even after the type check had already failed, so hostile
 * JSON such as `{"length":{"toString":1,"valueOf":1}}` made `safeParse` THROW while comparing
 * lengths (QUALITY.md: parsers are total); a refinement runs only once the value passed its type
 * (a string or an array here), so such a value fails the type check alone. Same values pass and
 * fail as zod's checks (mini's generic "Invalid input"; pinned by tests/unit/zod-helpers.test.ts),
 * and the worker ships no zod length checks (40 KB gzip budget).
 */
export const minLen = (minimum: number) => refine<string | readonly unknown[]>((v) => v.length >= minimum);
export const maxLen = (maximum: number) => refine<string | readonly unknown[]>((v) => v.length <= maximum);

/**
 * `z.enum(values)` and `.check(z.regex(re))` as plain refinements: the same values pass and fail,
 * with mini's generic "Invalid input" issue (mini registers no locale, see above), while the worker
 * ships neither zod's enum type nor its string-format checks (~0.5 KB gzip of its 40 KB budget).
 * A refinement runs only once the value passed its type (zod skips checks after a type issue).
 */
/**
 * `z.tuple(items, z.unknown())` (`rest`: extra cells tolerated, as the candle rows need) or
 * `z.tuple(items)`, as an array plus one transform: each cell parsed by its item schema, which is
 * also what enforces the length (a required item refuses the `undefined` past the end, an
 * optional one such as `numOrNull` accepts it, as in zod's tuple). The worker then ships no zod
 * tuple type (~0.5 KB gzip of its 40 KB budget). Output: the parsed items (extra cells dropped).
 */
export function tuple<const T extends readonly z.ZodMiniType[]>(items: T, rest?: 'rest') {
  return z.pipe(
    array(anyValue),
    z.transform((a: unknown[], ctx) => {
      const out: unknown[] = [];
      if (!rest && a.length > items.length) ctx.issues.push({ code: 'custom', message: 'Invalid input', input: a });
      else {
        for (let i = 0; i < items.length; i++) {
          const r = items[i]!.safeParse(a[i]);
          if (!r.success) {
            ctx.issues.push({ code: 'custom', message: 'Invalid input', input: a[i], path: [i] });
            break;
          }
          out.push(r.data);
        }
      }
      return ctx.issues.length ? z.NEVER : (out as { -readonly [K in keyof T]: z.output<T[K]> });
    }),
  );
}

export const oneOf = <const T extends readonly string[]>(values: T) => z.custom<T[number]>((v) => typeof v === 'string' && values.includes(v));
export const matches = (re: RegExp) => refine<string>((s) => ((re.lastIndex = 0), re.test(s)));

/**
 * `z.union(options)` as one transform: the first option that accepts the value gives the output,
 * none → one "Invalid input" issue at the union's path, as zod's union does (mini has no locale).
 * The worker then ships no zod union type (~0.5 KB gzip of its 40 KB budget).
 */
export function union<const T extends readonly z.ZodMiniType[]>(options: T) {
  return z.pipe(
    anyValue,
    z.transform((v: unknown, ctx): z.output<T[number]> => {
      for (const o of options) {
        const r = o.safeParse(v);
        if (r.success) return r.data as z.output<T[number]>;
      }
      ctx.issues.push({ code: 'custom', message: 'Invalid input', input: v });
      return z.NEVER;
    }),
  );
}

/**
 * `z.boolean()` and `z.string().check(z.trim())` without zod's boolean type and overwrite check
 * (the worker's 40 KB gzip budget): true and false pass, anything else fails with mini's generic
 * "Invalid input"; a string passes trimmed (checks added with `.check` see the trimmed value, as
 * after `z.trim()`), a non-string fails. Pinned by tests/unit/zod-helpers.test.ts.
 */
export const bool = z.custom<boolean>((v) => typeof v === 'boolean');
/**
 * `str` and `finite` as type guards: a string / a finite number passes (zod 4's number
 * also refuses NaN and ±Infinity), anything else fails with mini's generic "Invalid input". The
 * worker then ships neither zod's string type (its format machinery) nor its number type.
 */
export const str = z.custom<string>((v) => typeof v === 'string');
export const finite = z.custom<number>((v) => typeof v === 'number' && Number.isFinite(v));
export const trimmed = z.pipe(str, z.transform((s: string) => s.trim()));

/**
 * `z.catch(schema, value)` as one transform: the schema's output when it accepts the value, else
 * `value` (the same object each time, as zod's catch with a plain value), never an issue. Like
 * zod's catch it is optional-in: an absent object key is read as undefined and caught. The worker
 * then ships no zod catch type (40 KB gzip budget). Pinned by tests/unit/zod-helpers.test.ts.
 */
export function fallback<T extends z.ZodMiniType>(schema: T, value: z.output<T>) {
  const s = z.pipe(
    anyValue,
    z.transform((v: unknown): z.output<T> => {
      const r = schema.safeParse(v);
      return r.success ? r.data : value;
    }),
  );
  s._zod.optin = 'optional';
  return s;
}

/** A schema whose object key may be absent (zod reads `_zod.optin` / `optout`, as for `z.optional`). */
type OptionalKey<S> = S & { _zod: { optin: 'optional'; optout: 'optional' } };

/**
 * `z.optional(schema)` as one transform: undefined passes as undefined (`schema` is not run, as
 * with zod's optional), anything else is `schema`'s output or its issues at the same paths. Marked
 * optional in and out like zod's optional, so an object key may be absent and stays absent in the
 * output. The worker then ships no zod optional type (40 KB gzip budget). Pinned by
 * tests/unit/zod-helpers.test.ts.
 */
export function optional<T extends z.ZodMiniType>(schema: T) {
  const s = z.pipe(
    anyValue,
    z.transform((v: unknown, ctx): z.output<T> | undefined => (v === undefined ? undefined : inner(schema, v, ctx))),
  );
  s._zod.optin = 'optional';
  s._zod.optout = 'optional';
  return s as OptionalKey<typeof s>;
}

/**
 * `z.nullable(schema)` as one transform: null passes as null, anything else is `schema`'s output
 * or its issues at the same paths; optional in and out exactly when `schema` is (as zod's
 * nullable). The worker then ships no zod nullable type. Pinned by tests/unit/zod-helpers.test.ts.
 */
export function nullable<T extends z.ZodMiniType>(schema: T) {
  const s = z.pipe(
    anyValue,
    z.transform((v: unknown, ctx): z.output<T> | null => (v === null ? null : inner(schema, v, ctx))),
  );
  s._zod.optin = schema._zod.optin;
  s._zod.optout = schema._zod.optout;
  return s;
}

/** `z.nullish(schema)`: `optional(nullable(schema))`, as zod defines it. */
export const nullish = <T extends z.ZodMiniType>(schema: T) => optional(nullable(schema));

/** A finite number sent either as a JSON number or as a decimal string (exchanges do both). */
export const num = z.pipe(
  union([finite, trimmed.check(minLen(1))]),
  z.transform((v: number | string, ctx) => {
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) {
      // zod/mini's transform context is the parse payload: an issue is pushed onto it directly
      // (what classic's `ctx.addIssue` does, minus the default-filling).
      ctx.issues.push({ code: 'custom', message: `not a finite number: ${String(v).slice(0, 40)}`, input: v });
      return z.NEVER;
    }
    return n;
  }),
);

/**
 * Like `num`, but null, an absent key and an empty or non-numeric string become null instead of
 * failing (`optional` above makes a missing object key acceptable, as `z.optional` does in zod 4).
 */
export const numOrNull = z.pipe(
  nullish(union([finite, str])),
  z.transform((v: number | string | null | undefined) => {
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) ? n : null;
  }),
);
