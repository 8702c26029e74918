// A `.http` / `.rest` file as REST Client (Huachao/vscode-restclient) reads it, with a position on every element so
// an editor can put a CodeLens above a request and a squiggle under a placeholder. Plain data, built by parseHttpFile.

/** 1-based line and column (columns count UTF-16 code units, as editors' APIs do). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Something the file gets wrong, where, and what is expected there. */
export interface HttpFileProblem extends SourcePosition {
  readonly message: string;
}

/** What a `{{…}}` asks for. */
export type PlaceholderKind =
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'processEnv'; readonly name: string }
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'guid' }
  | { readonly kind: 'randomInt'; readonly min: number; readonly max: number }
  /** `{{$shared name}}`: only inside an environments file. */
  | { readonly kind: 'shared'; readonly name: string }
  | { readonly kind: 'responseBody'; readonly request: string; readonly path: readonly (string | number)[] }
  | { readonly kind: 'responseHeader'; readonly request: string; readonly header: string };

/** One `{{…}}` as written, with the position of its opening braces. */
export type Placeholder = SourcePosition & { readonly text: string } & PlaceholderKind;

/** A request variable: a value from an earlier named request's response. */
export type ResponsePlaceholder = Extract<Placeholder, { readonly kind: 'responseBody' | 'responseHeader' }>;

/** A piece of text as written: literal parts and placeholders, in order. */
export type TemplatePart = string | Placeholder;

export interface Template {
  /** The text as written, placeholders unresolved. */
  readonly raw: string;
  readonly parts: readonly TemplatePart[];
  readonly position: SourcePosition;
}

/** `@name = value`: file scope, usable by every request of the file (REST Client's file variables). */
export interface HttpFileVariable {
  readonly name: string;
  readonly value: Template;
  readonly position: SourcePosition;
}

export interface HttpFileHeader {
  readonly name: string;
  readonly value: Template;
  readonly position: SourcePosition;
}

export interface HttpFileRequest {
  /** 0-based index among the file's requests. */
  readonly index: number;
  /** `# @name NAME`: how later requests refer to its response. */
  readonly name?: string;
  readonly namePosition?: SourcePosition;
  /** The text after the `###` that opens the block, if any (REST Client treats it as a comment). */
  readonly title?: string;
  readonly method: string;
  /** The URL with REST Client's continuation lines (`?a=1`, `&b=2` under the request line) joined. */
  readonly url: Template;
  /** The request line: where a CodeLens goes. */
  readonly position: SourcePosition;
  readonly headers: readonly HttpFileHeader[];
  /** Everything after the blank line that ends the headers, up to the next `###`, trailing blank lines dropped. */
  readonly body?: Template;
  /** The block's lines, first (its `###` or the file's first line) to last. */
  readonly startLine: number;
  readonly endLine: number;
}

export interface HttpFile {
  readonly variables: readonly HttpFileVariable[];
  readonly requests: readonly HttpFileRequest[];
  /** Empty when the file is well formed; a caller runs nothing while there are problems. */
  readonly problems: readonly HttpFileProblem[];
}
