#!/usr/bin/env bash
# A walk-through of Zorgbrug against a running `zorgbrug serve --demo` (see README.md, docs/API.md).
#
#   Samples/demo.sh BASE_URL PROVIDER_CLIENT_ID PROVIDER_SECRET PGO_CLIENT_ID PGO_SECRET CONNECT_CODE [DEMO_PATIENT_ID]
#
# Copy the arguments from what `zorgbrug serve --demo` prints ("Demo data (shown once)"), e.g.
#
#   Samples/demo.sh http://127.0.0.1:8080 demo-provider-1a2b3c4d 'SECRET' demo-pgo-1a2b3c4d 'SECRET' ABCD-EFGH
#
# The demo patient (Anna Jansen) is looked up by the provider; pass its id as the 7th argument to skip that.
# The connect code is single use: run the demo again after restarting `serve --demo` for a fresh one.
# Needs bash, curl and python3 (for reading JSON; no jq). Stops at the first failing request and shows the
# OperationOutcome the server answered. Set DEMO_LANGUAGE=nl for Dutch error texts.
set -euo pipefail

if [[ $# -lt 6 || $# -gt 7 ]]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi

BASE=${1%/}
PROVIDER_ID=$2
PROVIDER_SECRET=$3
PGO_ID=$4
PGO_SECRET=$5
CONNECT_CODE=$6
DEMO_PATIENT=${7:-}
LANGUAGE=${DEMO_LANGUAGE:-en}
SAMPLES=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REQUESTS=$SAMPLES/requests

for tool in curl python3; do
    command -v "$tool" > /dev/null || { echo "demo.sh needs $tool" >&2; exit 2; }
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BODY=$WORK/body.json
FHIR_JSON='application/fhir+json'

step() {
    echo
    echo "==> $*"
}

# request METHOD URL [curl options…]: sends the request, leaves the answer in $BODY, fails unless 2xx.
request() {
    local method=$1 url=$2
    shift 2
    local status
    status=$(curl -sS -X "$method" -o "$BODY" -w '%{http_code}' \
        -H "Accept: $FHIR_JSON" -H "Accept-Language: $LANGUAGE" -H "X-Correlation-Id: zorgbrug-demo" \
        "$@" "$url") || { echo "    curl could not reach $url" >&2; exit 1; }
    echo "    $method ${url#"$BASE"} -> HTTP $status"
    if [[ $status != 2* ]]; then
        echo "    the server answered:" >&2
        python3 -m json.tool "$BODY" >&2 2> /dev/null || cat "$BODY" >&2
        exit 1
    fi
}

# json EXPRESSION: evaluates a Python expression over the last answer, bound to `d`; prints the result.
json() {
    python3 - "$BODY" "$1" << 'PY'
import json, sys
d = json.load(open(sys.argv[1]))
result = eval(sys.argv[2], {"d": d})
print(result if result is not None else "")
PY
}

# Replaces the PATIENT_ID placeholder of a sample request.
for_patient() {
    sed "s/PATIENT_ID/$2/g" "$REQUESTS/$1" > "$WORK/$1"
    echo "$WORK/$1"
}

step "0. The server is up and says what it supports (GET /fhir/metadata, no token)"
request GET "$BASE/fhir/metadata"
echo "    $(json '(d.get("software", {}).get("name", "?") + " " + d.get("software", {}).get("version", "")).strip() + ", FHIR " + d.get("fhirVersion", "?")')"
echo "    resource types: $(json '", ".join(r["type"] for rest in d.get("rest", []) for r in rest.get("resource", []))')"

step "1. The provider system gets a token (client_credentials, client_secret_basic)"
request POST "$BASE/oauth/token" -u "$PROVIDER_ID:$PROVIDER_SECRET" -d grant_type=client_credentials
PROVIDER_TOKEN=$(json 'd["access_token"]')
echo "    organization: $(json 'd.get("organization")'), expires in $(json 'd["expires_in"]') s"
PROVIDER=(-H "Authorization: Bearer $PROVIDER_TOKEN")

step "2. The provider registers a patient from Samples/requests/patient.json (conditional on the BSN)"
request POST "$BASE/fhir/Patient" "${PROVIDER[@]}" -H "Content-Type: $FHIR_JSON" \
    -H 'If-None-Exist: identifier=http://fhir.nl/fhir/NamingSystem/bsn|999911120' \
    --data-binary "@$REQUESTS/patient.json"
NEW_PATIENT=$(json 'd["id"]')
echo "    Patient/$NEW_PATIENT ($(json 'd["name"][0]["text"]'), version $(json 'd["meta"]["versionId"]'))"

step "3. The provider makes a connect code for that patient (Samples/requests/connect-code.json)"
request POST "$BASE/fhir/Patient/$NEW_PATIENT/\$connect-code" "${PROVIDER[@]}" -H "Content-Type: $FHIR_JSON" \
    --data-binary "@$REQUESTS/connect-code.json"
NEW_CODE=$(json 'next(p["valueString"] for p in d["parameter"] if p["name"] == "code")')
echo "    connect code $NEW_CODE, valid until $(json 'next(p["valueInstant"] for p in d["parameter"] if p["name"] == "expires")')"

if [[ -z $DEMO_PATIENT ]]; then
    step "4a. The provider looks up the demo patient (Anna Jansen, born 1968-04-12)"
    request GET "$BASE/fhir/Patient" "${PROVIDER[@]}" -G \
        --data-urlencode family=Jansen --data-urlencode given=Anna --data-urlencode birthdate=1968-04-12
    matches=$(json 'len([e for e in d.get("entry", []) if e.get("search", {}).get("mode", "match") == "match"])')
    if [[ $matches != 1 ]]; then
        echo "    expected one demo patient, found $matches; pass its id as the 7th argument" >&2
        exit 1
    fi
    DEMO_PATIENT=$(json 'd["entry"][0]["resource"]["id"]')
fi
echo "    demo patient: Patient/$DEMO_PATIENT"

step "4. The provider gives the demo patient a PHQ-9 task (Samples/requests/task-phq9.json)"
request POST "$BASE/fhir/Task" "${PROVIDER[@]}" -H "Content-Type: $FHIR_JSON" \
    --data-binary "@$(for_patient task-phq9.json "$DEMO_PATIENT")"
TASK=$(json 'd["id"]')
echo "    Task/$TASK: $(json 'd["status"]'), focus $(json 'd["focus"]["reference"]'), due $(json 'd.get("restriction", {}).get("period", {}).get("end")')"

step "5. The PGO redeems the demo patient's connect code for a patient token"
request POST "$BASE/oauth/token" -u "$PGO_ID:$PGO_SECRET" \
    -d grant_type=urn:zorgbrug:grant-type:connect-code --data-urlencode "code=$CONNECT_CODE"
PGO_TOKEN=$(json 'd["access_token"]')
GRANT_PATIENT=$(json 'd["patient"]')
echo "    patient $GRANT_PATIENT, acting as $(json 'd.get("fhirUser")'), scope $(json 'd.get("scope")'), refresh token received: $(json '"refresh_token" in d')"
if [[ $GRANT_PATIENT != "$DEMO_PATIENT" ]]; then
    echo "    the connect code belongs to Patient/$GRANT_PATIENT, not the demo patient Patient/$DEMO_PATIENT" >&2
    exit 1
fi
PGO=(-H "Authorization: Bearer $PGO_TOKEN")

step "6. The PGO picks up open tasks (MedMij Aanbiedertaken): Task?patient=…&status=ready,in-progress&_include=Task:focus"
request GET "$BASE/fhir/Task" "${PGO[@]}" -G --data-urlencode "patient=$DEMO_PATIENT" \
    --data-urlencode status=ready,in-progress --data-urlencode _include=Task:focus
json '"\n".join("    %-7s %s/%s %s" % (e.get("search", {}).get("mode", "?"), e["resource"]["resourceType"], e["resource"]["id"], e["resource"].get("status", "")) for e in d.get("entry", []))'
found=$(json 'any(e["resource"]["resourceType"] == "Task" and e["resource"]["id"] == "'"$TASK"'" for e in d.get("entry", []))')
if [[ $found != True ]]; then
    echo "    the PHQ-9 task Task/$TASK is not in the pickup result" >&2
    exit 1
fi

step "7. The PGO sends a blood-pressure reading (Samples/requests/observation-bloeddruk.json: 138/86, pulse 72)"
request POST "$BASE/fhir/Observation" "${PGO[@]}" -H "Content-Type: $FHIR_JSON" \
    -H "Idempotency-Key: zorgbrug-demo-$DEMO_PATIENT-bp-1" \
    --data-binary "@$(for_patient observation-bloeddruk.json "$DEMO_PATIENT")"
echo "    Observation/$(json 'd["id"]') recorded; interpretation: $(json '", ".join(c.get("code", "") for i in d.get("interpretation", []) for c in i.get("coding", [])) or "none"')"

step "8. The provider reads who accessed the demo patient's data: AuditEvent?patient=…"
request GET "$BASE/fhir/AuditEvent" "${PROVIDER[@]}" -G --data-urlencode "patient=$DEMO_PATIENT" --data-urlencode _count=100
python3 - "$BODY" << 'PY'
import json, sys
bundle = json.load(open(sys.argv[1]))
for entry in bundle.get("entry", []):
    event = entry["resource"]
    interaction = (event.get("subtype") or [{}])[0].get("code", event.get("action", "?"))
    targets = [e["what"].get("reference") or e["what"].get("type", "?") + " (search)"
               for e in event.get("entity", []) if e.get("what") and not (e.get("role") or {}).get("code") == "1"]
    agents = ["%s [%s]" % (a.get("name") or a.get("altId", "?"), (a.get("who") or {}).get("reference", "?"))
              for a in event.get("agent", [])]
    outcome = "ok" if event.get("outcome", "0") == "0" else "failed (%s)" % event.get("outcome")
    print("    %s  %-8s %-50s %s by %s" % (event.get("recorded", "?"), interaction, ", ".join(targets) or "-", outcome, "; ".join(agents)))
PY
echo "    ($(json 'len(d.get("entry", []))') events on this page)"

step "9. The new patient's PGO connects and the patient names a caregiver (Samples/requests/delegate.json)"
request POST "$BASE/oauth/token" -u "$PGO_ID:$PGO_SECRET" \
    -d grant_type=urn:zorgbrug:grant-type:connect-code --data-urlencode "code=$NEW_CODE"
NEW_PATIENT_TOKEN=$(json 'd["access_token"]')
request POST "$BASE/fhir/Patient/$NEW_PATIENT/\$delegate" -H "Authorization: Bearer $NEW_PATIENT_TOKEN" \
    -H "Content-Type: $FHIR_JSON" --data-binary "@$REQUESTS/delegate.json"
echo "    $(json 'next(p["valueReference"]["reference"] for p in d["parameter"] if p["name"] == "relatedPerson")' ) gets connect code $(json 'next(p["valueString"] for p in d["parameter"] if p["name"] == "code")')"

echo
echo "Done: every request succeeded."
