import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate, parseRules, parseState, type AlertRule, type AlertState } from '../../lib/alerts/rules';

const NOW = Date.UTC(2026, 10, 28);
const above: AlertRule = { id: 'a1', symbol: 'TAO', kind: 'priceAbove', level: 500 };

function run(rules: AlertRule[], prices: number[], state: AlertState = {}) {
  let s = state;
  const fired: number[] = [];
  prices.forEach((p, i) => {
    const r = evaluate(rules, s, { TAO: { priceUsd: p } }, NOW + i);
    if (r.fire.length) fired.push(i);
    // persisted state round-trips through JSON storage
    s = parseState(JSON.parse(JSON.stringify(r.state)));
  });
  return { fired, state: s };
}

describe('alerts', () => {
  it('fires once per crossing and re-arms after crossing back', () => {
    expect(run([above], [450, 510, 520, 530, 490, 505, 506]).fired).toEqual([1, 5]);
  });

  it('replaying the same tick, or restarting with the stored state, does not fire again', () => {
    const first = run([above], [510]);
    expect(first.fired).toEqual([0]);
    // same value again after a "restart" (state loaded back from storage)
    expect(run([above], [510, 510, 515], first.state).fired).toEqual([]);
  });

  it('an unknown value changes nothing', () => {
    const r = evaluate([above], { a1: { armed: false } }, { TAO: { priceUsd: null } }, NOW);
    expect(r.state.a1).toEqual({ armed: false });
    expect(r.fire).toEqual([]);
  });

  it('RSI and unlock rules', () => {
    const rsi: AlertRule = { id: 'r', symbol: 'TAO', kind: 'rsiBelow', level: 30 };
    expect(evaluate([rsi], {}, { TAO: { rsi14: 25 } }, NOW).fire).toHaveLength(1);
    const unlock: AlertRule = { id: 'u', symbol: 'TAO', kind: 'unlockWithin', level: 2, days: 10 };
    const at = NOW + 5 * 86_400_000;
    const r1 = evaluate([unlock], {}, { TAO: { nextUnlock: { atMs: at, pctCirculating: 3 } } }, NOW);
    expect(r1.fire[0]?.message).toContain('3.00 % of TAO');
    // the same unlock is never announced twice, even after a re-arm
    const rearmed = evaluate([unlock], r1.state, { TAO: { nextUnlock: { atMs: at, pctCirculating: 1 } } }, NOW);
    expect(rearmed.state.u?.armed).toBe(true);
    expect(evaluate([unlock], rearmed.state, { TAO: { nextUnlock: { atMs: at, pctCirculating: 3 } } }, NOW).fire).toEqual([]);
    // too small, or too far away: no
    expect(evaluate([unlock], {}, { TAO: { nextUnlock: { atMs: at, pctCirculating: 1 } } }, NOW).fire).toEqual([]);
    expect(evaluate([unlock], {}, { TAO: { nextUnlock: { atMs: NOW + 20 * 86_400_000, pctCirculating: 5 } } }, NOW).fire).toEqual([]);
  });

  it('property: never more firings than upward crossings of the level', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { maxLength: 60 }), (prices) => {
        const { fired } = run([above], prices);
        let crossings = 0;
        let prevAbove = false;
        for (const p of prices) {
          const isAbove = p > 500;
          if (isAbove && !prevAbove) crossings++;
          prevAbove = isAbove;
        }
        expect(fired.length).toBe(crossings);
      }),
    );
  });

  it('stored rules are validated one by one', () => {
    expect(parseRules([above, { id: 'x', symbol: '../', kind: 'priceAbove', level: 1 }, { ...above, id: 'b2', level: Number.NaN }, 'junk'])).toEqual([above]);
    expect(parseRules('nope')).toEqual([]);
    expect(parseState({ a: { armed: 'yes' }, b: { armed: false, lastFiredMs: 5 } })).toEqual({ b: { armed: false, lastFiredMs: 5 } });
  });
});
