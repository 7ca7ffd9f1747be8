/** A short display name for a file URI: its last path segment, decoded. */
export function fileName(uri: string): string {
  const decoded = decodeURIComponent(uri);
  return decoded.slice(decoded.lastIndexOf('/') + 1);
}
