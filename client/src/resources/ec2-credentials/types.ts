// Keystone's EC2 credentials (Identity API v3, OS-EC2: /v3/users/{user_id}/credentials/OS-EC2): an AWS-style access
// key and secret, bound to one project, for EC2- and S3-compatible APIs. Keystone keeps the secret and answers it
// to every read; Zenith lists them through the BFF, which drops it (GET /api/auth/ec2-credentials), so the browser
// sees a secret only in the answer to the POST that created it.
import type { ListedEc2Credential } from '@contract/catalog';

export type { ListedEc2Credential };

/** What POST /v3/users/{user_id}/credentials/OS-EC2 answers (201), secret included. */
export interface Ec2Credential {
  access: string;
  secret: string;
  /** The project given as `tenant_id` in the request. */
  tenant_id: string;
  user_id: string;
  trust_id: string | null;
  links?: { self: string };
}

export interface CreatedEc2Credential {
  credential: Ec2Credential;
}

/** Body of the create call: the project the credential is for. */
export interface Ec2CredentialCreate {
  tenant_id: string;
}
