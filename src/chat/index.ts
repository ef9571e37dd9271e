export * from './types.ts';
export * from './conversation-ref.ts';
