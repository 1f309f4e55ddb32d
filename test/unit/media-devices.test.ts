import { describe, expect, it } from 'vitest';
import { chooseDevice, devicesOfKind, mediaErrorKind } from '../../app/_lib/media-devices';

describe('mediaErrorKind', () => {
  it('tells a refused permission, a missing device and a device held by another app apart', () => {
    expect(mediaErrorKind({ name: 'NotAllowedError' })).toBe('denied');
    expect(mediaErrorKind({ name: 'NotFoundError' })).toBe('none');
    expect(mediaErrorKind({ name: 'OverconstrainedError' })).toBe('none');
    expect(mediaErrorKind({ name: 'NotReadableError' })).toBe('busy');
    expect(mediaErrorKind(new TypeError('mediaDevices is undefined'))).toBe('unsupported');
    expect(mediaErrorKind('boom')).toBe('failed');
  });
});

describe('devicesOfKind', () => {
  it('keeps one kind and drops the communications alias, keeping default (what an unchosen track reports)', () => {
    const devices = [
      { kind: 'audioinput', deviceId: 'default', label: 'Default - USB mic' },
      { kind: 'audioinput', deviceId: 'communications', label: 'Communications - USB mic' },
      { kind: 'audioinput', deviceId: 'usb', label: 'USB mic' },
      { kind: 'videoinput', deviceId: 'cam', label: 'FaceTime HD' },
      { kind: 'audiooutput', deviceId: 'spk', label: 'Speakers' },
    ];
    expect(devicesOfKind(devices, 'audioinput')).toEqual([
      { deviceId: 'default', label: 'Default - USB mic' },
      { deviceId: 'usb', label: 'USB mic' },
    ]);
    expect(devicesOfKind(devices, 'videoinput')).toEqual([{ deviceId: 'cam', label: 'FaceTime HD' }]);
  });

  it('skips entries without an id (no permission yet) and repeated ids', () => {
    const devices = [
      { kind: 'audioinput', deviceId: '', label: '' },
      { kind: 'audioinput', deviceId: 'communications', label: '' },
      { kind: 'videoinput', deviceId: 'cam', label: '' },
      { kind: 'videoinput', deviceId: 'cam', label: '' },
    ];
    expect(devicesOfKind(devices, 'audioinput')).toEqual([{ deviceId: 'communications', label: '' }]);
    expect(devicesOfKind(devices, 'videoinput')).toEqual([{ deviceId: 'cam', label: '' }]);
  });
});

describe('chooseDevice', () => {
  const options = [
    { deviceId: 'a', label: 'A' },
    { deviceId: 'b', label: 'B' },
  ];
  it('prefers the remembered device, then the one in use, then the first', () => {
    expect(chooseDevice(options, 'b', 'a')).toBe('b');
    expect(chooseDevice(options, 'unplugged', 'b')).toBe('b');
    expect(chooseDevice(options, null, null)).toBe('a');
    expect(chooseDevice([], 'b', null)).toBe('');
  });
});
