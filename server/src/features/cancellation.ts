/** The part of a cancellation token the features read (LSP's CancellationToken satisfies it). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}
