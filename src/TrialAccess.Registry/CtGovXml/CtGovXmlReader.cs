using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Trials;

namespace TrialAccess.Registry.CtGovXml;

/// <summary>
/// Reads one legacy ClinicalTrials.gov <c>clinical_study</c> XML document (the format of the registry's former
/// bulk download, one file per trial).
/// </summary>
public static class CtGovXmlReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>Reads one document with the default limits.</summary>
    public static TrialReadResult Read(Stream stream, string source) => Read(stream, source, TrialSourceLimits.Default);

    /// <summary>
    /// Reads one document: at most <see cref="TrialSourceLimits.MaxRecordBytes"/> bytes and
    /// <see cref="TrialSourceLimits.MaxXmlDepth"/> levels of elements; the encoding is taken from a byte-order mark
    /// (UTF-8 or UTF-16) or the XML declaration. Anything else is a failure naming the source.
    /// </summary>
    public static TrialReadResult Read(Stream stream, string source, TrialSourceLimits limits)
    {
        XDocument document;
        try
        {
            using var limited = new LimitedStream(stream, limits.MaxRecordBytes, limit => $"the XML document is larger than {JsonRecordSplitter.Describe(limit)}; not read");
            using var reader = new DepthLimitedXmlReader(XmlReader.Create(limited, Settings), limits.MaxXmlDepth);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return TrialReadResult.Failure(source, null, $"not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message.Split(" Line ", 2)[0]}");
        }
        catch (InputLimitExceededException e)
        {
            return TrialReadResult.Failure(source, null, e.Message);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return TrialReadResult.Failure(source, null, $"cannot be read: {e.Message}");
        }

        return Map(document.Root!, source);
    }

    public static TrialReadResult Map(XElement study, string source)
    {
        if (study.Name.LocalName != "clinical_study")
        {
            return TrialReadResult.Failure(source, null, $"root element is <{study.Name.LocalName}>, expected <clinical_study>");
        }

        var idInfo = study.Element("id_info");
        var nctText = idInfo?.Element("nct_id")?.Value;
        if (!NctId.TryParse(nctText, out var nctId))
        {
            return TrialReadResult.Failure(source, "id_info/nct_id", nctText is null ? "missing" : $"'{nctText}' is not an NCT id");
        }

        var briefTitle = Text(study.Element("brief_title")) ?? Text(study.Element("official_title"));
        if (briefTitle is null)
        {
            return TrialReadResult.Failure(source, "brief_title", "missing");
        }

        var eligibility = study.Element("eligibility");
        var minimum = eligibility?.Element("minimum_age")?.Value;
        var maximum = eligibility?.Element("maximum_age")?.Value;
        if (!AgeLimit.TryParse(minimum, out var minimumAge))
        {
            return TrialReadResult.Failure(source, "eligibility/minimum_age", $"'{minimum}' is not an age such as '18 Years'");
        }

        if (!AgeLimit.TryParse(maximum, out var maximumAge))
        {
            return TrialReadResult.Failure(source, "eligibility/maximum_age", $"'{maximum}' is not an age such as '65 Years'");
        }

        RegistryVocabulary.TryParseStatus(study.Element("overall_status")?.Value, out var overallStatus);
        RegistryVocabulary.TryParsePhases(study.Element("phase")?.Value, out var phases);
        RegistryVocabulary.TryParseStudyType(study.Element("study_type")?.Value, out var studyType);
        RegistryVocabulary.TryParseSex(eligibility?.Element("gender")?.Value, out var sex);

        var sponsors = study.Element("sponsors");
        var trial = new ClinicalTrial
        {
            NctId = nctId,
            SecondaryIds = SecondaryIds(idInfo!),
            BriefTitle = briefTitle,
            OfficialTitle = Text(study.Element("official_title")),
            Acronym = Text(study.Element("acronym")),
            BriefSummary = TextBlock(study.Element("brief_summary")),
            DetailedDescription = TextBlock(study.Element("detailed_description")),
            Conditions = RegistryText.CleanList(study.Elements("condition").Select(e => e.Value)),
            Keywords = RegistryText.CleanList(study.Elements("keyword").Select(e => e.Value)),
            ConditionMeshTerms = RegistryText.CleanList(study.Element("condition_browse")?.Elements("mesh_term").Select(e => e.Value) ?? []),
            Interventions = study.Elements("intervention")
                .Select(i => (Element: i, Name: Text(i.Element("intervention_name"))))
                .Where(i => i.Name is not null)
                .Select(i => new Intervention
                {
                    Name = i.Name!,
                    Type = ApiSpelling(i.Element.Element("intervention_type")?.Value),
                    Description = Text(i.Element.Element("description")),
                    OtherNames = RegistryText.CleanList(i.Element.Elements("other_name").Select(e => e.Value)),
                })
                .ToList(),
            InterventionMeshTerms = RegistryText.CleanList(study.Element("intervention_browse")?.Elements("mesh_term").Select(e => e.Value) ?? []),
            Phases = phases,
            StudyType = studyType,
            OverallStatus = overallStatus,
            Dates = new TrialDates
            {
                Start = RegistryDate.ParseOrNull(study.Element("start_date")?.Value),
                PrimaryCompletion = RegistryDate.ParseOrNull(study.Element("primary_completion_date")?.Value),
                Completion = RegistryDate.ParseOrNull(study.Element("completion_date")?.Value),
                LastUpdate = RegistryDate.ParseOrNull(study.Element("last_update_posted")?.Value)
                    ?? RegistryDate.ParseOrNull(study.Element("last_update_submitted")?.Value),
            },
            Enrollment = Enrollment(study.Element("enrollment")),
            LeadSponsor = Text(sponsors?.Element("lead_sponsor")?.Element("agency")),
            Collaborators = RegistryText.CleanList(sponsors?.Elements("collaborator").Select(c => c.Element("agency")?.Value) ?? []),
            Arms = study.Elements("arm_group")
                .Select(a => (Element: a, Label: Text(a.Element("arm_group_label"))))
                .Where(a => a.Label is not null)
                .Select(a => new ArmGroup
                {
                    Label = a.Label!,
                    Type = ApiSpelling(a.Element.Element("arm_group_type")?.Value),
                    Description = Text(a.Element.Element("description")),
                    InterventionNames = RegistryText.CleanList(study.Elements("intervention")
                        .Where(i => i.Elements("arm_group_label").Any(l => string.Equals(Text(l), a.Label, StringComparison.Ordinal)))
                        .Select(i => i.Element("intervention_name")?.Value)),
                })
                .ToList(),
            Eligibility = new TrialEligibility
            {
                Criteria = TextBlock(eligibility?.Element("criteria")),
                MinimumAge = minimumAge,
                MaximumAge = maximumAge,
                Sex = sex,
                AcceptsHealthyVolunteers = YesNo(eligibility?.Element("healthy_volunteers")?.Value),
            },
            Sites = study.Elements("location").Select(Site).ToList(),
            Contacts = new[] { study.Element("overall_contact"), study.Element("overall_contact_backup") }
                .Where(c => c is not null)
                .Select(c => Contact(c!, "CONTACT"))
                .ToList(),
            Source = source,
        };
        return TrialReadResult.Success(trial);
    }

    private static List<SecondaryId> SecondaryIds(XElement idInfo)
    {
        var ids = new List<SecondaryId>();
        var orgId = Text(idInfo.Element("org_study_id"));
        if (orgId is not null)
        {
            ids.Add(new SecondaryId(orgId, "ORG_STUDY_ID"));
        }

        ids.AddRange(idInfo.Elements("secondary_id").Select(Text).OfType<string>().Select(id => new SecondaryId(id)));
        ids.AddRange(idInfo.Elements("nct_alias").Select(Text).OfType<string>().Select(id => new SecondaryId(id, "NCT_ALIAS")));
        return ids;
    }

    private static TrialSite Site(XElement location)
    {
        var facility = location.Element("facility");
        var address = facility?.Element("address");
        RegistryVocabulary.TryParseStatus(location.Element("status")?.Value, out var status);
        var contacts = new List<Contact>();
        foreach (var contact in location.Elements("contact").Concat(location.Elements("contact_backup")))
        {
            contacts.Add(Contact(contact, "CONTACT"));
        }

        foreach (var investigator in location.Elements("investigator"))
        {
            contacts.Add(Contact(investigator, ApiSpelling(investigator.Element("role")?.Value) ?? "INVESTIGATOR"));
        }

        return new TrialSite
        {
            Facility = Text(facility?.Element("name")),
            City = Text(address?.Element("city")),
            State = Text(address?.Element("state")),
            Country = Text(address?.Element("country")),
            PostalCode = Text(address?.Element("zip")),
            Status = status,
            Contacts = contacts,
        };
    }

    private static Contact Contact(XElement contact, string role)
    {
        var name = string.Join(' ', new[] { contact.Element("first_name"), contact.Element("middle_name"), contact.Element("last_name") }
            .Select(Text).OfType<string>());
        var phone = Text(contact.Element("phone"));
        var extension = Text(contact.Element("phone_ext"));
        return new Contact
        {
            Name = name.Length == 0 ? null : name,
            Role = role,
            Phone = extension is null || phone is null ? phone : $"{phone} ext {extension}",
            Email = Text(contact.Element("email")),
        };
    }

    private static Enrollment? Enrollment(XElement? enrollment)
    {
        if (enrollment is null || !int.TryParse(enrollment.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }

        return new Enrollment(count, string.Equals(enrollment.Attribute("type")?.Value, "Actual", StringComparison.OrdinalIgnoreCase));
    }

    private static bool? YesNo(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "yes" or "accepts healthy volunteers" => true,
        "no" => false,
        _ => null,
    };

    /// <summary>"Active Comparator" becomes "ACTIVE_COMPARATOR", the API v2 spelling.</summary>
    private static string? ApiSpelling(string? value)
    {
        var clean = RegistryText.Clean(value);
        return clean?.ToUpperInvariant().Replace(' ', '_').Replace("/", "_", StringComparison.Ordinal).Replace("-", "_", StringComparison.Ordinal);
    }

    private static string? Text(XElement? element) => RegistryText.Clean(element?.Value);

    /// <summary>Text held in a <c>&lt;textblock&gt;</c> child, as the legacy format wraps long text.</summary>
    private static string? TextBlock(XElement? element) =>
        element is null ? null : RegistryText.Clean(element.Element("textblock")?.Value ?? element.Value);
}
