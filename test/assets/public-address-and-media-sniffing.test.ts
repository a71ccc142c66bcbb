import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../src/uploads/address.js';
import { sniffMedia } from '../../src/uploads/sniff.js';
import { MP3, MP4, PNG, SRT, WAV } from './fixtures.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1', '127.255.255.254', '0.0.0.0', '10.0.0.1', '172.16.0.1', '172.31.0.1', '192.168.0.1', '169.254.169.254', '100.64.0.1',
    '100.127.255.255', '192.0.2.1', '198.18.0.1', '224.0.0.1', '255.255.255.255', '::', '::1', '::ffff:127.0.0.1', '::ffff:7f00:1',
    '::ffff:10.0.0.1', '::127.0.0.1', 'fc00::1', 'fd00::1', 'fe80::1', 'fec0::1', 'ff02::1', '64:ff9b::7f00:1', '2002:a9fe:a9fe::1',
    '2001:db8::1', '2001::1', '100::1', '[::1]', 'fe80::1%eth0', 'not-an-ip', '',
  ])('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '11.0.0.1', '2606:4700:4700::1111', '2a00:1450:4001::1', '::ffff:8.8.8.8', '64:ff9b::808:808', '[2606:4700::1]'])(
    'allows %s', (ip) => {
      expect(isPublicAddress(ip)).toBe(true);
    });
});

describe('sniffMedia', () => {
  it('reads the type from the bytes', () => {
    expect(sniffMedia(PNG())?.mime).toBe('image/png');
    expect(sniffMedia(MP3())?.mime).toBe('audio/mpeg');
    expect(sniffMedia(WAV())?.mime).toBe('audio/wav');
    expect(sniffMedia(MP4())?.mime).toBe('video/mp4');
    expect(sniffMedia(Buffer.from('%PDF-1.7\n'))?.mime).toBe('application/pdf');
    expect(sniffMedia(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2]))?.mime).toBe('video/webm');
    expect(sniffMedia(SRT)?.mime).toBe('application/x-subrip');
  });

  it('refuses text, HTML, executables and empty input', () => {
    expect(sniffMedia(Buffer.from('hello world'))).toBeUndefined();
    expect(sniffMedia(Buffer.from('<html>'))).toBeUndefined();
    expect(sniffMedia(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))).toBeUndefined();
    expect(sniffMedia(Buffer.alloc(0))).toBeUndefined();
  });
});
