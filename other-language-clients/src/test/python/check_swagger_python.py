"""Calls every operation of both APIs through the Python clients swagger-codegen 3 generates with default options.

usage: check_swagger_python.py PLAN_JSON BASE_URL

PLAN_JSON is the plan GeneratedPythonClientsTest writes from the specs: one call per operation, in lifecycle order,
with its path arguments by name and its body. Each call goes to the mock server at BASE_URL through the generated
API class; each read's models, written back by the client's own serializer, must equal the raw answer of the same
GET. That serializer leaves out a property whose value is None, so a null in the raw answer counts as absent.

The last line printed is a JSON summary; "failures" lists what went wrong.
"""
import json
import re
import sys
import urllib.request

import swagger_modelarts
import swagger_openyuanrong

PACKAGES = {"modelarts": swagger_modelarts, "openyuanrong": swagger_openyuanrong}


def snake(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def without_nulls(value):
    if isinstance(value, list):
        return [without_nulls(item) for item in value]
    if isinstance(value, dict):
        return {key: without_nulls(item) for key, item in value.items() if item is not None}
    return value


def count_times(value, counts):
    """Every ModelArts time (create_at, update_at) the client decoded is an int, as the spec types it."""
    if isinstance(value, list):
        for item in value:
            count_times(item, counts)
    elif hasattr(value, "swagger_types"):
        for attribute in value.swagger_types:
            item = getattr(value, attribute)
            if attribute in ("create_at", "update_at") and item is not None:
                counts["times"] += 1
                if not isinstance(item, int) or isinstance(item, bool):
                    counts["failures"].append(type(value).__name__ + "." + attribute + " decoded as " + repr(item))
            else:
                count_times(item, counts)


def main():
    plan_file, base_url = sys.argv[1:3]
    with open(plan_file, encoding="utf-8") as f:
        plan = json.load(f)
    counts = {"times": 0, "failures": []}
    operations = []
    compared = 0
    for call in plan:
        try:
            package = PACKAGES[call["api"]]
            configuration = package.Configuration()
            configuration.host = base_url
            client = package.ApiClient(configuration)
            api = getattr(package, call["apiClass"])(client)
            arguments = {snake(name): value for name, value in call["path"].items()}
            if "body" in call:
                arguments["body"] = call["body"]
            raw = None
            if call["read"]:
                with urllib.request.urlopen(call["url"], timeout=30) as answer:
                    raw = json.loads(answer.read())
            result = getattr(api, snake(call["operationId"]))(**arguments)
            if call["read"]:
                count_times(result, counts)
                read = client.sanitize_for_serialization(result)
                if json.dumps(read, sort_keys=True) != json.dumps(without_nulls(raw), sort_keys=True):
                    counts["failures"].append(call["operationId"] + ": read " + json.dumps(read, sort_keys=True)
                                              + ", raw " + json.dumps(raw, sort_keys=True))
                else:
                    compared += 1
            operations.append(call["operationId"])
        except Exception as e:  # noqa: BLE001 - every failure is reported, not raised
            counts["failures"].append(call["api"] + " " + call["operationId"] + ": " + type(e).__name__ + ": "
                                      + str(e).replace("\n", " ")[:500])
    print(json.dumps({"operations": operations, "compared": compared, "modelArtsTimes": counts["times"],
                      "failures": counts["failures"]}))


if __name__ == "__main__":
    main()
