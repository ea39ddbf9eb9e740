import { describe, expect, it } from 'vitest';
import { DocumentGoneError, fetchProvisioningDocument } from '../../../../electron/host/provisioning/fetchDocument';
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
