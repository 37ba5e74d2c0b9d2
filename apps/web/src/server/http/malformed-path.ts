/**
 * Whether a raw request path holds percent-encoding that does not decode (`%ZZ`, a cut-off UTF-8
 * sequence): Next throws on such a path while matching a dynamic route and answers a bare 500.
 */
export function isMalformedPath(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath)
    return false
  } catch {
    return true
  }
}
