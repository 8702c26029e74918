export declare const DROPPED_ARRAYS: readonly string[];
export declare const DROPPED_KEYS: readonly string[];
export declare const SECRET_ONLY_ARRAYS: readonly string[];
export declare function slimCatalogText(path: string): string;
/** Each data folder of the core (`source`, from the repository root), where it lands under dist/ and the text shipped. */
export declare const DATA_FILES: readonly {
  readonly filter: RegExp;
  readonly folder: string;
  readonly source: string;
  readonly text: (path: string) => string;
}[];
export declare function jsonDataFiles(dist: string): import('esbuild').Plugin;
