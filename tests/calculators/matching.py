"""The matching rule for cases.json (also described in its "about")."""

SUFFIX = "__contains"


def matches(expected, actual) -> bool:
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return False
        for key, value in expected.items():
            if key.endswith(SUFFIX):
                if not contains(value, actual.get(key[: -len(SUFFIX)])):
                    return False
            elif key not in actual or not matches(value, actual[key]):
                return False
        return True
    if isinstance(expected, list):
        return (isinstance(actual, list) and len(expected) == len(actual)
                and all(matches(e, a) for e, a in zip(expected, actual)))
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    return expected == actual


def contains(expected_items: list, actual) -> bool:
    if isinstance(actual, str):
        return all(item in actual for item in expected_items)
    if isinstance(actual, list):
        return all(any(matches(item, element) for element in actual) for item in expected_items)
    return False
