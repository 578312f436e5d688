import type { SourceError } from '../types';

/** A typed failure of a source; `extra` adds `status` / `retryAfterMs`. */
export function fail(kind: SourceError['kind'], message: string, extra: Partial<SourceError> = {}): { ok: false; error: SourceError } {
  return { ok: false, error: { kind, message, ...extra } };
}

/** A success carrying `value`. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
