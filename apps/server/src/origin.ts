import type http from 'node:http';

/** Where browsers reach the server, for the cross-site check of mutations. */
export interface OriginPolicy {
  /**
   * The public origin (`https://antoan.example.gov.vn`): an Origin header must be exactly this. Set it behind
   * a reverse proxy; the Host header the proxy sends then does not matter.
   */
  publicUrl?: string | undefined;
  /**
   * Behind a reverse proxy that sets them: take the host from `X-Forwarded-Host` and the scheme from
   * `X-Forwarded-Proto` (their first value). Never set without a proxy, or a client could name any host.
   */
  trustProxy?: boolean | undefined;
}

const first = (value: string | string[] | undefined): string | undefined => {
  const text = Array.isArray(value) ? value[0] : value;
  const head = text?.split(',')[0]?.trim();
  return head ? head : undefined;
};

/**
 * Whether a request's `Origin` is this site: the configured public origin, else the host the client asked for
 * (the forwarded one when the proxy is trusted, with its scheme when forwarded), else the `Host` header.
 */
export function isSameOrigin(req: http.IncomingMessage, origin: URL, policy: OriginPolicy): boolean {
  if (policy.publicUrl) return origin.origin === new URL(policy.publicUrl).origin;
  if (policy.trustProxy) {
    const host = first(req.headers['x-forwarded-host']) ?? req.headers.host;
    const proto = first(req.headers['x-forwarded-proto']);
    return origin.host === host && (proto === undefined || origin.protocol === `${proto.toLowerCase()}:`);
  }
  return origin.host === req.headers.host;
}
