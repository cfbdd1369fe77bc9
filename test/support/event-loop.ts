/**
 * How free the event loop stays while some work runs elsewhere (a worker thread): a timer ticks every `intervalMs`
 * during `work`, and the longest gap between ticks says how long the loop was blocked.
 */
export async function whileTimerTicks<T>(
  intervalMs: number,
  work: () => Promise<T>,
): Promise<{ result: T; ticks: number; longestGapMs: number; elapsedMs: number }> {
  let ticks = 0;
  let longestGapMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks++;
  }, intervalMs);
  const started = performance.now();
  const result = await work().finally(() => clearInterval(timer));
  return { result, ticks, longestGapMs, elapsedMs: performance.now() - started };
}
