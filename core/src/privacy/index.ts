/** Privacy: redaction, evidence snippets, HMAC hashing and content capture modes. Every detector builds evidence here. */
export { redactText, evidenceSnippet, sensitiveSpans, maskHighEntropyRuns, type MaskSpan } from './redact.js';
export { hmacText, HASH_PREFIX } from './hmac.js';
export {
  applyCaptureMode,
  applyCaptureToValue,
  isContentAttribute,
  CONTENT_ATTRIBUTE_KEYS,
  type CaptureMode,
} from './capture.js';
export { applyCaptureToEvent, applyCaptureToLogBody } from './capture-events.js';
export { findSecrets, SECRET_LABEL, type SecretKind, type SecretMatch } from './secret-formats.js';
export { findPii, scanPii, PII_LABEL, type PiiKind, type PiiMatch, type PiiOptions } from './pii-formats.js';
export { DEFAULT_IP_EXCLUDED, findIpAddresses, type IpRange, type IpMatch } from './ip-address.js';
export { DEFAULT_PHONE_REGIONS, findPhoneNumbers, isPhoneRegion, type PhoneMatch } from './phone-numbers.js';
export { findPersonNames, type NameMatch } from './person-names.js';
export { findStreetAddresses, type AddressMatch } from './street-addresses.js';
export { CAPTURE_EVENT_NAMES } from './capture-events.js';
export * from './validators.js';
