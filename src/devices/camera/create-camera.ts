import type { DeviceProfile } from '../profile';
import type { Camera } from './camera';
import { EmulatedCamera } from './emulated-camera';
import { ScreenLitCamera } from './screen-lit-camera';
import { UserMediaCamera } from './user-media-camera';

/**
 * The camera the profile names: the terminal's own, or the recorded citizen for a desktop without
 * one, whose face reflects the screen's light as a real one would (screen-lit-camera.ts). The test
 * profile lights any camera's picture so, as its citizens are synthetic (Chromium's fake capture
 * plays a clip in the e2e journeys), unless `screenLight=off` asks for the bare picture: a replay,
 * which the colour challenge must refuse. A terminal's real camera is never lit.
 */
export function createCamera(driver: DeviceProfile['camera'], search = ''): Camera {
  if (driver === 'emulated') return new ScreenLitCamera(new EmulatedCamera());
  const params = new URLSearchParams(search);
  const simulated = params.get('profile') === 'test' && params.get('screenLight') !== 'off';
  return simulated ? new ScreenLitCamera(new UserMediaCamera()) : new UserMediaCamera();
}
