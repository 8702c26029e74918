// Requests as files: REST Client's .http syntax with TC3 as an auth form, environments and chaining. Part of @iot-
// devkit/core's public surface (core/src/index.ts).
export type {
  HttpFile,
  HttpFileHeader,
  HttpFileProblem,
  HttpFileRequest,
  HttpFileVariable,
  Placeholder,
  PlaceholderKind,
  ResponsePlaceholder,
  SourcePosition,
  Template,
  TemplatePart,
} from './HttpFile.js';
export { HTTP_METHODS, parseHttpFile } from './parseHttpFile.js';
export { parseTemplate, REQUEST_NAME, SYSTEM_VARIABLES, VARIABLE_NAME } from './parseTemplate.js';
export { MAX_JSON_PATH_STEPS, parseJsonPath, readJsonPath, type JsonPath, type JsonPathRead } from './readJsonPath.js';
export { isSecretEnvName, MAX_RESOLVED_LENGTH, MAX_VARIABLE_DEPTH, TemplateResolver, type Resolution, type TemplateScope } from './resolveTemplate.js';
export { parseEnvironments, SHARED_ENVIRONMENT, type EnvironmentsRead, type HttpEnvironments } from './parseEnvironments.js';
export { readTc3AuthForm, type Tc3AuthForm } from './readTc3AuthForm.js';
export { ENVIRONMENT_FILES, findEnvironments, MAX_FOLDERS_UP, type FoundEnvironments, type ReadTextFile } from './findEnvironments.js';
export {
  prepareHttpFileRequest,
  type CredentialsResolver,
  type OutgoingRequest,
  type Preparation,
  type PrepareOptions,
  type PreparedRequest,
} from './prepareHttpFileRequest.js';
export { requestTemplates, selectHttpFileRequests, type RequestChoice, type RequestSelection } from './selectHttpFileRequests.js';
export { runHttpFile, type HttpFileRun, type HttpFileRunEvent, type HttpFileRunOptions, type HttpFileTransport, type RequestOutcome } from './runHttpFile.js';
// Editing .http files (issue 16): the catalog's checks and completions, and a call written as a request of a file
export { checkHttpFileRequest, type HttpFileCheck, type HttpFileCheckCode, type HttpFileCheckProblem } from './checkHttpFileRequest.js';
export { httpFileRequestTarget, loadCatalogOfRequest, type HttpFileRequestTarget } from './httpFileRequestTarget.js';
export { httpFileCompletionAt, type ActionCompletion, type HttpFileCompletion, type ParameterCompletion } from './httpFileCompletionAt.js';
export type { JsonKind } from './bodyFields.js';
export { MAX_BODY_DEPTH } from './scanJsonBody.js';
export { lineTemplateRange, requestAt } from './templatePositions.js';
export { formatHttpFileRequest, secretVariableName, type FormattedHttpFileRequest, type HttpFileRequestSource } from './formatHttpFileRequest.js';
