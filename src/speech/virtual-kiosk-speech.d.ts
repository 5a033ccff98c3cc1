// The clips' manifest, made by the build (scripts/speech/vite-plugin.ts): per language, each clip's key → its file.
declare module 'virtual:kiosk-speech' {
  const manifest: import('./message-parts').SpeechManifest;
  export default manifest;
}
