/**
 * A kiosk is not a browser: no text selection, no context menu, no pinch or ctrl+wheel zoom,
 * no drag and drop, no link or shortcut that leaves the app. Chrome's kiosk policies do the rest
 * (docs/deployment.md). Returns the function that lifts the lock (for tests and technician mode).
 */
export function lockDown(doc: Document = document): () => void {
  const win = doc.defaultView ?? window;
  const prevent = (event: Event) => event.preventDefault();
  const listeners: Array<[EventTarget, string, EventListener, AddEventListenerOptions]> = [];
  const on = (target: EventTarget, type: string, fn: EventListener, options: AddEventListenerOptions = {}) => {
    target.addEventListener(type, fn, { ...options, capture: true });
    listeners.push([target, type, fn, { ...options, capture: true }]);
  };

  on(doc, 'contextmenu', prevent);
  on(doc, 'selectstart', prevent);
  on(doc, 'dragstart', prevent);
  on(doc, 'drop', prevent);
  on(doc, 'gesturestart', prevent);
  on(doc, 'touchmove', ((event: TouchEvent) => event.touches.length > 1 && event.preventDefault()) as EventListener, {
    passive: false,
  });
  on(win, 'wheel', ((event: WheelEvent) => event.ctrlKey && event.preventDefault()) as EventListener, { passive: false });
  on(doc, 'keydown', ((event: KeyboardEvent) => {
    const zoomOrNavigate = (event.ctrlKey || event.metaKey) && /^[-+=0pso]$/i.test(event.key);
    const historyKey = event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight');
    if (zoomOrNavigate || historyKey || event.key === 'F5' || event.key === 'F12') event.preventDefault();
  }) as EventListener);
  on(doc, 'click', ((event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (link) event.preventDefault();
  }) as EventListener);

  return () => {
    for (const [target, type, fn, options] of listeners) target.removeEventListener(type, fn, options);
  };
}
