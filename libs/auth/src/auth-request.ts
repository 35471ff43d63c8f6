import type { Principal } from './principal';

/** The part of an HTTP request the guards read and write. */
export interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/** The part of an HTTP response the guards write. */
export interface AuthResponse {
  setHeader(name: string, value: string): unknown;
}
