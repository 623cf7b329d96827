export { createFence } from './fence.ts';
export type { Fence } from './fence.ts';
export { createBudget } from './budget.ts';
export type { Budget } from './budget.ts';
export { createKeyedSemaphores, createSemaphore } from './semaphore.ts';
export type { Release, Semaphore } from './semaphore.ts';
export type { BudgetOptions } from './budget.ts';
export { isBudgetRefusal } from './budget-refusal.ts';
