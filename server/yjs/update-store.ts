/** Moved to lib/history so that record routes (staging an attempt) can append too. */
export { UpdateStore } from '../../lib/history/update-store';
