export type PathCheck = { safe: true } | { safe: false; reason: string };

/**
 * Whether a client-supplied path, appended to a catalog endpoint, stays inside that endpoint. It works on the
 * raw (still percent-encoded) path because upstream servers decode it again: anything that could become a
 * `..` segment, a slash, a backslash or another host after one or two decodings is refused.
 */
export function checkProxyPath(rawPath: string): PathCheck {
  if (rawPath === '') return { safe: true };
  if (!rawPath.startsWith('/')) return unsafe('the path must start with /');
  if (rawPath.includes('\\') || /%5c/i.test(rawPath)) return unsafe('backslashes are not allowed');
  if (/%2f/i.test(rawPath)) return unsafe('encoded slashes are not allowed');
  // %25 is an encoded "%": `%252e%252e` is `..` to a server that decodes twice.
  if (/%25/i.test(rawPath)) return unsafe('double percent-encoding is not allowed');
  // Empty segments: `//host/...` is a protocol-relative URL, `http://` an absolute one.
  if (rawPath.includes('//')) return unsafe('empty path segments are not allowed');
  for (const segment of rawPath.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return unsafe('malformed percent-encoding');
    }
    if (decoded === '.' || decoded === '..') return unsafe('dot segments are not allowed');
    // NUL, CR, LF...: header injection or truncation in whatever parses the path next.
    if (/\p{Cc}/u.test(decoded)) return unsafe('control characters are not allowed');
  }
  return { safe: true };
}

function unsafe(reason: string): PathCheck {
  return { safe: false, reason };
}
