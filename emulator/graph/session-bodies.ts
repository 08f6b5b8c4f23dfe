import { invalidRequest } from '../http/errors';
import { contextDataType, sessionType } from './shapes';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields of the pre-June-2026 beta body, which the current beta and v1.0 no longer accept. */
const legacyFields = ['source', 'type'];
const legacyDataFields = ['accessReviewId', 'accessReviewInstanceId'];

/**
 * The create body of v1.0 and the current beta: the derived @odata.type (the base type is abstract) and
 * accessReviewContextData with both ids. Each problem is named in the 400.
 */
export function validateCreateBody(body: unknown): { reviewDefinitionId: string; reviewInstanceId: string } {
  if (!isObject(body)) throw invalidRequest('The request body must be a JSON object.');
  const data = body.data;
  const legacy = legacyFields.some((f) => f in body) || (isObject(data) && legacyDataFields.some((f) => f in data));
  if (legacy) {
    throw invalidRequest(
      `The request body uses the legacy beta shape (source, type, data.accessReviewId, data.accessReviewInstanceId), which was replaced in June 2026. Send {"@odata.type": "${sessionType}", "data": {"@odata.type": "${contextDataType}", "reviewDefinitionId": "…", "reviewInstanceId": "…"}}.`,
    );
  }
  const type = body['@odata.type'];
  if (type === undefined) {
    throw invalidRequest(`'@odata.type' is required: customDataProvidedResourceUploadSession is abstract, so send '${sessionType}'.`);
  }
  if (type !== sessionType) throw invalidRequest(`'@odata.type' must be '${sessionType}', not '${String(type)}'.`);
  for (const key of Object.keys(body)) {
    if (key !== '@odata.type' && key !== 'data') throw invalidRequest(`Property '${key}' cannot be set when creating an upload session; send only '@odata.type' and 'data'.`);
  }
  if (data === undefined || data === null) throw invalidRequest("Property 'data' is required.");
  if (!isObject(data)) throw invalidRequest("Property 'data' must be an object.");
  if (data['@odata.type'] === undefined) throw invalidRequest(`'data.@odata.type' is required: send '${contextDataType}'.`);
  if (data['@odata.type'] !== contextDataType) {
    throw invalidRequest(`'data.@odata.type' must be '${contextDataType}', not '${String(data['@odata.type'])}'.`);
  }
  const ids: Record<string, string> = {};
  for (const name of ['reviewDefinitionId', 'reviewInstanceId']) {
    const value = data[name];
    if (value === undefined || value === null || value === '') throw invalidRequest(`Property 'data.${name}' is required.`);
    if (typeof value !== 'string') throw invalidRequest(`Property 'data.${name}' must be a string.`);
    ids[name] = value;
  }
  for (const key of Object.keys(data)) {
    if (!['@odata.type', 'reviewDefinitionId', 'reviewInstanceId'].includes(key)) {
      throw invalidRequest(`Property 'data.${key}' does not exist on accessReviewContextData.`);
    }
  }
  return { reviewDefinitionId: ids.reviewDefinitionId ?? '', reviewInstanceId: ids.reviewInstanceId ?? '' };
}

/** The only update Graph allows. */
export function validatePatchBody(body: unknown): void {
  const keys = isObject(body) ? Object.keys(body) : [];
  if (!isObject(body) || keys.length !== 1 || keys[0] !== 'isUploadDone' || body.isUploadDone !== true) {
    throw invalidRequest('The only allowed update of an upload session is {"isUploadDone": true}.');
  }
}
