#!/usr/bin/env python3
"""Random hostile requests against a running Zorgbrug server; reports every answer that breaks the contract.

    scripts/fuzz.py PORT CLIENT_ID SECRET PATIENT_ID [SECONDS=120] [SEED=1]
    scripts/fuzz.py PORT token ACCESS_TOKEN PATIENT_ID [SECONDS] [SEED]   # e.g. a PGO's patient token

Take the client, secret and patient from `zorgbrug serve --demo`. Mixes methods, paths, ids, search parameters and
values, headers (content types, If-Match, If-None-Exist, Idempotency-Key, Accept, Accept-Language, X-Request-Id),
and bodies (mutated resources, deep nesting, JSON patches, malformed JSON). A request fails the contract when it
gets a 5xx other than 503, or a 4xx/5xx under /fhir whose body is not an OperationOutcome. Standard library only.
"""
import http.client, json, random, sys, time, urllib.parse, base64
if len(sys.argv) < 5:
    sys.exit(__doc__)
HOST, PORT = "127.0.0.1", int(sys.argv[1]); CID, SECRET, PATIENT = sys.argv[2], sys.argv[3], sys.argv[4]
DURATION = float(sys.argv[5]) if len(sys.argv) > 5 else 120
rnd = random.Random(int(sys.argv[6]) if len(sys.argv) > 6 else 1)
def conn(): return http.client.HTTPConnection(HOST, PORT, timeout=30)
c = conn()
c.request("POST", "/oauth/token", body="grant_type=client_credentials", headers={"Authorization": "Basic " + base64.b64encode(f"{CID}:{SECRET}".encode()).decode(), "Content-Type": "application/x-www-form-urlencoded"})
tok = json.loads(c.getresponse().read()).get("access_token") if CID != "token" else SECRET
types = ["Patient","Task","Observation","Questionnaire","QuestionnaireResponse","Practitioner","Organization","RelatedPerson","ServiceRequest","CarePlan","PlanDefinition","ActivityDefinition","Appointment","AppointmentResponse","Communication","Consent","Endpoint","Subscription","AuditEvent","Bundle","Foo","patient","", "..", "%00", "Task%2F1"]
ids = [PATIENT, "x", "1", "", "a"*70, "../../etc/passwd", "%2e%2e", "ü", "id with space", "-", "A.b-c", "0"*64]
params = ["_count","_sort","_lastUpdated","_summary","_include","_revinclude","_since","patient","status","code","date","subject","identifier","_id","_cursor","_format","_elements","foo","status:not","code:text","date:missing","_has:Observation:patient:code","_type","owner","for","focus","authored-on","_query"]
vals = ["1","-1","0","999999999999","abc","", "ge2020-01-01","lt2026-13-40","2020","Patient/"+PATIENT,PATIENT,"http://loinc.org|85354-9","|x","x|","ready","Task:patient","*","Task:foo","_lastUpdated","-_lastUpdated,status","count","true","%","\u00e9\u0000","a"*300,"eq2020-01-01T00:00:00Z","sa2020","ap2020-01-01T25:00"]
ctypes = ["application/fhir+json","application/json","text/plain","application/fhir+json; charset=utf-8","application/xml","", "application/json-patch+json","multipart/form-data; boundary=x","application/fhir+json; fhirVersion=3.0"]
def resource(t):
    base = {"resourceType": t}
    if t == "Observation":
        base.update({"status":"final","code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},"subject":{"reference":"Patient/"+PATIENT},"valueQuantity":{"value":120.50,"unit":"mmHg"}})
    elif t == "Task":
        base.update({"status":"ready","intent":"order","for":{"reference":"Patient/"+PATIENT},"code":{"coding":[{"system":"http://zorgbrug.nl/fhir/CodeSystem/task-kind","code":"questionnaire"}]}})
    elif t == "Patient":
        base.update({"name":[{"family":"X","given":["Y"]}],"birthDate":"1990-01-01","managingOrganization":{"reference":"Organization/x"}})
    return base
def mutate(o, depth=0):
    r = rnd.random()
    if isinstance(o, dict) and o and r < 0.5:
        k = rnd.choice(list(o.keys())); o[k] = mutate(o[k], depth+1); return o
    if isinstance(o, dict) and r < 0.7:
        o[rnd.choice(["_status","extension","id","meta","text","contained","modifierExtension","resourceType","x"*40,""])] = rnd.choice([None,1,1.5e308,-0.0,"",[],{},[None],{"a":{}},"\ud800" if False else "\u2028",True,"x"*10000,12345678901234567890123])
        return o
    choices = [None, 0, -1, 1e400 if False else 1.7976931348623157e308, "", "ü"*3, [], {}, [o], {"x": o}, True, "2026-02-30", "Patient/"+PATIENT, o]
    return rnd.choice(choices)
def deep(n): 
    s = "0"
    for _ in range(n): s = "[" + s + "]"
    return s
bad = 0; total = 0; t0 = time.time(); problems = {}
while time.time() - t0 < DURATION:
    total += 1
    m = rnd.choice(["GET","GET","GET","POST","POST","PUT","PATCH","DELETE","HEAD","OPTIONS","TRACE","BREW"])
    t = rnd.choice(types); path = "/fhir/" + t if t else "/fhir"
    r = rnd.random()
    if r < 0.5: path += "/" + rnd.choice(ids)
    if rnd.random() < 0.15: path += rnd.choice(["/_history","/_history/1","/_history/x","/$delegate","/$revoke","/$everything","/_search","/x/y/z"])
    if rnd.random() < 0.05: path = rnd.choice(["/health","/metrics","/fhir/metadata","/oauth/token","/oauth/revoke","//fhir//Task","/fhir/Task?","/%ff","/fhir/Task/%"])
    q = [(rnd.choice(params), rnd.choice(vals)) for _ in range(rnd.randint(0,4))]
    path = urllib.parse.quote(path, safe="/%$_?&=:|,*.-")
    if q: path += ("&" if "?" in path else "?") + "&".join(urllib.parse.quote(k, safe=":_") + "=" + urllib.parse.quote(v, safe="|,:*") for k,v in q)
    h = {"Authorization": "Bearer " + tok} if rnd.random() < 0.9 else {"Authorization": rnd.choice(["Bearer ", "Bearer x", "Basic Zm9vOmJhcg==", "bearer "+tok, ""])}
    body = None
    if m in ("POST","PUT","PATCH") or rnd.random() < 0.05:
        k = rnd.random()
        if k < 0.5: body = json.dumps(mutate(resource(rnd.choice(["Observation","Task","Patient",t or "Task"]))))
        elif k < 0.6: body = deep(rnd.choice([10,70,200,5000]))
        elif k < 0.7: body = json.dumps([{"op":rnd.choice(["replace","add","remove","move","test","x"]),"path":rnd.choice(["/status","/","","/a/b/c","/meta/versionId","/id","/for/reference"]),"value":rnd.choice(["x",None,{},1])}])
        elif k < 0.8: body = rnd.choice(["", "{", "null", "[]", "\"x\"", "{\"resourceType\":1}", "{\"a\":1,\"a\":2}", "\xff\xfe", "{}"*3])
        else: body = json.dumps(resource(rnd.choice(["Observation","Task"])))
        h["Content-Type"] = rnd.choice(ctypes)
        if rnd.random() < 0.5: h["If-Match"] = rnd.choice(['W/"1"','"1"',"1","W/\"x\"","*",""])
        if rnd.random() < 0.2: h["If-None-Exist"] = rnd.choice(["identifier=a|b","foo=bar","","_id="+PATIENT])
        if rnd.random() < 0.2: h["Idempotency-Key"] = rnd.choice(["k1","k2","", "x"*500])
    if rnd.random() < 0.2: h["Accept"] = rnd.choice(["application/xml","*/*","application/fhir+json;q=0","text/html","application/fhir+json; fhirVersion=4.0"])
    if rnd.random() < 0.1: h["Accept-Language"] = rnd.choice(["nl","en","de","nl-NL,en;q=0.5","*",";;;"])
    if rnd.random() < 0.1: h["X-Request-Id"] = rnd.choice(["abc","a b","x"*200,"\u00e9".encode().decode('latin-1')])
    try:
        c.putrequest(m, path, skip_accept_encoding=True)
        for k,v in h.items(): c.putheader(k, v)
        data = body.encode("utf-8", "surrogatepass") if body is not None else None
        if data is not None: c.putheader("Content-Length", str(len(data)))
        c.endheaders(data)
        resp = c.getresponse(); payload = resp.read(); st = resp.status
    except Exception as e:
        problems.setdefault("exception "+type(e).__name__, (m, path, str(e)[:100])); c.close(); c = conn(); continue
    ok = True
    if st >= 500 and st != 503: ok = False
    if st >= 400 and path.startswith("/fhir") and m != "HEAD":
        try:
            j = json.loads(payload); ok = ok and j.get("resourceType") == "OperationOutcome"
        except Exception: ok = False
    if not ok:
        bad += 1; key = f"{st} {m} {path.split('?')[0][:40]}"
        problems.setdefault(key, (m, path[:200], h.get("Content-Type"), (body or "")[:200], payload[:300]))
    if resp.getheader("Connection","").lower() == "close": c.close(); c = conn()
print("requests", total, "contract broken", bad)
for k,v in list(problems.items())[:40]: print(k, "=>", v)
sys.exit(1 if bad else 0)
