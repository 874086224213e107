// The benchmark's floor (see scripts/bench.ts): the least a content script can do to look at every
// text node the extension scans. One TreeWalker over text nodes, skipping the text of
// script/style/noscript/textarea, testing /\d/ on each, recorded as the same User Timing measure
// the extension uses. It pays the same cold isolated-world costs as a real content script.
(() => {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA']);
  const DIGIT = /\d/;
  const start = performance.now();
  const root = document.body ?? document.documentElement;
  if (root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentNode;
      if (parent && SKIP.has(parent.nodeName)) continue;
      DIGIT.test(node.data);
    }
  }
  performance.measure('net2phone:scan', { start, end: performance.now() });
})();
