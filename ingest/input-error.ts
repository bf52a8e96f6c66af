// The error for an input that cannot be read or listed at all (missing file, HTTP 404, retries
// exhausted, an empty selection). Its own file so that planning (plan-inputs.ts), which runs in
// the coordinator, does not load the reader and the extractor with it.

export class InputError extends Error {
  override name = 'InputError';
}
