// A page's Web Worker through the page's DevTools session, for the benches' CPU profiles and memory traces.

/**
 * The first worker the page starts whose URL contains `urlPart`: a target of its own, attached paused at its start (so
 * nothing is missed); `onStart(send)` runs before it goes on, and every other worker just goes on. `send(method, params)` talks to it
 * through Target.sendMessageToTarget.
 */
export async function attachWorker(context, page, onStart, urlPart = '') {
  const cdp = await context.newCDPSession(page);
  let nextId = 1;
  const answers = new Map();
  const toWorker = (sessionId, method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      answers.set(id, resolve);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const { id, result } = JSON.parse(message);
    answers.get(id)?.(result);
  });
  const attached = new Promise((resolve) =>
    cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo }) => {
      if (targetInfo.type !== 'worker') return;
      const send = (method, params) => toWorker(sessionId, method, params);
      if (!targetInfo.url.includes(urlPart)) {
        await send('Runtime.runIfWaitingForDebugger');
        return;
      }
      await onStart(send);
      await send('Runtime.runIfWaitingForDebugger');
      resolve(send);
    }),
  );
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return { attached, cdp };
}
