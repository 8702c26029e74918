import { DEFAULT_JSON_MAX_DEPTH } from '../encoding/parseJsonBounded.js';

/**
 * The deepest parameter nesting read from a body, a query or JSON inside a parameter (TopicRulePayload.Actions),
 * checked before anything recurses over it (type checks, validation, the data file's formatting). The catalog's
 * deepest structure is a few levels; a value nested deeper is never a real call, and stored it would poison every
 * later read and save.
 */
export const API_PARAMS_MAX_DEPTH = DEFAULT_JSON_MAX_DEPTH;
