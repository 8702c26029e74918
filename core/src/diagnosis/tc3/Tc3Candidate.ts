import type { CapturedHeader, CapturedRequest } from '../../capture/CapturedRequest.js';
import type { RequestUrl } from '../../signing/requestUrl.js';
import type { LocalizedText } from '../../signing/SigningStep.js';
import type { DiagnosisCauseId } from '../DiagnosisCause.js';
import type { Tc3Authorization } from '../readTc3Authorization.js';
import type { Tc3Parts } from './signTc3Parts.js';

/** A TC3 request read for diagnosis: what was sent, what its Authorization claims, and the parts of the right signing. */
export interface Tc3Context {
  readonly request: CapturedRequest;
  readonly method: string;
  readonly url: RequestUrl;
  /** The headers a signer sees: those sent, in order, plus Host from the URL when none was sent. */
  readonly headers: readonly CapturedHeader[];
  readonly authorization: Tc3Authorization;
  /** SignedHeaders of the Authorization, lowercased, deduplicated, sorted; may name headers that were not sent. */
  readonly signedHeaderNames: readonly string[];
  readonly timestamp: number;
  /** The SecretKey trimmed, as the correct signing uses it. */
  readonly secretKey: string;
  /** The SecretKey exactly as given to the diagnosis. */
  readonly suppliedSecretKey: string;
  /** The correct signing's parts, by the doc's rules. */
  readonly expected: Tc3Parts;
  /** The expected parts with the date and service the Authorization shows, so a visible mistake does not hide a second one. */
  readonly base: Tc3Parts;
}

/** One way a client could have signed: the parts it would have used, and what that means for this request. */
export interface Tc3Variant {
  readonly parts: Tc3Parts;
  readonly detail: LocalizedText;
}

/** A known mistake: every variant of it that could apply to this request. Pure; cheap to enumerate. */
export interface Tc3Candidate {
  readonly id: DiagnosisCauseId;
  variants(context: Tc3Context): Iterable<Tc3Variant>;
}
