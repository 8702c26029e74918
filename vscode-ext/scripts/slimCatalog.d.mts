export declare const DROPPED_ARRAYS: readonly string[];
export declare const DROPPED_KEYS: readonly string[];
export declare function slimCatalog(): import('esbuild').Plugin;
