/// The modelled elements of every resource, datatype and backbone element the validator knows, by name.
///
/// Elements not listed here are not errors (they are kept as received); only the FHIR JSON rules apply to them.
enum Schemas {
    static func resource(_ type: ResourceType) -> ObjectSchema? { all[type.rawValue] }

    static let all: [String: ObjectSchema] = datatypes.merging(resources) { first, _ in first }

    /// The schema of `_x` primitive extension objects: `id` and `extension`.
    static let element = ObjectSchema([:])

    private static let valueTypes: [(String, ElementKind)] = [
        ("Boolean", .primitive(.boolean)), ("Integer", .primitive(.integer)), ("Decimal", .primitive(.decimal)),
        ("String", .primitive(.string)), ("Code", .primitive(.code)), ("Uri", .primitive(.uri)),
        ("Url", .primitive(.url)), ("Canonical", .primitive(.canonical)), ("Id", .primitive(.id)),
        ("Markdown", .primitive(.markdown)), ("Date", .primitive(.date)), ("DateTime", .primitive(.dateTime)),
        ("Instant", .primitive(.instant)), ("Time", .primitive(.time)), ("PositiveInt", .primitive(.positiveInt)),
        ("UnsignedInt", .primitive(.unsignedInt)), ("Base64Binary", .primitive(.base64Binary)),
        ("Oid", .primitive(.oid)), ("Uuid", .primitive(.uuid)),
        ("Coding", .complex("Coding")), ("CodeableConcept", .complex("CodeableConcept")),
        ("Quantity", .complex("Quantity")), ("Reference", .complex("Reference")), ("Period", .complex("Period")),
        ("Identifier", .complex("Identifier")), ("Attachment", .complex("Attachment")),
        ("Duration", .complex("Quantity")), ("Age", .complex("Quantity")), ("Timing", .complex("Timing")),
        ("HumanName", .complex("HumanName")), ("ContactPoint", .complex("ContactPoint")),
        ("Annotation", .complex("Annotation")),
    ]

    private static let datatypes: [String: ObjectSchema] = [
        "Element": ObjectSchema([:]),
        "Extension": ObjectSchema(
            ObjectSchema.choice("value", valueTypes).merging(["url": .one(.uri, required: true)]) { _, b in b }),
        "Coding": ObjectSchema([
            "system": .one(.uri), "version": .one(.string), "code": .one(.code), "display": .one(.string),
            "userSelected": .one(.boolean),
        ]),
        "CodeableConcept": ObjectSchema(["coding": .many("Coding"), "text": .one(.string)]),
        "Identifier": ObjectSchema([
            "use": .one(.code, binding: ["usual", "official", "temp", "secondary", "old"]),
            "type": .one("CodeableConcept"), "system": .one(.uri), "value": .one(.string),
            "period": .one("Period"), "assigner": .one("Reference"),
        ]),
        "Reference": ObjectSchema([
            "reference": .one(.string), "type": .one(.uri), "identifier": .one("Identifier"),
            "display": .one(.string),
        ]),
        "Period": ObjectSchema(["start": .one(.dateTime), "end": .one(.dateTime)]),
        "Quantity": ObjectSchema([
            "value": .one(.decimal), "comparator": .one(.code, binding: Bindings.quantityComparator),
            "unit": .one(.string), "system": .one(.uri), "code": .one(.code),
        ]),
        "Meta": ObjectSchema([
            "versionId": .one(.id), "lastUpdated": .one(.instant), "source": .one(.uri),
            "profile": .many(.canonical), "security": .many("Coding"), "tag": .many("Coding"),
        ]),
        "HumanName": ObjectSchema([
            "use": .one(.code), "text": .one(.string), "family": .one(.string), "given": .many(.string),
            "prefix": .many(.string), "suffix": .many(.string), "period": .one("Period"),
        ]),
        "ContactPoint": ObjectSchema([
            "system": .one(.code, binding: ["phone", "fax", "email", "pager", "url", "sms", "other"]),
            "value": .one(.string), "use": .one(.code, binding: ["home", "work", "temp", "old", "mobile"]),
            "rank": .one(.positiveInt), "period": .one("Period"),
        ]),
        "Annotation": ObjectSchema([
            "authorReference": .one("Reference"), "authorString": .one(.string), "time": .one(.dateTime),
            "text": .one(.markdown, required: true),
        ]),
        "Attachment": ObjectSchema([
            "contentType": .one(.code), "language": .one(.code), "data": .one(.base64Binary), "url": .one(.url),
            "size": .one(.unsignedInt), "hash": .one(.base64Binary), "title": .one(.string),
            "creation": .one(.dateTime),
        ]),
        "Narrative": ObjectSchema([
            "status": .one(.code, required: true, binding: Bindings.narrativeStatus),
            "div": .one(.xhtml, required: true),
        ]),
        "Timing": ObjectSchema(["event": .many(.dateTime), "code": .one("CodeableConcept")]),
    ]

    private static func resource(_ elements: [String: ElementSpec]) -> ObjectSchema {
        ObjectSchema(elements, base: ObjectSchema.resourceBase)
    }

    private static let common: [String: ElementSpec] = ["identifier": .many("Identifier")]

    private static func canonicalResource(status: Set<String>) -> [String: ElementSpec] {
        [
            "url": .one(.uri), "identifier": .many("Identifier"), "version": .one(.string), "name": .one(.string),
            "title": .one(.string), "status": .one(.code, required: true, binding: status),
            "experimental": .one(.boolean), "date": .one(.dateTime), "publisher": .one(.string),
            "description": .one(.markdown), "purpose": .one(.markdown), "copyright": .one(.markdown),
            "jurisdiction": .many("CodeableConcept"), "approvalDate": .one(.date), "lastReviewDate": .one(.date),
            "effectivePeriod": .one("Period"),
        ]
    }

    private static let observationValues = ObjectSchema.choice(
        "value",
        [
            ("Quantity", .complex("Quantity")), ("CodeableConcept", .complex("CodeableConcept")),
            ("String", .primitive(.string)), ("Boolean", .primitive(.boolean)), ("Integer", .primitive(.integer)),
            ("Period", .complex("Period")), ("DateTime", .primitive(.dateTime)), ("Time", .primitive(.time)),
        ])

    private static let answerValues = ObjectSchema.choice(
        "value",
        [
            ("Boolean", .primitive(.boolean)), ("Decimal", .primitive(.decimal)), ("Integer", .primitive(.integer)),
            ("Date", .primitive(.date)), ("DateTime", .primitive(.dateTime)), ("Time", .primitive(.time)),
            ("String", .primitive(.string)), ("Uri", .primitive(.uri)), ("Attachment", .complex("Attachment")),
            ("Coding", .complex("Coding")), ("Quantity", .complex("Quantity")), ("Reference", .complex("Reference")),
        ])

    private static let resources: [String: ObjectSchema] = [
        "Patient": resource([
            "identifier": .many("Identifier"), "active": .one(.boolean), "name": .many("HumanName"),
            "telecom": .many("ContactPoint"), "gender": .one(.code, binding: Bindings.administrativeGender),
            "birthDate": .one(.date), "deceasedBoolean": .one(.boolean), "deceasedDateTime": .one(.dateTime),
            "maritalStatus": .one("CodeableConcept"), "multipleBirthBoolean": .one(.boolean),
            "multipleBirthInteger": .one(.integer), "photo": .many("Attachment"),
            "generalPractitioner": .many("Reference"), "managingOrganization": .one("Reference"),
        ]),
        "Practitioner": resource([
            "identifier": .many("Identifier"), "active": .one(.boolean), "name": .many("HumanName"),
            "telecom": .many("ContactPoint"), "gender": .one(.code, binding: Bindings.administrativeGender),
            "birthDate": .one(.date), "photo": .many("Attachment"),
        ]),
        "Organization": resource([
            "identifier": .many("Identifier"), "active": .one(.boolean), "type": .many("CodeableConcept"),
            "name": .one(.string), "alias": .many(.string), "telecom": .many("ContactPoint"),
            "partOf": .one("Reference"), "endpoint": .many("Reference"),
        ]),
        "RelatedPerson": resource([
            "identifier": .many("Identifier"), "active": .one(.boolean), "patient": .one("Reference", required: true),
            "relationship": .many("CodeableConcept"), "name": .many("HumanName"), "telecom": .many("ContactPoint"),
            "gender": .one(.code, binding: Bindings.administrativeGender), "birthDate": .one(.date),
            "photo": .many("Attachment"), "period": .one("Period"),
        ]),
        "Task": resource([
            "identifier": .many("Identifier"), "instantiatesCanonical": .one(.canonical),
            "instantiatesUri": .one(.uri), "basedOn": .many("Reference"), "groupIdentifier": .one("Identifier"),
            "partOf": .many("Reference"), "status": .one(.code, required: true, binding: Bindings.taskStatus),
            "statusReason": .one("CodeableConcept"), "businessStatus": .one("CodeableConcept"),
            "intent": .one(.code, required: true, binding: Bindings.taskIntent),
            "priority": .one(.code, binding: Bindings.requestPriority), "code": .one("CodeableConcept"),
            "description": .one(.string), "focus": .one("Reference"), "for": .one("Reference"),
            "encounter": .one("Reference"), "executionPeriod": .one("Period"), "authoredOn": .one(.dateTime),
            "lastModified": .one(.dateTime), "requester": .one("Reference"),
            "performerType": .many("CodeableConcept"), "owner": .one("Reference"), "location": .one("Reference"),
            "reasonCode": .one("CodeableConcept"), "reasonReference": .one("Reference"),
            "insurance": .many("Reference"), "note": .many("Annotation"), "relevantHistory": .many("Reference"),
            "restriction": .one("Task.restriction"), "input": .many("Task.input"), "output": .many("Task.output"),
        ]),
        "Task.restriction": ObjectSchema([
            "repetitions": .one(.positiveInt), "period": .one("Period"), "recipient": .many("Reference"),
        ]),
        "Task.input": ObjectSchema(
            ObjectSchema.choice("value", valueTypes).merging(["type": .one("CodeableConcept", required: true)]) {
                _, b in b
            }, requiredChoices: ["value"]),
        "Task.output": ObjectSchema(
            ObjectSchema.choice("value", valueTypes).merging(["type": .one("CodeableConcept", required: true)]) {
                _, b in b
            }, requiredChoices: ["value"]),
        "Questionnaire": resource(
            canonicalResource(status: Bindings.publicationStatus).merging([
                "derivedFrom": .many(.canonical), "subjectType": .many(.code), "contact": .many("Element"),
                "useContext": .many("Element"), "code": .many("Coding"), "item": .many("Questionnaire.item"),
            ]) { _, b in b }),
        "Questionnaire.item": ObjectSchema([
            "linkId": .one(.string, required: true), "definition": .one(.uri), "code": .many("Coding"),
            "prefix": .one(.string), "text": .one(.string),
            "type": .one(.code, required: true, binding: Bindings.questionnaireItemType),
            "enableWhen": .many("Questionnaire.item.enableWhen"),
            "enableBehavior": .one(.code, binding: Bindings.enableBehavior), "required": .one(.boolean),
            "repeats": .one(.boolean), "readOnly": .one(.boolean), "maxLength": .one(.integer),
            "answerValueSet": .one(.canonical), "answerOption": .many("Questionnaire.item.answerOption"),
            "initial": .many("Questionnaire.item.initial"), "item": .many("Questionnaire.item"),
        ]),
        "Questionnaire.item.enableWhen": ObjectSchema(
            ObjectSchema.choice(
                "answer",
                [
                    ("Boolean", .primitive(.boolean)), ("Decimal", .primitive(.decimal)),
                    ("Integer", .primitive(.integer)), ("Date", .primitive(.date)),
                    ("DateTime", .primitive(.dateTime)), ("Time", .primitive(.time)), ("String", .primitive(.string)),
                    ("Coding", .complex("Coding")), ("Quantity", .complex("Quantity")),
                    ("Reference", .complex("Reference")),
                ]
            ).merging([
                "question": .one(.string, required: true),
                "operator": .one(.code, required: true, binding: Bindings.enableWhenOperator),
            ]) { _, b in b }, requiredChoices: ["answer"]),
        "Questionnaire.item.answerOption": ObjectSchema(
            ObjectSchema.choice(
                "value",
                [
                    ("Integer", .primitive(.integer)), ("Date", .primitive(.date)), ("Time", .primitive(.time)),
                    ("String", .primitive(.string)), ("Coding", .complex("Coding")),
                    ("Reference", .complex("Reference")),
                ]
            ).merging(["initialSelected": .one(.boolean)]) { _, b in b }, requiredChoices: ["value"]),
        "Questionnaire.item.initial": ObjectSchema(answerValues, requiredChoices: ["value"]),
        "QuestionnaireResponse": resource([
            "identifier": .one("Identifier"), "basedOn": .many("Reference"), "partOf": .many("Reference"),
            "questionnaire": .one(.canonical),
            "status": .one(.code, required: true, binding: Bindings.questionnaireResponseStatus),
            "subject": .one("Reference"), "encounter": .one("Reference"), "authored": .one(.dateTime),
            "author": .one("Reference"), "source": .one("Reference"),
            "item": .many("QuestionnaireResponse.item"),
        ]),
        "QuestionnaireResponse.item": ObjectSchema([
            "linkId": .one(.string, required: true), "definition": .one(.uri), "text": .one(.string),
            "answer": .many("QuestionnaireResponse.item.answer"), "item": .many("QuestionnaireResponse.item"),
        ]),
        "QuestionnaireResponse.item.answer": ObjectSchema(
            answerValues.merging(["item": .many("QuestionnaireResponse.item")]) { _, b in b },
            requiredChoices: ["value"]),
        "Observation": resource(
            observationValues.merging([
                "identifier": .many("Identifier"), "basedOn": .many("Reference"), "partOf": .many("Reference"),
                "status": .one(.code, required: true, binding: Bindings.observationStatus),
                "category": .many("CodeableConcept"), "code": .one("CodeableConcept", required: true),
                "subject": .one("Reference"), "focus": .many("Reference"), "encounter": .one("Reference"),
                "effectiveDateTime": .one(.dateTime), "effectivePeriod": .one("Period"),
                "effectiveInstant": .one(.instant), "issued": .one(.instant), "performer": .many("Reference"),
                "dataAbsentReason": .one("CodeableConcept"), "interpretation": .many("CodeableConcept"),
                "note": .many("Annotation"), "bodySite": .one("CodeableConcept"), "method": .one("CodeableConcept"),
                "device": .one("Reference"), "hasMember": .many("Reference"), "derivedFrom": .many("Reference"),
                "component": .many("Observation.component"),
            ]) { _, b in b }),
        "Observation.component": ObjectSchema(
            observationValues.merging([
                "code": .one("CodeableConcept", required: true), "dataAbsentReason": .one("CodeableConcept"),
                "interpretation": .many("CodeableConcept"),
            ]) { _, b in b }),
        "ServiceRequest": resource([
            "identifier": .many("Identifier"), "instantiatesCanonical": .many(.canonical),
            "basedOn": .many("Reference"), "status": .one(.code, required: true, binding: Bindings.requestStatus),
            "intent": .one(.code, required: true, binding: Bindings.requestIntent),
            "category": .many("CodeableConcept"), "priority": .one(.code, binding: Bindings.requestPriority),
            "code": .one("CodeableConcept"), "subject": .one("Reference", required: true),
            "occurrenceDateTime": .one(.dateTime), "occurrencePeriod": .one("Period"),
            "occurrenceTiming": .one("Timing"), "authoredOn": .one(.dateTime), "requester": .one("Reference"),
            "note": .many("Annotation"), "patientInstruction": .one(.string),
        ]),
        "CarePlan": resource([
            "identifier": .many("Identifier"), "instantiatesCanonical": .many(.canonical),
            "basedOn": .many("Reference"), "partOf": .many("Reference"),
            "status": .one(.code, required: true, binding: Bindings.requestStatus),
            "intent": .one(.code, required: true, binding: Bindings.carePlanIntent),
            "category": .many("CodeableConcept"), "title": .one(.string), "description": .one(.string),
            "subject": .one("Reference", required: true), "period": .one("Period"), "created": .one(.dateTime),
            "author": .one("Reference"), "goal": .many("Reference"), "note": .many("Annotation"),
        ]),
        "PlanDefinition": resource(
            canonicalResource(status: Bindings.publicationStatus).merging([
                "type": .one("CodeableConcept"), "library": .many(.canonical),
            ]) { _, b in b }),
        "ActivityDefinition": resource(
            canonicalResource(status: Bindings.publicationStatus).merging([
                "library": .many(.canonical), "kind": .one(.code), "code": .one("CodeableConcept"),
                "timingTiming": .one("Timing"), "timingDuration": .one("Quantity"),
            ]) { _, b in b }),
        "Appointment": resource([
            "identifier": .many("Identifier"),
            "status": .one(.code, required: true, binding: Bindings.appointmentStatus),
            "cancelationReason": .one("CodeableConcept"), "serviceType": .many("CodeableConcept"),
            "appointmentType": .one("CodeableConcept"), "reasonCode": .many("CodeableConcept"),
            "description": .one(.string), "start": .one(.instant), "end": .one(.instant),
            "minutesDuration": .one(.positiveInt), "created": .one(.dateTime), "comment": .one(.string),
            "patientInstruction": .one(.string), "basedOn": .many("Reference"),
            "participant": .many("Appointment.participant", required: true), "requestedPeriod": .many("Period"),
        ]),
        "Appointment.participant": ObjectSchema([
            "type": .many("CodeableConcept"), "actor": .one("Reference"),
            "required": .one(.code, binding: Bindings.participantRequired),
            "status": .one(.code, required: true, binding: Bindings.participationStatus), "period": .one("Period"),
        ]),
        "AppointmentResponse": resource([
            "identifier": .many("Identifier"), "appointment": .one("Reference", required: true),
            "start": .one(.instant), "end": .one(.instant), "participantType": .many("CodeableConcept"),
            "actor": .one("Reference"),
            "participantStatus": .one(.code, required: true, binding: Bindings.participationStatus),
            "comment": .one(.string),
        ]),
        "Communication": resource([
            "identifier": .many("Identifier"), "basedOn": .many("Reference"), "partOf": .many("Reference"),
            "inResponseTo": .many("Reference"), "status": .one(.code, required: true, binding: Bindings.eventStatus),
            "category": .many("CodeableConcept"), "priority": .one(.code, binding: Bindings.requestPriority),
            "subject": .one("Reference"), "topic": .one("CodeableConcept"), "sent": .one(.dateTime),
            "received": .one(.dateTime), "recipient": .many("Reference"), "sender": .one("Reference"),
            "payload": .many("Communication.payload"), "note": .many("Annotation"),
        ]),
        "Communication.payload": ObjectSchema([
            "contentString": .one(.string), "contentAttachment": .one("Attachment"),
            "contentReference": .one("Reference"),
        ]),
        "Consent": resource([
            "identifier": .many("Identifier"),
            "status": .one(.code, required: true, binding: Bindings.consentStatus),
            "scope": .one("CodeableConcept", required: true),
            "category": .many("CodeableConcept", required: true), "patient": .one("Reference"),
            "dateTime": .one(.dateTime), "performer": .many("Reference"), "organization": .many("Reference"),
            "sourceAttachment": .one("Attachment"), "sourceReference": .one("Reference"),
            "policy": .many("Consent.policy"), "policyRule": .one("CodeableConcept"),
            "verification": .many("Consent.verification"), "provision": .one("Consent.provision"),
        ]),
        "Consent.policy": ObjectSchema(["authority": .one(.uri), "uri": .one(.uri)]),
        "Consent.verification": ObjectSchema([
            "verified": .one(.boolean, required: true), "verifiedWith": .one("Reference"),
            "verificationDate": .one(.dateTime),
        ]),
        "Consent.provision": ObjectSchema([
            "type": .one(.code, binding: ["deny", "permit"]), "period": .one("Period"),
            "actor": .many("Consent.provision.actor"), "action": .many("CodeableConcept"),
            "securityLabel": .many("Coding"), "purpose": .many("Coding"), "class": .many("Coding"),
            "code": .many("CodeableConcept"), "dataPeriod": .one("Period"), "data": .many("Consent.provision.data"),
            "provision": .many("Consent.provision"),
        ]),
        "Consent.provision.actor": ObjectSchema([
            "role": .one("CodeableConcept", required: true), "reference": .one("Reference", required: true),
        ]),
        "Consent.provision.data": ObjectSchema([
            "meaning": .one(.code, required: true, binding: ["instance", "related", "dependents", "authoredby"]),
            "reference": .one("Reference", required: true),
        ]),
        "Endpoint": resource([
            "identifier": .many("Identifier"),
            "status": .one(.code, required: true, binding: Bindings.endpointStatus),
            "connectionType": .one("Coding", required: true), "name": .one(.string),
            "managingOrganization": .one("Reference"), "contact": .many("ContactPoint"), "period": .one("Period"),
            "payloadType": .many("CodeableConcept", required: true), "payloadMimeType": .many(.code),
            "address": .one(.url, required: true), "header": .many(.string),
        ]),
        "Subscription": resource([
            "status": .one(.code, required: true, binding: Bindings.subscriptionStatus),
            "contact": .many("ContactPoint"), "end": .one(.instant), "reason": .one(.string, required: true),
            "criteria": .one(.string, required: true), "error": .one(.string),
            "channel": .one("Subscription.channel", required: true),
        ]),
        "Subscription.channel": ObjectSchema([
            "type": .one(.code, required: true, binding: Bindings.subscriptionChannelType),
            "endpoint": .one(.url), "payload": .one(.code), "header": .many(.string),
        ]),
        "AuditEvent": resource([
            "type": .one("Coding", required: true), "subtype": .many("Coding"),
            "action": .one(.code, binding: Bindings.auditAction), "period": .one("Period"),
            "recorded": .one(.instant, required: true), "outcome": .one(.code, binding: Bindings.auditOutcome),
            "outcomeDesc": .one(.string), "purposeOfEvent": .many("CodeableConcept"),
            "agent": .many("AuditEvent.agent", required: true), "source": .one("AuditEvent.source", required: true),
            "entity": .many("AuditEvent.entity"),
        ]),
        "AuditEvent.agent": ObjectSchema([
            "type": .one("CodeableConcept"), "role": .many("CodeableConcept"), "who": .one("Reference"),
            "altId": .one(.string), "name": .one(.string), "requestor": .one(.boolean, required: true),
            "location": .one("Reference"), "policy": .many(.uri), "media": .one("Coding"),
            "network": .one("AuditEvent.agent.network"), "purposeOfUse": .many("CodeableConcept"),
        ]),
        "AuditEvent.agent.network": ObjectSchema([
            "address": .one(.string), "type": .one(.code, binding: Bindings.auditNetworkType),
        ]),
        "AuditEvent.source": ObjectSchema([
            "site": .one(.string), "observer": .one("Reference", required: true), "type": .many("Coding"),
        ]),
        "AuditEvent.entity": ObjectSchema([
            "what": .one("Reference"), "type": .one("Coding"), "role": .one("Coding"), "lifecycle": .one("Coding"),
            "securityLabel": .many("Coding"), "name": .one(.string), "description": .one(.string),
            "query": .one(.base64Binary), "detail": .many("AuditEvent.entity.detail"),
        ]),
        "AuditEvent.entity.detail": ObjectSchema(
            [
                "type": .one(.string, required: true), "valueString": .one(.string),
                "valueBase64Binary": .one(.base64Binary),
            ], requiredChoices: ["value"]),
        "Bundle": ObjectSchema(
            [
                "id": .one(.id), "meta": .one("Meta"), "implicitRules": .one(.uri), "language": .one(.code),
                "identifier": .one("Identifier"), "type": .one(.code, required: true, binding: Bindings.bundleType),
                "timestamp": .one(.instant), "total": .one(.unsignedInt), "link": .many("Bundle.link"),
                "entry": .many("Bundle.entry"),
            ], base: [:]),
        "Bundle.link": ObjectSchema(["relation": .one(.string, required: true), "url": .one(.uri, required: true)]),
        "Bundle.entry": ObjectSchema([
            "link": .many("Bundle.link"), "fullUrl": .one(.uri), "resource": .resource,
            "search": .one("Bundle.entry.search"), "request": .one("Bundle.entry.request"),
            "response": .one("Bundle.entry.response"),
        ]),
        "Bundle.entry.search": ObjectSchema([
            "mode": .one(.code, binding: Bindings.searchEntryMode), "score": .one(.decimal),
        ]),
        "Bundle.entry.request": ObjectSchema([
            "method": .one(.code, required: true, binding: Bindings.httpVerb), "url": .one(.uri, required: true),
            "ifNoneMatch": .one(.string), "ifModifiedSince": .one(.instant), "ifMatch": .one(.string),
            "ifNoneExist": .one(.string),
        ]),
        "Bundle.entry.response": ObjectSchema([
            "status": .one(.string, required: true), "location": .one(.uri), "etag": .one(.string),
            "lastModified": .one(.instant), "outcome": .resource,
        ]),
        "OperationOutcome": resource(["issue": .many("OperationOutcome.issue", required: true)]),
        "OperationOutcome.issue": ObjectSchema([
            "severity": .one(.code, required: true, binding: Bindings.issueSeverity),
            "code": .one(.code, required: true, binding: Bindings.issueType), "details": .one("CodeableConcept"),
            "diagnostics": .one(.string), "location": .many(.string), "expression": .many(.string),
        ]),
        "CapabilityStatement": resource(
            canonicalResource(status: Bindings.publicationStatus).merging([
                "date": .one(.dateTime, required: true),
                "kind": .one(.code, required: true, binding: Bindings.capabilityKind),
                "fhirVersion": .one(.code, required: true), "format": .many(.code, required: true),
                "patchFormat": .many(.code), "instantiates": .many(.canonical), "imports": .many(.canonical),
                "software": .one("CapabilityStatement.software"),
                "implementation": .one("CapabilityStatement.implementation"),
                "implementationGuide": .many(.canonical), "rest": .many("CapabilityStatement.rest"),
            ]) { _, b in b }),
        "CapabilityStatement.software": ObjectSchema([
            "name": .one(.string, required: true), "version": .one(.string), "releaseDate": .one(.dateTime),
        ]),
        "CapabilityStatement.implementation": ObjectSchema([
            "description": .one(.string, required: true), "url": .one(.url), "custodian": .one("Reference"),
        ]),
        "CapabilityStatement.rest": ObjectSchema([
            "mode": .one(.code, required: true, binding: Bindings.restfulCapabilityMode),
            "documentation": .one(.markdown), "security": .one("CapabilityStatement.rest.security"),
            "resource": .many("CapabilityStatement.rest.resource"),
            "interaction": .many("CapabilityStatement.rest.interaction"),
            "searchParam": .many("CapabilityStatement.rest.resource.searchParam"),
            "operation": .many("CapabilityStatement.rest.resource.operation"), "compartment": .many(.canonical),
        ]),
        "CapabilityStatement.rest.security": ObjectSchema([
            "cors": .one(.boolean), "service": .many("CodeableConcept"), "description": .one(.markdown),
        ]),
        "CapabilityStatement.rest.resource": ObjectSchema([
            "type": .one(.code, required: true), "profile": .one(.canonical), "supportedProfile": .many(.canonical),
            "documentation": .one(.markdown), "interaction": .many("CapabilityStatement.rest.resource.interaction"),
            "versioning": .one(.code, binding: Bindings.versioningPolicy), "readHistory": .one(.boolean),
            "updateCreate": .one(.boolean), "conditionalCreate": .one(.boolean),
            "conditionalRead": .one(.code, binding: Bindings.conditionalReadStatus),
            "conditionalUpdate": .one(.boolean),
            "conditionalDelete": .one(.code, binding: Bindings.conditionalDeleteStatus),
            "referencePolicy": .many(.code), "searchInclude": .many(.string), "searchRevInclude": .many(.string),
            "searchParam": .many("CapabilityStatement.rest.resource.searchParam"),
            "operation": .many("CapabilityStatement.rest.resource.operation"),
        ]),
        "CapabilityStatement.rest.resource.interaction": ObjectSchema([
            "code": .one(.code, required: true, binding: Bindings.typeRestfulInteraction),
            "documentation": .one(.markdown),
        ]),
        "CapabilityStatement.rest.interaction": ObjectSchema([
            "code": .one(.code, required: true, binding: Bindings.systemRestfulInteraction),
            "documentation": .one(.markdown),
        ]),
        "CapabilityStatement.rest.resource.searchParam": ObjectSchema([
            "name": .one(.string, required: true), "definition": .one(.canonical),
            "type": .one(.code, required: true, binding: Bindings.searchParamType), "documentation": .one(.markdown),
        ]),
        "CapabilityStatement.rest.resource.operation": ObjectSchema([
            "name": .one(.string, required: true), "definition": .one(.canonical, required: true),
            "documentation": .one(.markdown),
        ]),
        "Parameters": ObjectSchema(
            [
                "id": .one(.id), "meta": .one("Meta"), "implicitRules": .one(.uri), "language": .one(.code),
                "parameter": .many("Parameters.parameter"),
            ], base: [:]),
        "Parameters.parameter": ObjectSchema(
            ObjectSchema.choice("value", valueTypes).merging([
                "name": .one(.string, required: true), "resource": .resource, "part": .many("Parameters.parameter"),
            ]) { _, b in b }),
        "ValueSet": resource(
            canonicalResource(status: Bindings.publicationStatus).merging([
                "immutable": .one(.boolean), "compose": .one("ValueSet.compose"),
                "expansion": .one("ValueSet.expansion"),
            ]) { _, b in b }),
        "ValueSet.compose": ObjectSchema([
            "lockedDate": .one(.date), "inactive": .one(.boolean),
            "include": .many("ValueSet.compose.include", required: true), "exclude": .many("ValueSet.compose.include"),
        ]),
        "ValueSet.compose.include": ObjectSchema([
            "system": .one(.uri), "version": .one(.string), "concept": .many("ValueSet.compose.include.concept"),
            "valueSet": .many(.canonical),
        ]),
        "ValueSet.compose.include.concept": ObjectSchema([
            "code": .one(.code, required: true), "display": .one(.string),
        ]),
        "ValueSet.expansion": ObjectSchema([
            "identifier": .one(.uri), "timestamp": .one(.dateTime, required: true), "total": .one(.integer),
            "offset": .one(.integer), "contains": .many("ValueSet.expansion.contains"),
        ]),
        "ValueSet.expansion.contains": ObjectSchema([
            "system": .one(.uri), "abstract": .one(.boolean), "inactive": .one(.boolean), "version": .one(.string),
            "code": .one(.code), "display": .one(.string), "contains": .many("ValueSet.expansion.contains"),
        ]),
    ]
}
