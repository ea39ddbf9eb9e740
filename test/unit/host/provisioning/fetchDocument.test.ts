import { describe, expect, it } from 'vitest';
import { DocumentGoneError, fetchProvisioningDocument, ProvisioningUnreachableError } from '../../../../electron/host/provisioning/fetchDocument';
import { LogoutUnsupportedError, postProvisioningLogout } from '../../../../electron/host/provisioning/logoutRequest';
import { DeviceProofVerifier } from '../../../../electron/pbx/core/enrolment/deviceProofVerifier';
import { parseDeviceAuthorization } from '../../../../shared/sip/deviceProof';
import { DEVICE_KEY, validDocument } from '../../pbx/provisioning/fixtures';

type Call = { url: string; headers: Record<string, string> };

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(input), headers: (init?.headers ?? {}) as Record<string, string> };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const URL = 'http://127.0.0.1:5170/provisioning/token.json';

describe('fetchProvisioningDocument', () => {
  it('returns the validated document with its ETag, asking with If-None-Match', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json(validDocument()));
    const outcome = await fetchProvisioningDocument(URL, 'previous-etag', { fetch, deviceKey: DEVICE_KEY });
    expect(outcome).toEqual({ kind: 'document', document: validDocument(), etag: validDocument().etag });
    expect(calls[0]?.headers['If-None-Match']).toBe('"previous-etag"');
  });

  it('sends no If-None-Match without an ETag and reports 304 as not modified', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 304 }));
    expect(await fetchProvisioningDocument(URL, null, { fetch, deviceKey: DEVICE_KEY })).toEqual({ kind: 'not-modified' });
    expect(calls[0]?.headers['If-None-Match']).toBeUndefined();
  });

  it('turns failures into messages for the display', async () => {
    const cases: Array<[() => Response | Promise<Response>, RegExp]> = [
      [() => new Response('Not found', { status: 404 }), /^Provisioning server answered 404$/],
      [() => new Response('{', { status: 200 }), /not JSON/],
      [() => Response.json({ ...validDocument(), device: { mac: 'bad', poolName: 'HD0004' } }), /^Invalid provisioning document: device\.mac/],
      [() => new Response('x'.repeat(300_000), { status: 200 }), /too large/],
      [() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })), /unreachable \(ECONNREFUSED\)/],
    ];
    for (const [respond, message] of cases) {
      await expect(fetchProvisioningDocument(URL, null, { fetch: fakeFetch(respond).fetch, deviceKey: DEVICE_KEY })).rejects.toThrow(message);
    }
  });

  it('proves the device key on requests under /provisioning/, and only there', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 304 }));
    await fetchProvisioningDocument(URL, null, { fetch, deviceKey: DEVICE_KEY });
    const proof = parseDeviceAuthorization(calls[0]?.headers.Authorization);
    expect(proof?.key).toBe(DEVICE_KEY.publicKey);
    const verifier = new DeviceProofVerifier({ now: () => Date.now() });
    expect(verifier.check(proof, { scope: 'http', method: 'GET', target: '/provisioning/token.json' })).toEqual({ kind: 'valid', publicKey: DEVICE_KEY.publicKey });
    await fetchProvisioningDocument('https://files.example.com/hotdesk/device.json', null, { fetch, deviceKey: DEVICE_KEY });
    expect(calls[1]?.headers.Authorization).toBeUndefined();
  });

  it('fetches only http(s) URLs without credentials', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json(validDocument()));
    for (const url of ['file:///etc/passwd', 'data:application/json,{}', 'ftp://pbx.example.com/x.json', 'http://user:secret@pbx.example.com/provisioning/x.json']) {
      await expect(fetchProvisioningDocument(url, null, { fetch, deviceKey: DEVICE_KEY })).rejects.toThrow(/must be an http:\/\/ or https:\/\/ URL/);
    }
    expect(calls).toEqual([]);
  });

  it('reports 401, 403, 404 and 410 as a document gone for this device (it asks plug-and-play again)', async () => {
    for (const status of [401, 403, 404, 410]) {
      const { fetch } = fakeFetch(() => new Response('no', { status }));
      await expect(fetchProvisioningDocument(URL, null, { fetch, deviceKey: DEVICE_KEY })).rejects.toBeInstanceOf(DocumentGoneError);
    }
  });
});

describe('postProvisioningLogout', () => {
  const LOGOUT = 'http://127.0.0.1:5170/provisioning/token/logout';
  const options = (fetch: typeof globalThis.fetch) => ({ fetch, deviceKey: DEVICE_KEY });

  function recordingFetch(respond: () => Response) {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(input), init: init ?? {} });
      return respond();
    }) as typeof globalThis.fetch;
    return { fetch, calls };
  }

  it('POSTs the reason as JSON through the request helper of the document GET: JSON accepted, no redirects, the key proved', async () => {
    const idle = validDocument();
    const { fetch, calls } = recordingFetch(() => Response.json(idle));
    expect(await postProvisioningLogout(LOGOUT, 'auto', options(fetch))).toEqual({ kind: 'logged-out', document: idle });
    const [call] = calls;
    expect(call?.url).toBe(LOGOUT);
    expect(call?.init).toMatchObject({
      method: 'POST',
      body: '{"reason":"auto"}',
      redirect: 'error',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    });
    const proof = parseDeviceAuthorization((call?.init.headers as Record<string, string>).Authorization);
    const verifier = new DeviceProofVerifier({ now: () => Date.now() });
    expect(verifier.check(proof, { scope: 'http', method: 'POST', target: '/provisioning/token/logout' })).toEqual({ kind: 'valid', publicKey: DEVICE_KEY.publicKey });
    // A proof is for one method and path: this one does not open the document.
    expect(verifier.check(proof, { scope: 'http', method: 'GET', target: '/provisioning/token.json' }).kind).not.toBe('valid');
  });

  it('409 means nobody was logged in, and still carries the current document', async () => {
    const { fetch } = recordingFetch(() => Response.json(validDocument(), { status: 409 }));
    expect(await postProvisioningLogout(LOGOUT, 'user', options(fetch))).toEqual({ kind: 'not-logged-in', document: validDocument() });
  });

  it('tells unsupported, gone, failed and unreachable apart', async () => {
    const answer = (status: number) => options(recordingFetch(() => new Response('no', { status })).fetch);
    await expect(postProvisioningLogout(LOGOUT, 'user', answer(405))).rejects.toBeInstanceOf(LogoutUnsupportedError);
    await expect(postProvisioningLogout(LOGOUT, 'user', answer(404))).rejects.toBeInstanceOf(DocumentGoneError);
    await expect(postProvisioningLogout(LOGOUT, 'user', answer(403))).rejects.toBeInstanceOf(DocumentGoneError);
    await expect(postProvisioningLogout(LOGOUT, 'user', answer(503))).rejects.toThrow(/^Provisioning server answered 503 to the logout$/);
    const refused = (async () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))) as typeof globalThis.fetch;
    await expect(postProvisioningLogout(LOGOUT, 'user', options(refused))).rejects.toBeInstanceOf(ProvisioningUnreachableError);
  });

  it('refuses an answer that is not a valid document', async () => {
    const { fetch } = recordingFetch(() => Response.json({ ...validDocument(), version: 7 }));
    await expect(postProvisioningLogout(LOGOUT, 'user', options(fetch))).rejects.toThrow(/^Invalid provisioning document: version/);
  });
});
