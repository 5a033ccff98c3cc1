// The speech in the kiosk's build: makes the clips (make-speech.ts) when the build or the dev server
// starts, emits them as speech/<lang>/<hash>.mp3 (precached by the service worker, vite.config.ts),
// and gives the kiosk their manifest as `virtual:kiosk-speech` (src/speech/virtual-kiosk-speech.d.ts).
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { makeSpeech, type MadeSpeech } from './make-speech';

const VIRTUAL = 'virtual:kiosk-speech';
const RESOLVED = `\0${VIRTUAL}`;

export function kioskSpeech(): Plugin {
  let root = process.cwd();
  let made: Promise<MadeSpeech> | null = null;
  const speech = () => (made ??= makeSpeech(root));
  return {
    name: 'kiosk-speech',
    configResolved(config) {
      root = config.root;
    },
    async buildStart() {
      const { files } = await speech();
      if (this.environment.mode !== 'build' || this.environment.name !== 'client') return;
      for (const [fileName, path] of files) this.emitFile({ type: 'asset', fileName, source: readFileSync(path) });
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      const { manifest } = await speech();
      return `export default ${JSON.stringify(manifest)};`;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const file = request.url?.split('?')[0]?.replace(/^\//, '') ?? '';
        if (!file.startsWith('speech/')) return next();
        speech()
          .then(({ files }) => {
            const path = files.get(file);
            if (!path) return next();
            response.setHeader('Content-Type', 'audio/mpeg');
            response.end(readFileSync(path));
          })
          .catch(next);
      });
    },
  };
}
