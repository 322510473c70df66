// A calculator's inputs from a shared link (docs/assets/javascripts/calculators/url-inputs.js):
// node --test tests/js/. The hostile values the browser test used to load one page each
// for (tests/browser/test_hostile_input.py keeps a few end to end).
import { test } from "node:test";
import assert from "node:assert/strict";
import { typed } from "../../docs/assets/javascripts/calculators/url-inputs.js";

const INT = { type: "integer" }, NUM = { type: "number" }, BOOL = { type: "boolean" };
const LIST = { type: "list" }, TEXT = { type: "string" };
const NASTY = [
  "<script>window.__pwned=1</script>", '"><img src=x onerror="window.__pwned=1">', "javascript:alert(1)",
  "1e309", "-0x1", "NaN", "Infinity", "0x10", "１２", "", "x".repeat(5000), "\u0000\uffff", "{{7*7}}",
  "__proto__", "[1,2]", '{"a":1}', "9".repeat(400), " 12", "12 ", "1,000", "+5",
];

test("numbers: decimals become numbers, everything else stays as typed", () => {
  assert.equal(typed(INT, "12"), 12);
  assert.equal(typed(INT, "-3"), -3);
  assert.equal(typed(NUM, "5.5"), 5.5);
  assert.equal(typed(INT, "5.5"), 5.5, "the contract says it must be whole");
  assert.ok(Object.is(typed(INT, "-0"), -0));
  for (const raw of NASTY) assert.equal(typed(INT, raw), raw, JSON.stringify(raw.slice(0, 20)));
});

test("booleans: true/1/on and false/0; anything else for the contract to refuse", () => {
  for (const raw of ["true", "1", "on"]) assert.equal(typed(BOOL, raw), true);
  for (const raw of ["false", "0"]) assert.equal(typed(BOOL, raw), false);
  for (const raw of ["TRUE", "yes", "", "2", ...NASTY]) assert.equal(typed(BOOL, raw), raw);
});

test("lists are JSON; what is not JSON stays text", () => {
  assert.deepEqual(typed(LIST, '[{"outlets":["红网手机报"],"month":"2027-01"}]'),
                   [{ outlets: ["红网手机报"], month: "2027-01" }]);
  assert.deepEqual(typed(LIST, '{"a":1}'), { a: 1 }, "the contract refuses a non-list");
  for (const raw of ["[1,", "<b>", "", "x".repeat(5000)]) assert.equal(typed(LIST, raw), raw);
  // JSON.parse makes plain data: "__proto__" is an own key, not the prototype.
  const hostile = typed(LIST, '[{"__proto__":{"polluted":1}}]');
  assert.equal({}.polluted, undefined);
  assert.equal(Object.getPrototypeOf(hostile[0]), Object.prototype);
});

test("text fields and unknown fields keep the raw value", () => {
  for (const raw of NASTY) {
    assert.equal(typed(TEXT, raw), raw);
    assert.equal(typed(undefined, raw), raw);
  }
});

test("never throws, and a number only when finite (random strings)", () => {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const alphabet = "0123456789-.eE+x <>\"'&/=;:(){}[]%abc中１\u0000";
  for (let i = 0; i < 3000; i++) {
    const raw = Array.from({ length: Math.floor(rand() * 30) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
    for (const spec of [INT, NUM, BOOL, LIST, TEXT]) {
      const v = typed(spec, raw);
      if (typeof v === "number") assert.ok(Number.isFinite(v) && /^-?\d+(\.\d+)?$/.test(raw), raw);
      else if (typeof v !== "boolean" && spec !== LIST) assert.equal(v, raw);
    }
  }
});
