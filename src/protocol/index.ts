export * from './common';
export * from './citizens';
export * from './phone';
export * from './identify';
export * from './payments';
export * from './liveness';
export * from './photo-quality';
export * from './packets';
