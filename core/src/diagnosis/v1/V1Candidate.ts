import type { RequestUrl } from '../../signing/requestUrl.js';
import type { LocalizedText } from '../../signing/SigningStep.js';
import type { V1Algorithm } from '../../signing/v1/computeV1Signature.js';
import type { DiagnosisCauseId } from '../DiagnosisCause.js';
import type { V1WireParam } from './readV1Params.js';

/** A v1 request read for diagnosis. */
export interface V1Context {
  readonly method: 'GET' | 'POST';
  readonly url: RequestUrl;
  /** The Host header as sent (the URL's host when none). */
  readonly hostSent: string;
  /** The host the correct sign string uses. */
  readonly host: string;
  readonly path: string;
  /** Every parameter but Signature, in the order sent. */
  readonly params: readonly V1WireParam[];
  readonly algorithm: V1Algorithm;
  readonly signatureMethodSent: boolean;
  readonly secretKey: string;
  readonly suppliedSecretKey: string;
  readonly secretId: string | undefined;
  /** The correct request string (sorted, raw values). */
  readonly requestString: string;
}

export interface V1Variant {
  readonly stringToSign: string;
  readonly algorithm: V1Algorithm;
  readonly secretKey: string;
  readonly detail: LocalizedText;
}

export interface V1Candidate {
  readonly id: DiagnosisCauseId;
  variants(context: V1Context): Iterable<V1Variant>;
}
