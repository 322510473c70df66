// A calculator's inputs as they arrive in a shared link (?members=12&present=8): pure,
// unit-tested with `node --test tests/js/` (tests/js/url-inputs.test.mjs).

/**
 * A query-string value for the contract, as typed as it can be: "12" → 12 for a number
 * field (a finite decimal only: not "1e3", "0x10", "１２" or "NaN"), "true"/"1"/"on" → true for a boolean, JSON for a list. Anything else stays the
 * raw string, so that the contract answers with its own field error, never this code.
 * spec: the field's schema ({type}); undefined (an unknown field) keeps the raw value.
 */
export function typed(spec, raw) {
  if (!spec) return raw;
  if (spec.type === "integer" || spec.type === "number") {
    // (400 digits would be Infinity, which JSON sends as null: "missing", a wrong message)
    return /^-?\d+(\.\d+)?$/.test(raw) && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  }
  if (spec.type === "boolean") {
    if (raw === "true" || raw === "1" || raw === "on") return true;
    if (raw === "false" || raw === "0") return false;
    return raw;
  }
  if (spec.type === "list") {
    try { return JSON.parse(raw); } catch (e) { return raw; }
  }
  return raw;
}
