export * from './errors';
export * from './events';
export * from './flow-api';
export * from './messages';
export * from './money';
export * from './token';
export * from './results';
