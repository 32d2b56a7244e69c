import type { FastifyReply } from 'fastify';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors.js';

/**
 * The error answers of Tracehound's JSON APIs (the findings API under /api/v1 and the verdict API): a body
 * `{ code, message }` with the catalogue's status. Both route sets answer through these helpers, so each code an API
 * answers is spelled here once; the OpenAPI document lists them from API_ERROR_CODES. (The OTLP receivers answer in
 * their own protocol: google.rpc.Status bodies, otlp/responses.ts.)
 */

/** Every code a JSON API answers, in the order the OpenAPI document lists them. */
export const API_ERROR_CODES = [
  'TH_BAD_REQUEST',
  'TH_INVALID_CURSOR',
  'TH_UNAUTHORIZED',
  'TH_NOT_FOUND',
  'TH_REVIEW_CONFLICT',
  'TH_BODY_TOO_LARGE',
  'TH_UNSUPPORTED_MEDIA_TYPE',
  'TH_API_INTERNAL',
  'TH_STORE_DISABLED',
] as const satisfies readonly ErrorCode[];

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The codes of API_ERROR_CODES answered with an HTTP status. */
export function apiCodesWithStatus(status: number): ApiErrorCode[] {
  return API_ERROR_CODES.filter((c) => ERROR_CATALOGUE[c].status === status);
}

function send(reply: FastifyReply, code: ApiErrorCode, detail?: string, status?: number): FastifyReply {
  const base = ERROR_CATALOGUE[code].message;
  return reply
    .code(status ?? ERROR_CATALOGUE[code].status)
    .send({ code, message: detail ? `${base}: ${detail}` : base });
}

/** 401 with a Bearer challenge. */
export const unauthorized = (reply: FastifyReply): FastifyReply =>
  send(reply.header('www-authenticate', 'Bearer'), 'TH_UNAUTHORIZED');

export const notFound = (reply: FastifyReply, detail?: string): FastifyReply => send(reply, 'TH_NOT_FOUND', detail);

export const badRequest = (reply: FastifyReply, detail: string): FastifyReply => send(reply, 'TH_BAD_REQUEST', detail);

export const invalidCursor = (reply: FastifyReply): FastifyReply => send(reply, 'TH_INVALID_CURSOR');

export const storeDisabled = (reply: FastifyReply, detail?: string): FastifyReply =>
  send(reply, 'TH_STORE_DISABLED', detail);

/** A review or suppression the review loop refused: 400 for a malformed one, otherwise a conflict (409). */
export const reviewRefused = (reply: FastifyReply, status: number, detail: string): FastifyReply =>
  status === 400 ? badRequest(reply, detail) : send(reply, 'TH_REVIEW_CONFLICT', detail, status);

/**
 * The fastify error handler of a JSON API: schema validation and other client errors 400, oversized bodies 413,
 * other content types 415, anything else 500 (the handler failed; the detail never carries its message).
 */
export function answerApiError(
  reply: FastifyReply,
  err: { statusCode?: number; validation?: unknown; message: string },
): FastifyReply {
  if (err.validation) return badRequest(reply, err.message);
  if (err.statusCode === 413) return send(reply, 'TH_BODY_TOO_LARGE');
  if (err.statusCode === 415) return send(reply, 'TH_UNSUPPORTED_MEDIA_TYPE', 'use application/json');
  if (err.statusCode && err.statusCode < 500) return badRequest(reply, err.message);
  return send(reply, 'TH_API_INTERNAL', 'internal error');
}
