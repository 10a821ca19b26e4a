// The signed-in user's own account (/api/account/*): what Keystone says about them, their own password, and TOTP
// self-registration. Every call uses the session's token or (password change) the user's current password; none
// needs an admin.
import { randomBytes } from 'node:crypto';
import express, { type Request, type Router } from 'express';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import {
  ChangePasswordRequest,
  ConfirmTotpRequest,
  type AccountView,
  type TotpEnrollment,
} from '../contract/session.js';
import { ApiError } from '../http/errors.js';
import { requestIdOf } from '../http/request-id.js';
import type { KeystoneClient } from '../openstack/keystone.js';
import { endSession, requireAuth, sessionTokens } from '../session/session.js';
import { revokeQuietly } from './rules.js';
import { parseBody, saveSession } from './routes.js';

/** A TOTP secret offered to the user and not yet confirmed by a code; kept in the session only. */
export interface PendingTotpSecret {
  secret: string;
  userId: string;
  expiresAt: string;
}

declare module 'express-session' {
  interface SessionData {
    pendingTotpSecret: PendingTotpSecret;
  }
}

export interface AccountRoutesOptions {
  keystone: KeystoneClient;
  secureCookies: boolean;
  /** How long an offered secret waits for its confirming code. */
  enrollmentTtlMs?: number;
}

/** What Keystone computes (keystone/auth/plugins/totp.py): SHA1, 6 digits, 30-second steps. */
function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: 'Zenith', label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
}

export function accountRoutes({ keystone, secureCookies, enrollmentTtlMs = 10 * 60_000 }: AccountRoutesOptions): Router {
  const router = express.Router();
  const keystoneFor = (req: Request) => keystone.forRequest(requestIdOf(req));
  router.use(express.json({ limit: '16kb' }));

  router.get('/', async (req, res) => {
    const auth = requireAuth(req);
    const client = keystoneFor(req);
    const [user, credentials] = await Promise.all([
      client.getUser(auth.token, auth.user.id),
      client.listTotpCredentials(auth.token, auth.user.id),
    ]);
    const body: AccountView = {
      user: {
        id: user.id,
        name: user.name,
        domain: auth.user.domain,
        ...(user.email ? { email: user.email } : {}),
        passwordExpiresAt: user.password_expires_at ?? null,
        mfaRules: user.options?.multi_factor_auth_rules ?? [],
        mfaEnabled: user.options?.multi_factor_auth_enabled ?? false,
      },
      // Ids only: a TOTP credential's blob is its secret.
      totpCredentials: credentials.map((credential) => ({ id: credential.id })),
    };
    res.json(body);
  });

  /**
   * Keystone's own-password change. Keystone then no longer accepts the session's tokens (a password change
   * revokes the user's tokens); the session ends here too, and the user signs in with the new password.
   */
  router.post('/password', async (req, res) => {
    const auth = requireAuth(req);
    const { originalPassword, password } = parseBody(ChangePasswordRequest, req.body);
    const client = keystoneFor(req);
    await client.changePassword(auth.user.id, originalPassword, password);
    const projectTokens = await endSession(req, res, secureCookies);
    await revokeQuietly(
      { keystone: client, configuredRegion: undefined, onRevokeFailure: (error) => req.log.warn({ err: error }, 'could not revoke a Keystone token') },
      [...sessionTokens(auth), ...projectTokens],
    );
    res.status(204).end();
  });

  /** A new secret, shown once: 160 random bits (RFC 4226's recommended length), base32 as authenticators take it. */
  router.post('/totp', async (req, res) => {
    const auth = requireAuth(req);
    const secret = new Secret({ buffer: new Uint8Array(randomBytes(20)).buffer }).base32;
    const uri = totpFor(secret, `${auth.user.name}@${auth.user.domain.name}`).toString();
    const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    const expiresAt = new Date(Date.now() + enrollmentTtlMs).toISOString();
    req.session.pendingTotpSecret = { secret, userId: auth.user.id, expiresAt };
    await saveSession(req);
    const body: TotpEnrollment = {
      secret,
      uri,
      qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      expiresAt,
    };
    res.status(201).json(body);
  });

  /** Stores the offered secret as the user's Keystone `totp` credential, once a code proves the authenticator has it. */
  router.post('/totp/confirm', async (req, res) => {
    const auth = requireAuth(req);
    const { passcode } = parseBody(ConfirmTotpRequest, req.body);
    const pending = req.session.pendingTotpSecret;
    if (!pending || pending.userId !== auth.user.id || Date.parse(pending.expiresAt) <= Date.now()) {
      throw new ApiError(409, 'No new TOTP secret is waiting for confirmation: start again', { code: 'no_pending_totp' });
    }
    // One step either side, as Keystone accepts the previous step's code ([totp] included_previous_windows).
    if (totpFor(pending.secret, auth.user.name).validate({ token: passcode, window: 1 }) === null) {
      throw new ApiError(400, 'This code does not match the new secret: check the authenticator (and its clock), then try its current code', {
        code: 'totp_code_wrong',
      });
    }
    const credential = await keystoneFor(req).createTotpCredential(auth.token, auth.user.id, pending.secret);
    delete req.session.pendingTotpSecret;
    await saveSession(req);
    res.status(201).json({ id: credential.id });
  });

  return router;
}
