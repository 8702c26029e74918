import { checkHttpFileRequest, loadCatalogOfRequest, parseHttpFile, type HttpFileCheckProblem } from '@iot-devkit/core';

/** A `.http` document's problems as the editor shows them: the file's syntax problems, then each request's catalog check. */
export type HttpDocumentProblem = Pick<HttpFileCheckProblem, 'message' | 'severity' | 'start' | 'end'> & { readonly code: string };

/**
 * Checks a document's text. Each request's service catalog is loaded first (once per service), so a
 * catalog not loaded yet is never taken for an unknown action or parameter.
 */
export async function checkHttpDocument(text: string): Promise<HttpDocumentProblem[]> {
  const file = parseHttpFile(text);
  const problems: HttpDocumentProblem[] = file.problems.map((p) => ({
    code: 'syntax',
    severity: 'error',
    message: p.message,
    start: { line: p.line, column: p.column },
    end: { line: p.line, column: p.column + 1 },
  }));
  for (const request of file.requests) {
    await loadCatalogOfRequest(request);
    problems.push(...checkHttpFileRequest(request).problems);
  }
  return problems;
}
