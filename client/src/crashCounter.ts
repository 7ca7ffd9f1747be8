// How many times the server may crash in a while before the client leaves it stopped (crashHandler.ts).

/** Crashes tolerated within the window before the server is left stopped. */
export const MAX_CRASHES = 3;
export const WINDOW_MS = 5 * 60 * 1000;

/** Decides restart or stop from the times of recent crashes; `now` is injectable for tests. */
export class CrashCounter {
  private readonly crashes: number[] = [];

  /** Records a crash; true while the server may be restarted. */
  crashed(now = Date.now()): boolean {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > WINDOW_MS) this.crashes.shift();
    return this.crashes.length <= MAX_CRASHES;
  }
}

