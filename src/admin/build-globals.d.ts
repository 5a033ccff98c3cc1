/** The kiosk's version from package.json, set at build by vite.config.ts (`define`); 'dev' when built without npm. */
declare const __APP_VERSION__: string;
