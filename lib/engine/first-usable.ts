/**
 * The one fallback rule of the engine: try each source in order and keep the first answer that
 * is usable; when none is, report the first source's answer (the primary provider's error is
 * what the user needs to read, not the last fallback's).
 *
 * Each attempt runs only when every attempt before it was unusable, so a fallback costs no
 * request while the primary source answers.
 */
export async function firstUsable<F>(attempts: Iterable<() => Promise<F>>, usable: (answer: F) => boolean): Promise<F | undefined> {
  let first: F | undefined;
  for (const attempt of attempts) {
    const answer = await attempt();
    first ??= answer;
    if (usable(answer)) return answer;
  }
  return first;
}
