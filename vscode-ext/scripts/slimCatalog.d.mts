export declare const DROPPED_ARRAYS: readonly string[];
export declare const DROPPED_KEYS: readonly string[];
export declare const SECRET_ONLY_ARRAYS: readonly string[];
export declare function slimCatalogText(path: string): string;
export declare function slimCatalog(options?: { deflate?: boolean }): import('esbuild').Plugin;
