import { describe, expect, it } from 'vitest';
import { cameraErrorCode } from './camera';

const named = (name: string) => Object.assign(new Error('x'), { name });

describe('cameraErrorCode', () => {
  it('maps a refused permission to camera_denied', () => {
    expect(cameraErrorCode(named('NotAllowedError'))).toBe('camera_denied');
    expect(cameraErrorCode(named('SecurityError'))).toBe('camera_denied');
  });

  it('maps an absent device to camera_missing', () => {
    expect(cameraErrorCode(named('NotFoundError'))).toBe('camera_missing');
    expect(cameraErrorCode(named('OverconstrainedError'))).toBe('camera_missing');
  });

  it('maps anything else, such as a camera held by another program, to camera_failed', () => {
    expect(cameraErrorCode(named('NotReadableError'))).toBe('camera_failed');
    expect(cameraErrorCode('weird')).toBe('camera_failed');
  });
});
