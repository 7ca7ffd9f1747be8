// Debian's headless Chromium as the end-to-end runs launch it. On these machines a browser
// that tries the network (updates, sync, DNS for Google's hosts) gets refused connections by
// the dozen, so everything that would is switched off and only loopback resolves.
export const CHROMIUM = process.env.SEC_E2E_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Launches headless Chromium with playwright-core's `chromium`, with its own temporary folders. */
export function launchChromium(chromium, env) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: { ...process.env, ...env } });
}
