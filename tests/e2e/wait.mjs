/**
 * Polling with a deadline, for the end-to-end tests of both browsers: the
 * browser changes asynchronously, so the tests probe until it has.
 */

/**
 * Polls `probe` until `accept` approves its result, then returns that result.
 *
 * @template T
 * @param {() => Promise<T>} probe
 * @param {(value: T) => boolean} accept
 * @param {{timeout?: number, interval?: number, message?: (last: T) => string}} [options]
 * @returns {Promise<T>}
 * @throws {Error} after `timeout` ms, with `message(last)` as its message
 */
export async function waitFor(probe, accept, { timeout = 10_000, interval = 150, message } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(message ? message(value) : `timed out after ${timeout} ms; last value: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
