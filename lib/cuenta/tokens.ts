// Bearer values (one-time links, session ids): 144 random bits, sent once, stored only as SHA-256.
// A lookup by hash leaks nothing about the token through timing (an attacker cannot steer the hash),
// and the fetched row's hash is compared again in constant time before it is trusted.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const BYTES = 18;
/** The shape of a token in a URL: 24 base64url characters. Anything else is unknown (404) unread. */
export const FORMA_TOKEN = /^[A-Za-z0-9_-]{24}$/;

export const nuevoToken = () => randomBytes(BYTES).toString("base64url");

export const hashDeToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export function mismoHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
