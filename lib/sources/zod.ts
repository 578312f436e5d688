/**
 * The one place zod is configured. `jitless` keeps zod from probing `new Function`, which the
 * extension CSP forbids (https://zod.dev/api?id=jitless; Chrome MV3 CSP: no unsafe-eval).
 * Every source imports `z` from here, never from 'zod' directly.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };

/** A finite number sent either as a JSON number or as a decimal string (exchanges do both). */
export const num = z.union([z.number(), z.string().trim().min(1)]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `not a finite number: ${String(v).slice(0, 40)}` });
    return z.NEVER;
  }
  return n;
});

/**
 * Like `num`, but null, an absent key and an empty or non-numeric string become null instead of
 * failing (`.optional()` makes a missing object key acceptable in zod 4).
 */
export const numOrNull = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v) => {
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) ? n : null;
  });
