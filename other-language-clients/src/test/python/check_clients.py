"""Checks the Python clients generated from both specs (openapi-generator `python`, pydantic v2).

usage: check_clients.py BASE_URL CASES_JSON GUARDED_BASE_URL TOKEN

CASES_JSON holds {"examples": [...], "frontendJobs": [...]}: every documented example of both specs as
{"spec", "operationId", "status", "type", "value"} ("type" is the model the body decodes into, "List[Name]"
for arrays, or a primitive: "bool", "str"), and every frontend job shape. Each is decoded into the generated
models and written back, which must give the same JSON; every ModelArts time must come out as an int or a
str. Then every operation of both APIs is called on the mock server at BASE_URL, and the job list on the mock
server at GUARDED_BASE_URL, which wants the frontend's JWT: refused without it, read with TOKEN as the XAuth key.

The last line printed is a JSON summary; "failures" lists what went wrong.
"""
import json
import sys
import uuid

import modelarts_client
import modelarts_client.models as modelarts_models
import openyuanrong_client
import openyuanrong_client.models as openyuanrong_models
from modelarts_client.api.dev_server_jobs_api import DevServerJobsApi
from openyuanrong_client.api.jobs_api import JobsApi
from pydantic import BaseModel

MODELS = {"modelarts-devserver-jobs": modelarts_models, "openyuanrong-jobs": openyuanrong_models}
PRIMITIVES = {"bool": bool, "str": str}
failures = []
times = {"modelarts": 0}


def decode(models, type_name, value):
    if type_name.startswith("List["):
        if not isinstance(value, list):
            raise TypeError("expected a list, got " + type(value).__name__)
        return [decode(models, type_name[5:-1], item) for item in value]
    if type_name in PRIMITIVES:
        if not isinstance(value, PRIMITIVES[type_name]):
            raise TypeError("expected " + type_name + ", got " + type(value).__name__)
        return value
    return getattr(models, type_name).from_dict(value)


def encode(decoded):
    if isinstance(decoded, list):
        return [encode(item) for item in decoded]
    if isinstance(decoded, BaseModel):
        return decoded.to_dict()
    return decoded


def count_times(decoded, where):
    """Every ModelArts time (create_at, update_at) is a Python int the user can read, as the spec types it."""
    if isinstance(decoded, list):
        for item in decoded:
            count_times(item, where)
    elif isinstance(decoded, BaseModel):
        for name in type(decoded).model_fields:
            value = getattr(decoded, name)
            if name in ("create_at", "update_at") and type(decoded).__module__.startswith("modelarts_client"):
                if value is not None:
                    if not isinstance(value, int) or isinstance(value, bool):
                        failures.append(where + "." + name + ": a time decoded as " + repr(value))
                    times["modelarts"] += 1
            else:
                count_times(value, where + "." + name)


def check_round_trip(spec, type_name, value, where):
    try:
        decoded = decode(MODELS[spec], type_name, value)
        count_times(decoded, where)
        again = encode(decoded)
        if again != value:
            failures.append(where + ": written back as " + json.dumps(again, sort_keys=True)
                            + ", read " + json.dumps(value, sort_keys=True))
    except Exception as e:  # noqa: BLE001 - every failure is reported, not raised
        failures.append(where + ": " + type(e).__name__ + ": " + str(e).replace("\n", " ")[:500])


def expect(condition, what):
    if not condition:
        failures.append(what)


def call_modelarts(base_url, create_request):
    api = DevServerJobsApi(modelarts_client.ApiClient(modelarts_client.Configuration(host=base_url)))
    project = "my-project"
    page = api.list_dev_server_jobs(project_id=project, status="FINISHED")
    expect(isinstance(page.data[0].create_at, int), "listDevServerJobs: create_at is a number")
    templates = api.list_dev_server_job_templates(project_id=project)
    expect(len(templates.data) > 0, "listDevServerJobTemplates: templates")
    created = api.create_dev_server_job(project, modelarts_models.DevServerJobCreateRequest.from_dict(create_request))
    expect(created.status == "PROCESSING", "createDevServerJob: a new job is PROCESSING")
    shown = api.show_dev_server_job(project, created.id)
    expect(shown.id == created.id and isinstance(shown.create_at, int), "showDevServerJob: the created job")
    deleted = api.delete_dev_server_jobs(project, modelarts_models.ServerJobDeleteRequest(job_ids=[page.data[0].id]))
    expect([job.id for job in deleted.data] == [page.data[0].id], "deleteDevServerJobs: the finished job is deleted")
    template = api.show_dev_server_job_template(project, templates.data[0].id)
    expect(template.id == templates.data[0].id, "showDevServerJobTemplate: the listed template")
    service = api.show_dev_server_job_service(project, "6a1f3c2e-8d4b-4e7a-9c15-2f0b7d9e4a31")
    expect(service.status == "RUNNING" and len(service.instances) > 0, "showDevServerJobService: the documented service")
    return ["listDevServerJobs", "listDevServerJobTemplates", "createDevServerJob", "showDevServerJob", "deleteDevServerJobs",
            "showDevServerJobTemplate", "showDevServerJobService"]


def call_openyuanrong(base_url, submit_request):
    api = JobsApi(openyuanrong_client.ApiClient(openyuanrong_client.Configuration(host=base_url)))
    jobs = api.list_jobs()
    expect(len(jobs) > 0 and all(isinstance(job.start_time, str) for job in jobs), "listJobs: jobs with string times")
    request = dict(submit_request, submission_id="python-" + uuid.uuid4().hex[:8])
    submitted = api.submit_job(openyuanrong_models.JobSubmitRequest.from_dict(request))
    job = api.get_job(submitted.submission_id)
    expect(job.status == "RUNNING", "getJob: a submitted job is RUNNING")
    expect(api.stop_job(submitted.submission_id) is True, "stopJob: true")
    expect(api.delete_job(submitted.submission_id) is True, "deleteJob: true")
    return ["listJobs", "submitJob", "getJob", "stopJob", "deleteJob"]


def call_guarded_openyuanrong(guarded_url, token):
    refused = JobsApi(openyuanrong_client.ApiClient(openyuanrong_client.Configuration(host=guarded_url)))
    try:
        refused.list_jobs()
        failures.append("listJobs without a token: not refused")
    except openyuanrong_client.exceptions.UnauthorizedException as e:
        expect('"error"' in e.body, "listJobs without a token: the frontend's {\"error\": ...} body")
    configuration = openyuanrong_client.Configuration(host=guarded_url, api_key={"XAuth": token})
    jobs = JobsApi(openyuanrong_client.ApiClient(configuration)).list_jobs()
    expect(len(jobs) > 0, "listJobs with the token in X-Auth")
    return ["listJobs (token)"]


def main():
    base_url, cases_file, guarded_url, token = sys.argv[1:5]
    with open(cases_file, encoding="utf-8") as f:
        cases = json.load(f)
    for example in cases["examples"]:
        where = "{spec} {operationId} {status} {name}".format(**example)
        check_round_trip(example["spec"], example["type"], example["value"], where)
    for index, job in enumerate(cases["frontendJobs"]):
        check_round_trip("openyuanrong-jobs", "JobDetails", job, "frontend job shape " + str(index))
    check_round_trip("openyuanrong-jobs", "List[JobDetails]", cases["frontendJobs"], "all frontend job shapes in one list")
    requests = {e["operationId"]: e["value"] for e in cases["examples"] if e["status"] == "request"}
    operations = []
    for call in (lambda: call_modelarts(base_url, requests["createDevServerJob"]),
                 lambda: call_openyuanrong(base_url, requests["submitJob"]),
                 lambda: call_guarded_openyuanrong(guarded_url, token)):
        try:
            operations += call()
        except Exception as e:  # noqa: BLE001
            failures.append("calling the mock server: " + type(e).__name__ + ": " + str(e).replace("\n", " ")[:500])
    print(json.dumps({"examples": len(cases["examples"]), "frontendJobs": len(cases["frontendJobs"]),
                      "modelArtsTimes": times["modelarts"], "operations": operations, "failures": failures}))


if __name__ == "__main__":
    main()
