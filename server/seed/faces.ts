/** A registry photo and its face descriptor; the real ones come from server/face/registry-faces.ts. */
export interface RegistryFace {
  faceId: string;
  jpeg: Uint8Array;
  descriptor: number[];
}

/** Where seeding takes the registry photos from: the real face cutter, or synthetic ones in route tests. */
export type FaceSource = () => Promise<RegistryFace[]>;

// Imported on demand: the face stack (tfjs, models) costs seconds to load, and route tests never need it.
export const loadRealRegistryFaces: FaceSource = async () => {
  const { loadRegistryFaces } = await import('../face/registry-faces');
  return loadRegistryFaces();
};
