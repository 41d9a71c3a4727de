// A page that fights extensions: loaded into the <head> of a policy page by
// the test server's /hostile/ route. Content scripts run in an isolated world,
// so none of this should reach the panel; the tests check that it does not.
(() => {
  const report = { shadowRootSeen: false, messagesSent: 0 };
  window.hostileReport = report;

  Element.prototype.attachShadow = function attachShadow() {
    throw new Error('hostile page: attachShadow is blocked');
  };
  const realAppend = Element.prototype.append;
  Node.prototype.appendChild = function appendChild() {
    throw new Error('hostile page: appendChild is blocked');
  };
  JSON.parse = () => ({ hijacked: true });
  JSON.stringify = () => '"hijacked"';
  String.prototype.split = () => ['hijacked'];

  setInterval(() => {
    report.messagesSent++;
    window.postMessage({ type: 'analyze', text: 'hostile', capped: false }, '*');
    window.postMessage({ type: 'open-url', url: 'javascript:alert(1)' }, '*');
  }, 10);

  new MutationObserver(() => {
    const host = document.querySelector('policy-badges-panel');
    if (host && host.shadowRoot) {
      report.shadowRootSeen = true;
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  window.addEventListener('load', () => {
    setTimeout(() => {
      const style = document.createElement('style');
      style.textContent = '* { display: none !important; visibility: hidden !important; }';
      realAppend.call(document.head, style);
    }, 0);
  });
})();
