// Vitest's node environment, but with the kiosk's modules transformed for the browser (Vite's
// `client` environment). The Svelte plugin compiles *.svelte.ts for whichever environment asks:
// under the plain node environment it would emit server code, where $effect never runs, so the
// kiosk's rune classes would be tested as something they never are in the kiosk.
import { builtinEnvironments, type Environment } from 'vitest/runtime';

const kioskEnvironment: Environment = {
  ...builtinEnvironments.node,
  name: 'kiosk-node',
  viteEnvironment: 'client',
};

export default kioskEnvironment;
