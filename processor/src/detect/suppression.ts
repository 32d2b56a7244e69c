import { Type, type Static } from '@sinclair/typebox';

/**
 * The suppression shape, defined once: the configuration file (detection.suppressions), the verdict/suppression API
 * and the analysts' suppressions file all validate against this schema, and the TypeScript type is derived from it.
 * Strings are bounded because two of the three sources are untrusted.
 */

const MAX_TEXT = 1024;
const text = (description: string) => Type.String({ minLength: 1, maxLength: MAX_TEXT, description });

export const SuppressionMatchSchema = Type.Object(
  {
    service: Type.Optional(text('service.name of the span.')),
    user: Type.Optional(text('End-user id.')),
    session: Type.Optional(text('Session id.')),
    model: Type.Optional(text('Model name.')),
    tool: Type.Optional(text('Tool name.')),
    evidenceContains: Type.Optional(text('Substring of the (redacted) evidence.')),
  },
  {
    additionalProperties: false,
    description: 'All given fields must equal the finding context for it to be suppressed.',
  },
);

export const SuppressionSchema = Type.Object(
  {
    id: Type.String({
      pattern: '^[A-Za-z0-9_.:-]{1,128}$',
      description: 'Unique id of the suppression (shows in audit trails): 1-128 of A-Z a-z 0-9 _ . : -',
    }),
    rule: Type.String({
      pattern: '^(\\*|[A-Za-z0-9_.-]{1,64})$',
      description: "Rule id it applies to (a catalogued id, e.g. TH-INJ-001), or '*'.",
    }),
    reason: text('Why the finding is a false positive.'),
    expires: Type.String({
      format: 'date-time',
      description: 'ISO-8601 time with offset after which it stops applying.',
    }),
    match: Type.Optional(SuppressionMatchSchema),
  },
  { additionalProperties: false, description: "An analyst's suppression of a known false positive." },
);

/** An analyst's suppression: stop a known false positive from alerting, with a reason and an expiry. */
export type Suppression = Static<typeof SuppressionSchema>;
