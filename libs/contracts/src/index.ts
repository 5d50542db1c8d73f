export * from './events';
export * from './principal';
export * from './roles';
export * from './catalogue';
export * from './milestones';
export * from './demand-lifecycle';
