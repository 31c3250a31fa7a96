export * from './vocabulary';
export * from './transitions';
export * from './money';
export * from './dates';
export * from './milestones';
export * from './business-id';
export * from './permissions';
