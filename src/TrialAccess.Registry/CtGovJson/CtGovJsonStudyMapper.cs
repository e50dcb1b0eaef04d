using System.Globalization;
using System.Text.Json;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Trials;

namespace TrialAccess.Registry.CtGovJson;

/// <summary>
/// Maps one ClinicalTrials.gov API v2 study object (<c>{"protocolSection": {...}, "derivedSection": {...}}</c>) to a
/// <see cref="ClinicalTrial"/>. Unknown fields are ignored; a missing NCT id or title, or a value of the wrong JSON
/// kind in a field that is read, is an error naming the field.
/// </summary>
public static class CtGovJsonStudyMapper
{
    public static TrialReadResult Map(JsonElement study, string source)
    {
        return FieldException.Guard(source, () => MapCore(study, source));
    }

    private static TrialReadResult MapCore(JsonElement study, string source)
    {
        if (study.ValueKind != JsonValueKind.Object)
        {
            return TrialReadResult.Failure(source, null, $"expected a study object, found {study.ValueKind}");
        }

        if (!study.TryGetProperty("protocolSection", out var protocol) || protocol.ValueKind != JsonValueKind.Object)
        {
            return TrialReadResult.Failure(source, "protocolSection", "missing: this is not a ClinicalTrials.gov API v2 study");
        }

        var identification = Obj(protocol, "identificationModule", "protocolSection");
        var nctText = Str(identification, "nctId", "protocolSection.identificationModule");
        if (!NctId.TryParse(nctText, out var nctId))
        {
            return TrialReadResult.Failure(source, "protocolSection.identificationModule.nctId", nctText is null ? "missing" : $"'{nctText}' is not an NCT id");
        }

        var status = Obj(protocol, "statusModule", "protocolSection");
        var description = Obj(protocol, "descriptionModule", "protocolSection");
        var conditions = Obj(protocol, "conditionsModule", "protocolSection");
        var design = Obj(protocol, "designModule", "protocolSection");
        var arms = Obj(protocol, "armsInterventionsModule", "protocolSection");
        var eligibility = Obj(protocol, "eligibilityModule", "protocolSection");
        var contacts = Obj(protocol, "contactsLocationsModule", "protocolSection");
        var sponsors = Obj(protocol, "sponsorCollaboratorsModule", "protocolSection");
        study.TryGetProperty("derivedSection", out var derived);

        var briefTitle = RegistryText.Clean(Str(identification, "briefTitle", "identificationModule"))
            ?? RegistryText.Clean(Str(identification, "officialTitle", "identificationModule"));
        if (briefTitle is null)
        {
            return TrialReadResult.Failure(source, "protocolSection.identificationModule.briefTitle", "missing");
        }

        var overallStatusText = Str(status, "overallStatus", "statusModule");
        RegistryVocabulary.TryParseStatus(overallStatusText, out var overallStatus);

        var phases = new List<TrialPhase>();
        foreach (var phaseText in Strings(design, "phases", "designModule"))
        {
            if (RegistryVocabulary.TryParsePhases(phaseText, out var parsed))
            {
                phases.AddRange(parsed.Where(p => !phases.Contains(p)));
            }
        }

        RegistryVocabulary.TryParseStudyType(Str(design, "studyType", "designModule"), out var studyType);

        var trial = new ClinicalTrial
        {
            NctId = nctId,
            SecondaryIds = SecondaryIds(identification),
            BriefTitle = briefTitle,
            OfficialTitle = RegistryText.Clean(Str(identification, "officialTitle", "identificationModule")),
            Acronym = RegistryText.Clean(Str(identification, "acronym", "identificationModule")),
            BriefSummary = RegistryText.Clean(Str(description, "briefSummary", "descriptionModule")),
            DetailedDescription = RegistryText.Clean(Str(description, "detailedDescription", "descriptionModule")),
            Conditions = RegistryText.CleanList(Strings(conditions, "conditions", "conditionsModule")),
            Keywords = RegistryText.CleanList(Strings(conditions, "keywords", "conditionsModule")),
            ConditionMeshTerms = MeshTerms(derived, "conditionBrowseModule"),
            Interventions = Interventions(arms),
            InterventionMeshTerms = MeshTerms(derived, "interventionBrowseModule"),
            Phases = phases,
            StudyType = studyType,
            OverallStatus = overallStatus,
            Dates = new TrialDates
            {
                Start = RegistryDate.ParseOrNull(Str(Obj(status, "startDateStruct", "statusModule"), "date", "startDateStruct")),
                PrimaryCompletion = RegistryDate.ParseOrNull(Str(Obj(status, "primaryCompletionDateStruct", "statusModule"), "date", "primaryCompletionDateStruct")),
                Completion = RegistryDate.ParseOrNull(Str(Obj(status, "completionDateStruct", "statusModule"), "date", "completionDateStruct")),
                LastUpdate = RegistryDate.ParseOrNull(Str(Obj(status, "lastUpdatePostDateStruct", "statusModule"), "date", "lastUpdatePostDateStruct"))
                    ?? RegistryDate.ParseOrNull(Str(status, "lastUpdateSubmitDate", "statusModule")),
            },
            Enrollment = Enrollment(Obj(design, "enrollmentInfo", "designModule")),
            LeadSponsor = RegistryText.Clean(Str(Obj(sponsors, "leadSponsor", "sponsorCollaboratorsModule"), "name", "leadSponsor")),
            Collaborators = RegistryText.CleanList(Objects(sponsors, "collaborators", "sponsorCollaboratorsModule").Select(c => Str(c, "name", "collaborators[]"))),
            Arms = Arms(arms),
            Eligibility = Eligibility(eligibility),
            Sites = Sites(contacts),
            Contacts = Objects(contacts, "centralContacts", "contactsLocationsModule").Select(Contact).ToList(),
            Source = source,
        };
        return TrialReadResult.Success(trial);
    }

    private static List<SecondaryId> SecondaryIds(JsonElement identification)
    {
        var ids = new List<SecondaryId>();
        var orgId = RegistryText.Clean(Str(Obj(identification, "orgStudyIdInfo", "identificationModule"), "id", "orgStudyIdInfo"));
        if (orgId is not null)
        {
            ids.Add(new SecondaryId(orgId, "ORG_STUDY_ID"));
        }

        foreach (var secondary in Objects(identification, "secondaryIdInfos", "identificationModule"))
        {
            var id = RegistryText.Clean(Str(secondary, "id", "secondaryIdInfos[]"));
            if (id is not null)
            {
                ids.Add(new SecondaryId(id, RegistryText.Clean(Str(secondary, "type", "secondaryIdInfos[]"))));
            }
        }

        return ids;
    }

    private static List<string> MeshTerms(JsonElement derived, string module)
    {
        if (derived.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return RegistryText.CleanList(Objects(Obj(derived, module, "derivedSection"), "meshes", module).Select(m => Str(m, "term", "meshes[]"))).ToList();
    }

    private static List<Intervention> Interventions(JsonElement arms) =>
        Objects(arms, "interventions", "armsInterventionsModule")
            .Select(i => (Element: i, Name: RegistryText.Clean(Str(i, "name", "interventions[]"))))
            .Where(i => i.Name is not null)
            .Select(i => new Intervention
            {
                Name = i.Name!,
                Type = RegistryText.Clean(Str(i.Element, "type", "interventions[]")),
                Description = RegistryText.Clean(Str(i.Element, "description", "interventions[]")),
                OtherNames = RegistryText.CleanList(Strings(i.Element, "otherNames", "interventions[]")),
            })
            .ToList();

    private static List<ArmGroup> Arms(JsonElement arms) =>
        Objects(arms, "armGroups", "armsInterventionsModule")
            .Select(a => (Element: a, Label: RegistryText.Clean(Str(a, "label", "armGroups[]"))))
            .Where(a => a.Label is not null)
            .Select(a => new ArmGroup
            {
                Label = a.Label!,
                Type = RegistryText.Clean(Str(a.Element, "type", "armGroups[]")),
                Description = RegistryText.Clean(Str(a.Element, "description", "armGroups[]")),
                InterventionNames = RegistryText.CleanList(Strings(a.Element, "interventionNames", "armGroups[]")),
            })
            .ToList();

    private static Enrollment? Enrollment(JsonElement enrollment)
    {
        if (enrollment.ValueKind != JsonValueKind.Object || !enrollment.TryGetProperty("count", out var count))
        {
            return null;
        }

        if (count.ValueKind != JsonValueKind.Number || !count.TryGetInt32(out var value) || value < 0)
        {
            throw new FieldException("protocolSection.designModule.enrollmentInfo.count", "not a whole number");
        }

        var type = Str(enrollment, "type", "enrollmentInfo");
        return new Enrollment(value, string.Equals(type, "ACTUAL", StringComparison.OrdinalIgnoreCase));
    }

    private static TrialEligibility Eligibility(JsonElement eligibility)
    {
        var minimum = Str(eligibility, "minimumAge", "eligibilityModule");
        var maximum = Str(eligibility, "maximumAge", "eligibilityModule");
        if (!AgeLimit.TryParse(minimum, out var minimumAge))
        {
            throw new FieldException("protocolSection.eligibilityModule.minimumAge", $"'{minimum}' is not an age such as '18 Years'");
        }

        if (!AgeLimit.TryParse(maximum, out var maximumAge))
        {
            throw new FieldException("protocolSection.eligibilityModule.maximumAge", $"'{maximum}' is not an age such as '65 Years'");
        }

        RegistryVocabulary.TryParseSex(Str(eligibility, "sex", "eligibilityModule"), out var sex);
        bool? healthy = eligibility.ValueKind == JsonValueKind.Object && eligibility.TryGetProperty("healthyVolunteers", out var hv)
            ? hv.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            }
            : null;

        return new TrialEligibility
        {
            Criteria = RegistryText.Clean(Str(eligibility, "eligibilityCriteria", "eligibilityModule")),
            MinimumAge = minimumAge,
            MaximumAge = maximumAge,
            Sex = sex,
            AcceptsHealthyVolunteers = healthy,
        };
    }

    private static List<TrialSite> Sites(JsonElement contacts) =>
        Objects(contacts, "locations", "contactsLocationsModule")
            .Select(location =>
            {
                RegistryVocabulary.TryParseStatus(Str(location, "status", "locations[]"), out var siteStatus);
                return new TrialSite
                {
                    Facility = RegistryText.Clean(Str(location, "facility", "locations[]")),
                    City = RegistryText.Clean(Str(location, "city", "locations[]")),
                    State = RegistryText.Clean(Str(location, "state", "locations[]")),
                    Country = RegistryText.Clean(Str(location, "country", "locations[]")),
                    PostalCode = RegistryText.Clean(Str(location, "zip", "locations[]")),
                    Coordinates = GeoPoint(Obj(location, "geoPoint", "locations[]")),
                    Status = siteStatus,
                    Contacts = Objects(location, "contacts", "locations[]").Select(Contact).ToList(),
                };
            })
            .ToList();

    private static GeoPoint? GeoPoint(JsonElement point)
    {
        if (point.ValueKind != JsonValueKind.Object
            || !point.TryGetProperty("lat", out var lat) || !point.TryGetProperty("lon", out var lon)
            || lat.ValueKind != JsonValueKind.Number || lon.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var latitude = lat.GetDouble();
        var longitude = lon.GetDouble();
        return Trials.GeoPoint.IsValid(latitude, longitude) ? new Trials.GeoPoint(latitude, longitude) : null;
    }

    private static Contact Contact(JsonElement contact) => new()
    {
        Name = RegistryText.Clean(Str(contact, "name", "contacts[]")),
        Role = RegistryText.Clean(Str(contact, "role", "contacts[]")),
        Phone = RegistryText.Clean(Str(contact, "phone", "contacts[]")),
        Email = RegistryText.Clean(Str(contact, "email", "contacts[]")),
    };

    private static JsonElement Obj(JsonElement parent, string name, string parentPath)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw new FieldException($"{parentPath}.{name}", $"expected an object, found {value.ValueKind}");
    }

    private static string? Str(JsonElement parent, string name, string parentPath)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw new FieldException($"{parentPath}.{name}", $"expected text, found {value.ValueKind}"),
        };
    }

    private static IEnumerable<string?> Strings(JsonElement parent, string name, string parentPath)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FieldException($"{parentPath}.{name}", $"expected a list, found {value.ValueKind}");
        }

        return value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.ToString()).ToList();
    }

    private static IEnumerable<JsonElement> Objects(JsonElement parent, string name, string parentPath)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FieldException($"{parentPath}.{name}", $"expected a list, found {value.ValueKind}");
        }

        return value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList();
    }
}
