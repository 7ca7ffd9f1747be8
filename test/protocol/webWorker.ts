// A browser's web worker, as far as the web server bundle sees one, in a Node worker thread:
// the bundle runs in a context of its own whose global scope is `self` (postMessage, onmessage,
// addEventListener, close) with the few browser globals it uses, and none of Node's (no
// process, require, Buffer): a bundle that reached for Node would fail here as in a browser.
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort!;
const scope: Record<string, unknown> = {
  console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextEncoder, TextDecoder, URL, structuredClone,
  postMessage: (message: unknown) => port.postMessage(message),
  close: () => process.exit(0),
  addEventListener(type: string, listener: (event: { data?: unknown; reason?: unknown }) => void) {
    if (type === 'message') port.on('message', (data) => listener({ data }));
    if (type === 'unhandledrejection') process.on('unhandledRejection', (reason) => listener({ reason }));
  },
  set onmessage(listener: (event: { data: unknown }) => void) {
    port.on('message', (data) => listener({ data }));
  },
};
scope.self = scope;
const { script } = workerData as { script: string };
runInContext(readFileSync(script, 'utf8'), createContext(scope), { filename: script });
