import type { Agency, Role } from '../api/types';

/** Who is signed in, read from the token the services will verify (the page never trusts it for access). */
export interface Session {
  token: string;
  subject: string;
  role: Role;
  agency?: Agency;
  /** An applicant's identity as the identity provider verified it: the services act only as this person. */
  identity?: { passportNo: string; nationality: string };
  /** An employer's verified unified social credit code. */
  uscc?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(base64);
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The session a JWT describes, or null when it is malformed or expired at `now`. */
export function sessionFromToken(token: string, now = Date.now()): Session | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(base64UrlDecode(parts[1])) as { sub?: unknown; role?: unknown; agency?: unknown; exp?: unknown; passportNo?: unknown; nationality?: unknown; uscc?: unknown };
    if (typeof claims.sub !== 'string' || typeof claims.role !== 'string' || typeof claims.exp !== 'number') return null;
    const expiresAt = claims.exp * 1000;
    if (expiresAt <= now) return null;
    return {
      token,
      subject: claims.sub,
      role: claims.role as Role,
      agency: typeof claims.agency === 'string' ? (claims.agency as Agency) : undefined,
      ...(typeof claims.passportNo === 'string' && typeof claims.nationality === 'string' ? { identity: { passportNo: claims.passportNo, nationality: claims.nationality } } : {}),
      ...(typeof claims.uscc === 'string' ? { uscc: claims.uscc } : {}),
      expiresAt,
    };
  } catch {
    return null;
  }
}

/** Where each role starts after signing in. */
export function homeOf(session: Session | null): string {
  switch (session?.role) {
    case 'officer':
      return '/officer';
    case 'analyst':
      return '/analyst';
    case 'clerk':
      return '/clerk';
    case 'applicant':
    case 'employer':
      return '/cases';
    case 'admin':
      return '/analyst';
    default:
      return '/';
  }
}

/**
 * The form values the caller's verified token fixes: an applicant files only as the person the token
 * names, an employer only for its own credit code (the services refuse anything else).
 */
export function verifiedFormValues(session: Session | null): Record<string, string> {
  if (session?.role === 'applicant' && session.identity) return { 'applicant.passportNo': session.identity.passportNo, 'applicant.nationality': session.identity.nationality };
  if (session?.role === 'employer' && session.uscc) return { 'employer.uscc': session.uscc };
  return {};
}
