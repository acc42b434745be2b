import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ServerCertificate {
  key: string;
  /** Self-signed, so it is also the CA a kubeconfig trusts. */
  cert: string;
}

/**
 * A throwaway self-signed certificate for 127.0.0.1, made with the system `openssl` (Node has
 * no API to create X.509 certificates). Undefined when openssl is not installed.
 */
export function makeServerCertificate(): ServerCertificate | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'tierbook-tls-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '1',
        '-subj',
        '/CN=tierbook-test-apiserver',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
