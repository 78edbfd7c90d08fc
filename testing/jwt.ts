import * as crypto from "node:crypto";

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: crypto.KeyObject;
  /** The public half as a JWKS entry. */
  readonly jwk: Record<string, string>;
}

export function rsaKey(kid: string): SigningKey {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...(publicKey.export({ format: "jwk" }) as Record<string, string>), kid, alg: "RS256", use: "sig" } };
}

export const b64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

/** Signs `header.payload` texts as given, so tests can also sign odd JSON (duplicate members, 1e400). */
export function signRaw(headerJson: string, payloadJson: string, key: crypto.KeyObject): string {
  const input = `${b64url(headerJson)}.${b64url(payloadJson)}`;
  return `${input}.${crypto.sign("sha256", Buffer.from(input), key).toString("base64url")}`;
}

export function signJwt(key: SigningKey, payload: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  return signRaw(JSON.stringify({ alg: "RS256", kid: key.kid, ...header }), JSON.stringify(payload), key.privateKey);
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
