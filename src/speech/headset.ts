// Whether a headset is plugged into the terminal's jack, as the browser sees it: an audio output
// whose label says so. Labels are empty until the page may use media devices — the kiosk is granted
// the camera, so they are there (docs/speech.md says what a terminal's jack detection needs).

const HEADSET_LABEL = /head(phone|set)|earphone|наушник|гарнитур|құлаққап/iu;

export function isHeadsetLabel(label: string): boolean {
  return HEADSET_LABEL.test(label);
}

/** Calls `onChange` with whether a headset is plugged in, now and at each 'devicechange'; returns the stop. */
export function watchHeadset(onChange: (plugged: boolean) => void): () => void {
  const media = navigator.mediaDevices as MediaDevices | undefined;
  if (!media?.enumerateDevices) return () => {};
  let stopped = false;
  const check = () => {
    media
      .enumerateDevices()
      .then((devices) => {
        if (!stopped) onChange(devices.some((d) => d.kind === 'audiooutput' && isHeadsetLabel(d.label)));
      })
      .catch(() => {
        if (!stopped) onChange(false);
      });
  };
  check();
  media.addEventListener('devicechange', check);
  return () => {
    stopped = true;
    media.removeEventListener('devicechange', check);
  };
}
