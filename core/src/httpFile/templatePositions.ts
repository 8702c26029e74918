// Offsets in a template's text ↔ positions in the file (1-based line and column, UTF-16 columns as editors count),
// for a multi-line template such as a body. The line starts are found once; each conversion is a binary search.
// Position arithmetic lives here, apart from the catalog readers (their `line` is a catalog field the VS Code build drops).
import type { HttpFile, HttpFileHeader, HttpFileRequest, SourcePosition, Template } from './HttpFile.js';

export interface TemplatePositions {
  positionAt(offset: number): SourcePosition;
  /** The offset of a position inside the template (clamped to its text), or undefined when the line is not in it. */
  offsetAt(position: SourcePosition): number | undefined;
}

export function templatePositions(template: Template): TemplatePositions {
  const starts = [0];
  for (let i = template.raw.indexOf('\n'); i !== -1; i = template.raw.indexOf('\n', i + 1)) starts.push(i + 1);
  const first = template.position;
  return {
    positionAt(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      const column = offset - starts[low]! + 1;
      return { line: first.line + low, column: low === 0 ? column + first.column - 1 : column };
    },
    offsetAt({ line, column }) {
      const index = line - first.line;
      if (index < 0 || index >= starts.length) return undefined;
      const lineEnd = index + 1 < starts.length ? starts[index + 1]! - 1 : template.raw.length;
      const inLine = index === 0 ? column - first.column : column - 1;
      return Math.max(starts[index]!, Math.min(lineEnd, starts[index]! + inLine));
    },
  };
}

/** Where a one-line template (a header's value) starts and ends. */
export function lineTemplateRange(template: Template): { readonly start: SourcePosition; readonly end: SourcePosition } {
  const { line, column } = template.position;
  return { start: template.position, end: { line, column: column + template.raw.length } };
}

/** The request whose block holds the position, and the header written on its line, if any. */
export function requestAt(file: HttpFile, { line }: SourcePosition): { request?: HttpFileRequest; header?: HttpFileHeader } {
  const request = file.requests.find((r) => r.startLine <= line && line <= r.endLine);
  const header = request?.headers.find((h) => h.position.line === line);
  return { ...(request ? { request } : {}), ...(header ? { header } : {}) };
}
