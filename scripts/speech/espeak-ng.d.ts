// The part of @echogarden/espeak-ng-emscripten the build uses (it ships no types).
declare module '@echogarden/espeak-ng-emscripten' {
  export interface ESpeakNGWorker {
    set_voice(voice: string): void;
    set_rate(rate: number): void;
    /** Called with each block of 22,050 Hz samples; returning true stops the synthesis. */
    synthesize(text: string, onAudio: (samples: Float32Array | undefined, events: unknown[]) => boolean | void): void;
    synthesize_ipa(text: string, asIpa: number): { code: number; ipa: string };
  }
  export interface ESpeakNGModule {
    eSpeakNGWorker: new () => ESpeakNGWorker;
  }
  export default function init(): Promise<ESpeakNGModule>;
}
