/**
 * Sizes the canvas's bitmap in device pixels and scales its context back to CSS pixels, so strokes
 * stay sharp on the kiosk's screen while every driver draws and reports in CSS pixels.
 */
export function fitCanvasToScreen(canvas: HTMLCanvasElement): { width: number; height: number } {
  // globalThis: the window in the kiosk, nothing (1) in a unit test.
  const ratio = Math.max((globalThis as { devicePixelRatio?: number }).devicePixelRatio || 1, 1);
  const width = canvas.offsetWidth;
  const height = canvas.offsetHeight;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  canvas.getContext('2d')?.scale(ratio, ratio);
  return { width, height };
}

/** The canvas as the session keeps a PNG: base64 without the data-URL prefix. */
export function canvasPng(canvas: HTMLCanvasElement): string {
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
