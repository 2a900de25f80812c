/** The shared plan of an attempt: schema, pure accessors and mutations, defaults, JSON. */
export * from './schema';
export * from './order';
export * from './lists';
export * from './singletons';
export * from './scope';
export * from './defaults';
export * from './text-diff';
export * from './to-json';
