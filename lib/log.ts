/**
 * A small namespaced logger for the worker and the extension pages: `createLogger('alerts')`.
 *
 * Quiet unless debug is on (`globalThis.__TOKENLENS_DEBUG__ = true` in the worker's or page's
 * console, or `setDebug(true)`): the extension must not fill consoles with upstream hiccups that
 * the overlay already explains. When on, each distinct message is printed once per context life,
 * so a failing feed polled every minute shows one line, not hundreds.
 *
 * Never logs secrets: query strings are cut from URLs (CoinGecko Pro keys can travel there in
 * other clients) and API-key-shaped words are masked. Callers pass messages, not settings.
 * Not for the content script: its bundle budget (20 KB) has no room, and the page's console is
 * the exchange's.
 */
export type LogLevel = 'debug' | 'warn' | 'error';

export interface Logger {
  debug(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

let debugOn = false;
/** lines already printed in this context's life */
const seen = new Set<string>();

export function setDebug(on: boolean): void {
  debugOn = on;
}

export function isDebug(): boolean {
  return debugOn || Reflect.get(globalThis, '__TOKENLENS_DEBUG__') === true;
}

/** Cuts query strings and fragments from URLs and masks API-key-shaped words. */
export function redact(text: string): string {
  return text.replace(/(https?:\/\/[^\s?#"']+)[?#][^\s"']*/g, '$1?…').replace(/\b(CG|tao)-[\x21-\x7e]{6,}|(key|authorization)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, (_m, prefix?: string, name?: string, sep?: string) =>
    prefix ? `${prefix}-…` : `${name}${sep}…`,
  );
}

/** Prints through `console` (tests pass their own sink). */
export type LogSink = (level: LogLevel, line: string) => void;

export function createLogger(namespace: string, sink: LogSink = (level, line) => console[level](line)): Logger {
  const emit = (level: LogLevel, message: string, detail: unknown) => {
    if (!isDebug()) return;
    const why = detail === undefined ? '' : `: ${detail instanceof Error ? detail.message : String(detail)}`;
    const line = redact(`[tokenlens:${namespace}] ${message}${why}`).slice(0, 1000);
    if (seen.has(level + line)) return;
    if (seen.size > 500) seen.clear(); // bounded: a long-lived worker must not grow without end
    seen.add(level + line);
    sink(level, line);
  };
  return {
    debug: (m, d) => emit('debug', m, d),
    warn: (m, d) => emit('warn', m, d),
    error: (m, d) => emit('error', m, d),
  };
}

/** Forgets which lines were printed (tests). */
export function resetLogForTests(): void {
  seen.clear();
  debugOn = false;
}
