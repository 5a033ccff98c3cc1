/** The kiosk's version as built (vite.config.ts `define`); 'dev' where nothing defined it (vitest). */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
