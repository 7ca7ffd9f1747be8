/** A short display name for a file URI: its last path segment, decoded. */
export function fileName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  // A path given as is (the CLI names files by path) may hold a "%" that decodes to nothing.
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
