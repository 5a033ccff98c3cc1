import type { DeviceProfile } from '../profile';
import type { Camera } from './camera';
import { EmulatedCamera } from './emulated-camera';
import { UserMediaCamera } from './user-media-camera';

/** The camera the profile names: the terminal's own, or the recorded citizen for a desktop without one. */
export function createCamera(driver: DeviceProfile['camera']): Camera {
  return driver === 'emulated' ? new EmulatedCamera() : new UserMediaCamera();
}
