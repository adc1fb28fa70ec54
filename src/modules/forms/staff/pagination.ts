// Pagination lives in the platform so every staff list pages the same way.
export { pagination, showing } from '../../../platform/http/pagination.ts';
