/**
 * Records the network requests Chromium makes for pages and extensions: the
 * DevTools protocol's Network domain, enabled on every target there is and
 * every target that appears later (pages, frames, workers, and the
 * extension's service worker).
 *
 * How: Playwright's CDP sessions drop the messages of child sessions that a
 * flattened `Target.setAutoAttach` creates, and the browser target refuses
 * the non-flattened kind ("Only flatten protocol is supported with browser
 * level auto-attach"). So each target is attached one by one in
 * non-flattened mode (`Target.attachToTarget {flatten: false}`), spoken to
 * through `Target.sendMessageToTarget`, and heard through
 * `Target.receivedMessageFromTarget`; `Target.setDiscoverTargets` reports
 * the targets to attach.
 *
 * Limits: a target's requests before its `Network.enable` (the first
 * milliseconds of a new worker) are not seen, nor are the browser process's
 * own requests (no target makes them; the launcher turns that background
 * networking off).
 */

/** Target types without a Network domain of their own. */
const SKIPPED_TYPES = new Set(['browser', 'tab']);

/**
 * @typedef {object} RecordedRequest
 * @property {string} url
 * @property {string} resourceType  CDP's `type` (Document, Fetch, Script…)
 * @property {string} targetType    'page', 'service_worker', …
 * @property {string} targetUrl     the target's URL when it was attached
 *
 * @typedef {object} NetworkRecorder
 * @property {RecordedRequest[]} requests  every request seen so far, in order
 * @property {() => {type: string, url: string}[]} targets  the targets whose Network domain is on
 * @property {() => Promise<void>} settle  waits until targets being attached are done
 */

/**
 * Starts recording.
 * @param {import('playwright-core').CDPSession} browserCdp  a browser-level
 *   session (`browser.newBrowserCDPSession()`)
 * @returns {Promise<NetworkRecorder>}
 */
export async function recordNetwork(browserCdp) {
  const requests = [];
  const sessions = new Map(); // sessionId → {type, url}
  const attaching = new Map(); // targetId → promise
  let nextId = 1;

  const send = (sessionId, method, params = {}) => browserCdp.send('Target.sendMessageToTarget', {
    sessionId,
    message: JSON.stringify({ id: nextId++, method, params }),
  });

  const attach = (info) => {
    if (SKIPPED_TYPES.has(info.type) || attaching.has(info.targetId)) {
      return;
    }
    attaching.set(info.targetId, (async () => {
      try {
        const { sessionId } = await browserCdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
        sessions.set(sessionId, { type: info.type, url: info.url });
        await send(sessionId, 'Network.enable');
      } catch {
        // Gone already, or a target that cannot be attached (browser UI).
      }
    })());
  };

  browserCdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const { method, params } = JSON.parse(message);
    if (method === 'Network.requestWillBeSent') {
      const target = sessions.get(sessionId);
      requests.push({
        url: params.request.url,
        resourceType: params.type ?? '',
        targetType: target?.type ?? 'unknown',
        targetUrl: target?.url ?? '',
      });
    }
  });
  browserCdp.on('Target.targetCreated', ({ targetInfo }) => attach(targetInfo));
  browserCdp.on('Target.detachedFromTarget', ({ sessionId }) => sessions.delete(sessionId));
  await browserCdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await browserCdp.send('Target.getTargets');
  targetInfos.forEach(attach);
  const settle = async () => {
    await Promise.all(attaching.values());
  };
  await settle();

  return {
    requests,
    targets: () => [...sessions.values()],
    settle,
  };
}
