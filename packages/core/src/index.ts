export * from './doc.js';
export * from './stats.js';
export * from './logger.js';
export * from './options.js';
export * from './step.js';
