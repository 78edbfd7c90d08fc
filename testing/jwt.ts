import * as crypto from "node:crypto";

/** The RSA signature algorithms test keys sign with: RSASSA-PKCS1-v1_5 or RSASSA-PSS, both SHA-256. */
export type RsaAlgorithm = "RS256" | "PS256";

export interface SigningKey {
  readonly kid: string;
  readonly alg: RsaAlgorithm;
  readonly privateKey: crypto.KeyObject;
  /** The public half as a JWKS entry. */
  readonly jwk: Record<string, string>;
}

export function rsaKey(kid: string, alg: RsaAlgorithm = "RS256"): SigningKey {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, alg, privateKey, jwk: { ...(publicKey.export({ format: "jwk" }) as Record<string, string>), kid, alg, use: "sig" } };
}

export const b64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

/** RFC 7518 section 3.5: PS256's salt is as long as its hash, 32 bytes. */
const PSS_SALT_BYTES = 32;

/**
 * Signs `header.payload` texts as given, so tests can also sign odd JSON (duplicate members, 1e400),
 * with the key's algorithm whatever the header says; `saltLength` makes a PS256 signature off-standard.
 */
export function signRaw(headerJson: string, payloadJson: string, key: SigningKey, saltLength = PSS_SALT_BYTES): string {
  const input = `${b64url(headerJson)}.${b64url(payloadJson)}`;
  const signer = key.alg === "PS256" ? { key: key.privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength } : key.privateKey;
  return `${input}.${crypto.sign("sha256", Buffer.from(input), signer).toString("base64url")}`;
}

export function signJwt(key: SigningKey, payload: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  return signRaw(JSON.stringify({ alg: key.alg, kid: key.kid, ...header }), JSON.stringify(payload), key);
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
