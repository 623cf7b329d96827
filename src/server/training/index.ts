export { createTypeTrainer, REVIEW_WEIGHT, type TypeTrainer } from './trainer.ts';
export { createReviewLearning, type ReviewLearning } from './learning.ts';
