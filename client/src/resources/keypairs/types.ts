// Nova key pairs, as GET/POST /os-keypairs return them (Compute API reference; `type` since microversion 2.2):
// only the fields Zenith reads. Key pairs belong to the user, not to the project.

export type KeypairType = 'ssh' | 'x509';

export interface Keypair {
  name: string;
  public_key: string;
  fingerprint: string;
  type: KeypairType;
  /** Only in GET /os-keypairs/{name}. */
  user_id?: string;
  created_at?: string;
}

/** What POST /os-keypairs answers when Nova generated the key: the private key, this once and never again. */
export interface GeneratedKeypair extends Keypair {
  private_key: string;
}
