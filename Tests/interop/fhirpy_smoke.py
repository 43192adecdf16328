#!/usr/bin/env python3
"""Interop smoke test: a real third-party FHIR client (fhirpy) against a running Zorgbrug server.

Creates a Patient, reads it, updates it with If-Match (and checks that an update without If-Match or with a stale
one is refused), searches with _count=2 and follows the next links to the end, with fhirpy's sync and async
clients. Prints one "ok ..." line per check and exits 1 with a "FAIL: ..." line on the first mismatch.

Usage: fhirpy_smoke.py BASE_URL [--token TOKEN] [--ca-file CA.pem] [--expect-patient ID ...]
BASE_URL is the FHIR base (http://127.0.0.1:8080/fhir); the token may also come from $ZORGBRUG_TOKEN.
Run by Tests/ZorgbrugAPITests/InteropTests.swift with the venv that Tests/interop/ensure-venv makes.
"""

import argparse
import asyncio
import os
import ssl
import sys
import uuid

from fhirpy import AsyncFHIRClient, SyncFHIRClient
from fhirpy.base.exceptions import BaseFHIRError, MultipleResourcesFound, OperationOutcome

IDENTIFIER_SYSTEM = "urn:zorgbrug:interop:fhirpy"


class Mismatch(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Mismatch(message)


def ok(message):
    print(f"ok {message}", flush=True)


def error_code(exc):
    """The Zorgbrug catalog code of an OperationOutcome exception, or None."""
    resource = getattr(exc, "resource", None) or {}
    for issue in resource.get("issue", []):
        for coding in (issue.get("details") or {}).get("coding", []):
            return coding.get("code")
    return None


def walk_pages(client, first_bundle):
    """Follows Bundle.link[next] by hand; returns (ids in order, entries per page)."""
    ids, sizes = [], []
    bundle = first_bundle
    while True:
        check(bundle.get("resourceType") == "Bundle", f"a page is not a Bundle: {bundle.get('resourceType')}")
        check(bundle.get("type") == "searchset", f"a page is not a searchset: {bundle.get('type')}")
        entries = [e for e in bundle.get("entry", []) if (e.get("search") or {}).get("mode", "match") == "match"]
        sizes.append(len(entries))
        ids.extend(e["resource"]["id"] for e in entries)
        next_links = [link["url"] for link in bundle.get("link", []) if link.get("relation") == "next"]
        if not next_links:
            return ids, sizes
        check(len(sizes) < 1000, "more than 1000 pages: the next links do not end")
        bundle = client.execute(next_links[0], method="get")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("--token", default=os.environ.get("ZORGBRUG_TOKEN"))
    parser.add_argument("--ca-file")
    parser.add_argument("--expect-patient", action="append", default=[])
    args = parser.parse_args()
    check(args.token, "no bearer token: pass --token or set ZORGBRUG_TOKEN")

    base = args.base_url.rstrip("/")
    authorization = f"Bearer {args.token}"
    requests_config = {"verify": args.ca_file} if args.ca_file else {}
    aiohttp_config = {"ssl": ssl.create_default_context(cafile=args.ca_file)} if args.ca_file else {}
    client = SyncFHIRClient(base, authorization=authorization, requests_config=requests_config)

    # Capabilities, as a client library would discover them.
    metadata = client.execute("metadata", method="get")
    check(metadata.get("resourceType") == "CapabilityStatement", f"metadata: {metadata.get('resourceType')}")
    check(metadata.get("fhirVersion") == "4.0.1", f"fhirVersion {metadata.get('fhirVersion')}")
    ok(f"metadata fhirVersion={metadata['fhirVersion']}")

    # Create.
    run = uuid.uuid4().hex
    patient = client.resource(
        "Patient",
        identifier=[{"system": IDENTIFIER_SYSTEM, "value": run}],
        name=[{"family": "Pythonsma", "given": ["Fhir"]}],
        birthDate="1985-04-12",
    )
    patient.save()
    check(patient.id, "create returned no id")
    check(patient["meta"]["versionId"] == "1", f"create: versionId {patient['meta'].get('versionId')}")
    ok(f"create Patient/{patient.id} version 1")

    # Read, by reference and by client.get.
    read = client.reference("Patient", patient.id).to_resource()
    check(read["name"][0]["family"] == "Pythonsma", f"read: name {read.get('name')}")
    check(read["birthDate"] == "1985-04-12", f"read: birthDate {read.get('birthDate')}")
    check(read["identifier"][0]["value"] == run, "read: identifier lost")
    plain = client.get("Patient", patient.id)
    check(plain["id"] == patient.id, "client.get returned another resource")
    ok(f"read Patient/{patient.id}")

    # refresh() sends If-None-Match with the bare version id; an unchanged resource is not sent again (304).
    read.refresh()
    check(read["meta"]["versionId"] == "1", "refresh changed the version")
    ok("refresh with If-None-Match")

    # Update without If-Match: Zorgbrug requires it (428 if-match-required).
    read["gender"] = "female"
    try:
        read.save()
        raise Mismatch("update without If-Match was accepted")
    except OperationOutcome as exc:
        check(error_code(exc) == "if-match-required", f"update without If-Match: {error_code(exc)}")
    ok("update without If-Match refused (if-match-required)")

    # Update with If-Match: fhirpy has no If-Match option on save(), so a client with the header as extra header.
    def versioned_client(version):
        return SyncFHIRClient(
            base, authorization=authorization, requests_config=requests_config,
            extra_headers={"If-Match": f'W/"{version}"'})

    version = read["meta"]["versionId"]
    updated = versioned_client(version).resource("Patient", **read.serialize())
    updated.save()
    check(updated["meta"]["versionId"] == "2", f"update: versionId {updated['meta'].get('versionId')}")
    check(updated["gender"] == "female", "update: gender not saved")
    ok(f'update with If-Match W/"{version}" -> version 2')

    # A stale If-Match is a version conflict (412, which fhirpy reports as MultipleResourcesFound).
    stale = versioned_client(version).resource("Patient", **read.serialize())
    stale["gender"] = "male"
    try:
        stale.save()
        raise Mismatch("update with a stale If-Match was accepted")
    except (MultipleResourcesFound, OperationOutcome):
        pass
    check(client.get("Patient", patient.id)["gender"] == "female", "the stale update changed the resource")
    ok("stale If-Match refused (412)")

    # History through the client's generic execute.
    history = client.execute(f"Patient/{patient.id}/_history", method="get")
    versions = sorted(e["resource"]["meta"]["versionId"] for e in history.get("entry", []))
    check(versions == ["1", "2"], f"history versions {versions}")
    ok("history has versions 1 and 2")

    # Four more of this run, so the run's search has five matches: pages of 2, 2, 1.
    created = {patient.id}
    for i in range(4):
        other = client.resource(
            "Patient", identifier=[{"system": IDENTIFIER_SYSTEM, "value": run}], name=[{"family": f"Pythonsma{i}"}])
        other.save()
        created.add(other.id)
    run_search = client.resources("Patient").search(identifier=f"{IDENTIFIER_SYSTEM}|{run}").limit(2)
    ids, sizes = walk_pages(client, run_search.fetch_raw())
    check(sizes == [2, 2, 1], f"run search page sizes {sizes}")
    check(len(ids) == len(set(ids)), f"a resource came twice across pages: {ids}")
    check(set(ids) == created, f"run search found {sorted(ids)}, created {sorted(created)}")
    ok(f"search _count=2 pages {sizes}")

    # fhirpy's own paging (iterating a search set follows next links).
    fetched = [p.id for p in run_search.fetch_all()]
    check(sorted(fetched) == sorted(created), f"fetch_all found {sorted(fetched)}")
    first_page = run_search.fetch()
    check(len(first_page) == 2, f"fetch() of _count=2 returned {len(first_page)}")
    ok(f"fetch_all {len(fetched)} resources")

    # Every patient the token may see, two per page: the seeded ones and ours, each once.
    all_ids, all_sizes = walk_pages(client, client.resources("Patient").limit(2).fetch_raw())
    check(all(size <= 2 for size in all_sizes), f"a page exceeds _count=2: {all_sizes}")
    check(len(all_ids) == len(set(all_ids)), "a patient came twice across pages")
    missing = (created | set(args.expect_patient)) - set(all_ids)
    check(not missing, f"paging all patients missed {sorted(missing)}")
    ok(f"paged all patients: {len(all_ids)} in {len(all_sizes)} pages")

    # The async client pages the same search to the same result.
    async def async_fetch():
        async_client = AsyncFHIRClient(base, authorization=authorization, aiohttp_config=aiohttp_config)
        search = async_client.resources("Patient").search(identifier=f"{IDENTIFIER_SYSTEM}|{run}").limit(2)
        return [p.id async for p in search]

    async_ids = asyncio.run(async_fetch())
    check(sorted(async_ids) == sorted(created), f"async paging found {sorted(async_ids)}")
    ok(f"async paging {len(async_ids)} resources")

    print("fhirpy smoke: all checks passed", flush=True)


if __name__ == "__main__":
    try:
        main()
    except Mismatch as exc:
        print(f"FAIL: {exc}", file=sys.stderr, flush=True)
        sys.exit(1)
    except BaseFHIRError as exc:
        print(f"FAIL: the server refused a request: {exc}", file=sys.stderr, flush=True)
        sys.exit(1)
