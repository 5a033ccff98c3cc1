import SignaturePad from 'signature_pad';

/**
 * The touchscreen as the signature pad: signature_pad on a canvas sized in device pixels, so the
 * strokes stay sharp on the kiosk's screen. The signature step and technician mode's self-test
 * draw on the same pad.
 */
export function openTouchPad(canvas: HTMLCanvasElement): SignaturePad {
  const ratio = Math.max(window.devicePixelRatio || 1, 1);
  canvas.width = canvas.offsetWidth * ratio;
  canvas.height = canvas.offsetHeight * ratio;
  canvas.getContext('2d')?.scale(ratio, ratio);
  return new SignaturePad(canvas, { penColor: '#0a1a3a', minWidth: 1.5, maxWidth: 4 });
}
