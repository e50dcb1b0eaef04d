using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrialAccess.Ingestion;
using TrialAccess.Registry.Sources;
using TrialAccess.Trials;

namespace TrialAccess.Registry.NciCts;

/// <summary>
/// Maps one NCI Clinical Trials Search (CTS) API v2 trial record (<c>nci_id</c>, <c>nct_id</c>, <c>brief_title</c>,
/// <c>eligibility</c> with <c>structured</c> limits and <c>unstructured</c> criteria, NCIt-coded <c>diseases</c>,
/// <c>arms</c> with interventions, <c>sites</c>) to a <see cref="ClinicalTrial"/>. Unknown fields are ignored; a missing
/// NCT id or title, or a value of the wrong JSON kind in a field that is read, is an error naming the field.
/// </summary>
/// <remarks>
/// <para>
/// Trials are stored by NCT id, so a CTS record without one (NCI-only registrations) is refused by name. The CTS
/// vocabulary is the NCI Clinical Trials Reporting Program's; statuses are mapped as CTRP reports them to
/// ClinicalTrials.gov (see <see cref="ParseStatus"/>).
/// </para>
/// <para>
/// CTS expands each disease and intervention into its NCIt ancestors (<c>inclusion_indicator: "TREE"</c>, "Neoplasm
/// by Site", "Pharmacologic Substance"); only the ones named on the trial itself (<c>"TRIAL"</c>) are kept as
/// conditions and interventions.
/// </para>
/// </remarks>
public static partial class NciCtsRecordMapper
{
    /// <summary>CTS writes "999 Years" where ClinicalTrials.gov writes "N/A": no upper age limit.</summary>
    private const decimal NoMaximumYears = 999m;

    /// <summary>The placeholder arm CTS files interventions under when the trial names no arm for them.</summary>
    private const string UnspecifiedArm = "Arm not specified";

    /// <summary>True for an object that looks like a CTS record: <c>nci_id</c>, or <c>nct_id</c> with <c>eligibility</c>.</summary>
    public static bool IsRecord(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && (element.TryGetProperty("nci_id", out _)
            || (element.TryGetProperty("nct_id", out _) && element.TryGetProperty("eligibility", out _)));

    public static TrialReadResult Map(JsonElement record, string source)
    {
        return FieldException.Guard(source, () => MapCore(record, source));
    }

    private static TrialReadResult MapCore(JsonElement record, string source)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return TrialReadResult.Failure(source, null, $"expected a trial record object, found {record.ValueKind}");
        }

        var nciId = RegistryText.Clean(Str(record, "nci_id", ""));
        var nctText = RegistryText.Clean(Str(record, "nct_id", ""));
        if (!NctId.TryParse(nctText, out var nctId))
        {
            var message = nctText is not null
                ? $"'{nctText}' is not an NCT id"
                : nciId is not null
                    ? $"missing: NCI trial {nciId} has no ClinicalTrials.gov (NCT) id, and trials are stored by NCT id; not read"
                    : "missing";
            return TrialReadResult.Failure(source, "nct_id", message);
        }

        var briefTitle = RegistryText.Clean(Str(record, "brief_title", "")) ?? RegistryText.Clean(Str(record, "official_title", ""));
        if (briefTitle is null)
        {
            return TrialReadResult.Failure(source, "brief_title", "missing");
        }

        var arms = Objects(record, "arms", "").ToList();
        var trial = new ClinicalTrial
        {
            NctId = nctId,
            SecondaryIds = SecondaryIds(record, nciId),
            BriefTitle = briefTitle,
            OfficialTitle = RegistryText.Clean(Str(record, "official_title", "")),
            Acronym = RegistryText.Clean(Str(record, "acronym", "")),
            BriefSummary = RegistryText.Clean(Str(record, "brief_summary", "")),
            DetailedDescription = RegistryText.Clean(Str(record, "detail_description", "")),
            Conditions = Conditions(record),
            Keywords = RegistryText.CleanList(Strings(record, "keywords", "")),
            Interventions = Interventions(arms),
            Phases = ParsePhases(Str(record, "phase", "")),
            StudyType = ParseStudyType(Str(record, "study_protocol_type", "")),
            OverallStatus = ParseStatus(Str(record, "current_trial_status", "")),
            Dates = new TrialDates
            {
                Start = Date(Str(record, "start_date", "")),
                PrimaryCompletion = Date(Str(record, "primary_completion_date", "")),
                Completion = Date(Str(record, "completion_date", "")),
                LastUpdate = new[] { "amendment_date", "record_verification_date", "current_trial_status_date", "date_last_updated_anything" }
                    .Select(name => Date(Str(record, name, "")))
                    .Max(),
            },
            Enrollment = Enrollment(record),
            LeadSponsor = RegistryText.Clean(Str(record, "lead_org", "")),
            Collaborators = RegistryText.CleanList(Objects(record, "collaborators", "").Select(c => Str(c.Element, "name", c.Path))),
            Arms = Arms(arms),
            Eligibility = Eligibility(Obj(record, "eligibility", "")),
            Sites = Sites(record),
            Contacts = Contacts(record),
            Source = source,
        };
        return TrialReadResult.Success(trial);
    }

    /// <summary>
    /// A CTRP trial status as ClinicalTrials.gov states it, the mapping CTRP uses when it reports to the registry.
    /// The same vocabulary serves sites (<c>ACTIVE</c>, <c>CLOSED_TO_ACCRUAL</c>, ...); spelling, case and punctuation
    /// do not matter.
    /// <list type="table">
    /// <listheader><term>CTS</term><description>ClinicalTrials.gov</description></listheader>
    /// <item><term>In Review, Approved</term><description>NOT_YET_RECRUITING (registered, not yet open)</description></item>
    /// <item><term>Active</term><description>RECRUITING</description></item>
    /// <item><term>Enrolling by Invitation</term><description>ENROLLING_BY_INVITATION</description></item>
    /// <item><term>Closed to Accrual; Closed to Accrual and Intervention</term><description>ACTIVE_NOT_RECRUITING</description></item>
    /// <item><term>Temporarily Closed to Accrual (and Intervention)</term><description>SUSPENDED</description></item>
    /// <item><term>Complete</term><description>COMPLETED</description></item>
    /// <item><term>Administratively Complete</term><description>TERMINATED (closed before its planned end: poor accrual, drug supply, ...)</description></item>
    /// <item><term>Withdrawn</term><description>WITHDRAWN</description></item>
    /// </list>
    /// A ClinicalTrials.gov spelling ("RECRUITING") is read as such; anything else is <see cref="RecruitmentStatus.NotStated"/>.
    /// </summary>
    internal static RecruitmentStatus ParseStatus(string? text)
    {
        if (text is null)
        {
            return RecruitmentStatus.NotStated;
        }

        return Fold(text) switch
        {
            "inreview" or "approved" => RecruitmentStatus.NotYetRecruiting,
            "active" => RecruitmentStatus.Recruiting,
            "enrollingbyinvitation" => RecruitmentStatus.EnrollingByInvitation,
            "closedtoaccrual" or "closedtoaccrualandintervention" => RecruitmentStatus.ActiveNotRecruiting,
            "temporarilyclosedtoaccrual" or "temporarilyclosedtoaccrualandintervention" => RecruitmentStatus.Suspended,
            "complete" or "completed" => RecruitmentStatus.Completed,
            "administrativelycomplete" => RecruitmentStatus.Terminated,
            "withdrawn" => RecruitmentStatus.Withdrawn,
            _ => RegistryVocabulary.TryParseStatus(text, out var status) ? status : RecruitmentStatus.NotStated,
        };
    }

    /// <summary>
    /// A CTS phase: <c>O</c> (phase 0, held as early phase 1 as ClinicalTrials.gov does), <c>I</c> to <c>IV</c>,
    /// the combined <c>I_II</c> and <c>II_III</c>, and <c>NA</c>. A ClinicalTrials.gov spelling is read as such;
    /// anything else gives no phase.
    /// </summary>
    internal static IReadOnlyList<TrialPhase> ParsePhases(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var phases = new List<TrialPhase>();
        foreach (var part in text.Trim().ToUpperInvariant().Split(['_', '/', ' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            TrialPhase? phase = part switch
            {
                "O" or "0" => TrialPhase.EarlyPhase1,
                "I" or "1" => TrialPhase.Phase1,
                "II" or "2" => TrialPhase.Phase2,
                "III" or "3" => TrialPhase.Phase3,
                "IV" or "4" => TrialPhase.Phase4,
                "NA" or "N/A" => TrialPhase.NotApplicable,
                _ => null,
            };
            if (phase is null)
            {
                return RegistryVocabulary.TryParsePhases(text, out var registry) ? registry : [];
            }

            if (!phases.Contains(phase.Value))
            {
                phases.Add(phase.Value);
            }
        }

        return phases;
    }

    /// <summary>CTS <c>study_protocol_type</c>: "Interventional", "Non-interventional" (observational and ancillary-correlative studies), "Expanded Access".</summary>
    internal static StudyType ParseStudyType(string? text)
    {
        if (text is null)
        {
            return StudyType.NotStated;
        }

        return Fold(text) switch
        {
            "noninterventional" or "ancillarycorrelative" => StudyType.Observational,
            _ => RegistryVocabulary.TryParseStudyType(text, out var type) ? type : StudyType.NotStated,
        };
    }

    /// <summary>
    /// The inclusion items, then the exclusion items, each in <c>display_order</c>, under the registry's headings with one
    /// <c>*</c> bullet per item; an item's further lines are indented under its bullet, so that its own sub-bullets nest.
    /// A record whose only item is a whole criteria text with its own headings (copied from ClinicalTrials.gov) keeps
    /// that text as it is.
    /// </summary>
    internal static string? Criteria(JsonElement eligibility)
    {
        var items = new List<(bool Inclusion, decimal Order, int Position, string Text)>();
        var position = 0;
        foreach (var (item, path) in Objects(eligibility, "unstructured", "eligibility"))
        {
            var text = RegistryText.Clean(Str(item, "description", path));
            var inclusion = item.TryGetProperty("inclusion_indicator", out var indicator) ? indicator.ValueKind : JsonValueKind.Undefined;
            if (text is not null)
            {
                if (inclusion is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new FieldException($"{path}.inclusion_indicator", inclusion == JsonValueKind.Undefined
                        ? "missing: cannot tell whether the criterion includes or excludes"
                        : $"expected true or false, found {inclusion}");
                }

                var order = Number(item, "display_order", path) ?? position;
                items.Add((inclusion == JsonValueKind.True, order, position, text));
            }

            position++;
        }

        if (items.Count == 0)
        {
            return null;
        }

        if (items.Count == 1 && OwnHeading().IsMatch(items[0].Text))
        {
            return items[0].Text;
        }

        var criteria = new StringBuilder();
        foreach (var inclusion in new[] { true, false })
        {
            var section = items.Where(i => i.Inclusion == inclusion).OrderBy(i => i.Order).ThenBy(i => i.Position).ToList();
            if (section.Count == 0)
            {
                continue;
            }

            if (criteria.Length > 0)
            {
                criteria.Append("\n\n");
            }

            criteria.Append(inclusion ? "Inclusion Criteria:\n\n" : "Exclusion Criteria:\n\n");
            for (var i = 0; i < section.Count; i++)
            {
                if (i > 0)
                {
                    criteria.Append('\n');
                }

                AppendBullet(criteria, section[i].Text);
            }
        }

        return criteria.ToString();
    }

    private static void AppendBullet(StringBuilder criteria, string text)
    {
        var lines = text.Split('\n');
        criteria.Append("* ").Append(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            criteria.Append('\n');
            if (!string.IsNullOrWhiteSpace(line))
            {
                criteria.Append("  ").Append(line.TrimEnd());
            }
        }
    }

    /// <summary>A line that is itself an inclusion or exclusion heading ("-  INCLUSION CRITERIA:").</summary>
    [GeneratedRegex(@"^[\s\-*•]*(inclusion|exclusion)\s+criteria\b", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex OwnHeading();

    private static List<SecondaryId> SecondaryIds(JsonElement record, string? nciId)
    {
        var ids = new List<SecondaryId>();
        void Add(string? id, string type)
        {
            var clean = RegistryText.Clean(id);
            if (clean is not null && !ids.Any(s => string.Equals(s.Id, clean, StringComparison.OrdinalIgnoreCase)))
            {
                ids.Add(new SecondaryId(clean, type));
            }
        }

        Add(nciId, "NCI_ID");
        Add(Str(record, "protocol_id", ""), "ORG_STUDY_ID");
        Add(Str(record, "ctep_id", ""), "CTEP_ID");
        Add(Str(record, "dcp_id", ""), "DCP_ID");
        Add(Str(record, "ccr_id", ""), "CCR_ID");
        foreach (var (other, path) in Objects(record, "other_ids", ""))
        {
            Add(Str(other, "value", path), RegistryText.Clean(Str(other, "name", path)) ?? "OTHER");
        }

        return ids;
    }

    /// <summary>The diseases named on the trial, lead diseases first; the NCIt ancestors CTS adds (<c>TREE</c>) are left out.</summary>
    private static IReadOnlyList<string> Conditions(JsonElement record)
    {
        var diseases = Objects(record, "diseases", "")
            .Select(d => (
                Name: Str(d.Element, "name", d.Path),
                Indicator: Str(d.Element, "inclusion_indicator", d.Path),
                Lead: Bool(d.Element, "is_lead_disease", d.Path) == true))
            .Where(d => !string.Equals(d.Indicator, "TREE", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return RegistryText.CleanList(diseases.Where(d => d.Lead).Concat(diseases.Where(d => !d.Lead)).Select(d => d.Name));
    }

    /// <summary>The interventions named on the trial, from every arm (first mention kept), without their NCIt ancestors.</summary>
    private static List<Intervention> Interventions(List<(JsonElement Element, string Path)> arms)
    {
        var interventions = new List<Intervention>();
        foreach (var (intervention, path) in TrialInterventions(arms))
        {
            var name = RegistryText.Clean(Str(intervention, "name", path));
            if (name is null || interventions.Any(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            interventions.Add(new Intervention
            {
                Name = name,
                Type = InterventionType(Str(intervention, "type", path)),
                Description = RegistryText.Clean(Str(intervention, "description", path)),
                OtherNames = RegistryText.CleanList(Strings(intervention, "synonyms", path)).Where(n => !string.Equals(n, name, StringComparison.OrdinalIgnoreCase)).ToList(),
            });
        }

        return interventions;
    }

    private static IEnumerable<(JsonElement Intervention, string Path)> TrialInterventions(IEnumerable<(JsonElement Element, string Path)> arms) =>
        arms.SelectMany(arm => Objects(arm.Element, "interventions", arm.Path))
            .Select(x => (Intervention: x.Element, x.Path))
            .Where(x => !string.Equals(Str(x.Intervention, "inclusion_indicator", x.Path), "TREE", StringComparison.OrdinalIgnoreCase));

    /// <summary>The CTS intervention type ("Drug", "Biological/Vaccine", "Procedure/Surgery", ...) in API v2 spelling.</summary>
    internal static string? InterventionType(string? text)
    {
        var clean = RegistryText.Clean(text);
        if (clean is null)
        {
            return null;
        }

        return Fold(clean) switch
        {
            "drug" => "DRUG",
            "biological" or "biologic" or "biologicalvaccine" or "vaccine" => "BIOLOGICAL",
            "procedure" or "proceduresurgery" or "surgery" => "PROCEDURE",
            "radiation" => "RADIATION",
            "device" => "DEVICE",
            "behavioral" => "BEHAVIORAL",
            "genetic" => "GENETIC",
            "dietarysupplement" => "DIETARY_SUPPLEMENT",
            "combinationproduct" => "COMBINATION_PRODUCT",
            "diagnostictest" => "DIAGNOSTIC_TEST",
            "other" => "OTHER",
            _ => ApiSpelling(clean),
        };
    }

    private static List<ArmGroup> Arms(List<(JsonElement Element, string Path)> arms) =>
        arms
            .Select(arm => (arm.Element, arm.Path, Label: RegistryText.Clean(Str(arm.Element, "name", arm.Path))))
            .Where(a => a.Label is not null && !string.Equals(a.Label, UnspecifiedArm, StringComparison.OrdinalIgnoreCase))
            .Select(a => new ArmGroup
            {
                Label = a.Label!,
                Type = RegistryText.Clean(Str(a.Element, "type", a.Path)) is { } type ? ApiSpelling(type) : null,
                Description = RegistryText.Clean(Str(a.Element, "description", a.Path)),
                InterventionNames = RegistryText.CleanList(TrialInterventions([(a.Element, a.Path)]).Select(x => Str(x.Intervention, "name", x.Path))),
            })
            .ToList();

    private static Enrollment? Enrollment(JsonElement record)
    {
        var target = Number(record, "minimum_target_accrual_number", "");
        if (target is null)
        {
            return null;
        }

        if (target < 0 || target > int.MaxValue || target != decimal.Truncate(target.Value))
        {
            throw new FieldException("minimum_target_accrual_number", $"{target.Value.ToString(CultureInfo.InvariantCulture)} is not a whole number of participants");
        }

        return new Enrollment((int)target.Value, IsActual: false);
    }

    private static TrialEligibility Eligibility(JsonElement eligibility)
    {
        var structured = Obj(eligibility, "structured", "eligibility");
        RegistryVocabulary.TryParseSex(Str(structured, "sex", "eligibility.structured") ?? Str(structured, "gender", "eligibility.structured"), out var sex);
        return new TrialEligibility
        {
            Criteria = Criteria(eligibility),
            MinimumAge = Age(structured, "min"),
            MaximumAge = Age(structured, "max") is { } maximum && maximum.TotalYears < NoMaximumYears ? maximum : null,
            Sex = sex,
            AcceptsHealthyVolunteers = Bool(structured, "accepts_healthy_volunteers", "eligibility.structured"),
        };
    }

    /// <summary>The age as written (<c>min_age</c>: "18 Years", "6 Months"), else its number and unit fields.</summary>
    private static AgeLimit? Age(JsonElement structured, string bound)
    {
        var name = $"{bound}_age";
        var text = RegistryText.Clean(Str(structured, name, "eligibility.structured"));
        if (text is null)
        {
            var number = Number(structured, $"{bound}_age_number", "eligibility.structured");
            if (number is null)
            {
                return null;
            }

            name = $"{bound}_age_number";
            var unit = RegistryText.Clean(Str(structured, $"{bound}_age_unit", "eligibility.structured")) ?? "Years";
            text = $"{number.Value.ToString(CultureInfo.InvariantCulture)} {unit}";
        }

        return AgeLimit.TryParse(text, out var limit)
            ? limit
            : throw new FieldException($"eligibility.structured.{name}", $"'{text}' is not an age such as '18 Years'");
    }

    private static List<TrialSite> Sites(JsonElement record) =>
        Objects(record, "sites", "")
            .Select(entry =>
            {
                var (site, path) = entry;
                var contact = new Contact
                {
                    Name = RegistryText.Clean(Str(site, "contact_name", path)),
                    Role = "CONTACT",
                    Phone = RegistryText.Clean(Str(site, "contact_phone", path)),
                    Email = RegistryText.Clean(Str(site, "contact_email", path)),
                };
                return new TrialSite
                {
                    Facility = RegistryText.Clean(Str(site, "org_name", path)),
                    City = RegistryText.Clean(Str(site, "org_city", path)),
                    State = RegistryText.Clean(Str(site, "org_state_or_province", path)),
                    Country = RegistryText.Clean(Str(site, "org_country", path)),
                    PostalCode = RegistryText.Clean(Str(site, "org_postal_code", path)),
                    Coordinates = GeoPoint(Obj(site, "org_coordinates", path)),
                    Status = ParseStatus(Str(site, "recruitment_status", path)),
                    Contacts = contact is { Name: null, Phone: null, Email: null } ? [] : [contact],
                };
            })
            .ToList();

    private static List<Contact> Contacts(JsonElement record)
    {
        var contacts = new List<Contact>();
        var central = Obj(record, "central_contact", "");
        var contact = new Contact
        {
            Name = RegistryText.Clean(Str(central, "name", "central_contact")),
            Role = RegistryText.Clean(Str(central, "type", "central_contact")) is { } type ? ApiSpelling(type) : "CONTACT",
            Phone = RegistryText.Clean(Str(central, "phone", "central_contact")),
            Email = RegistryText.Clean(Str(central, "email", "central_contact")),
        };
        if (contact is not { Name: null, Phone: null, Email: null })
        {
            contacts.Add(contact);
        }

        if (RegistryText.Clean(Str(record, "principal_investigator", "")) is { } investigator)
        {
            contacts.Add(new Contact { Name = investigator, Role = "PRINCIPAL_INVESTIGATOR" });
        }

        return contacts;
    }

    private static GeoPoint? GeoPoint(JsonElement point)
    {
        if (point.ValueKind != JsonValueKind.Object
            || !point.TryGetProperty("lat", out var lat) || !point.TryGetProperty("lon", out var lon)
            || lat.ValueKind != JsonValueKind.Number || lon.ValueKind != JsonValueKind.Number
            || !lat.TryGetDouble(out var latitude) || !lon.TryGetDouble(out var longitude))
        {
            return null;
        }

        return Trials.GeoPoint.IsValid(latitude, longitude) ? new Trials.GeoPoint(latitude, longitude) : null;
    }

    /// <summary>A CTS date, "2021-08-16" or with a time ("2021-08-03T00:00:00"), of which only the day is kept.</summary>
    private static DateOnly? Date(string? text)
    {
        var clean = RegistryText.Clean(text);
        if (clean is null)
        {
            return null;
        }

        var time = clean.IndexOf('T', StringComparison.Ordinal);
        return RegistryDate.ParseOrNull(time > 0 ? clean[..time] : clean);
    }

    /// <summary>"Active Comparator" and "ACTIVE_COMPARATOR" both as <c>ACTIVE_COMPARATOR</c>.</summary>
    private static string ApiSpelling(string text)
    {
        var spelled = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                spelled.Append(char.ToUpperInvariant(c));
            }
            else if (spelled.Length > 0 && spelled[^1] != '_')
            {
                spelled.Append('_');
            }
        }

        return spelled.ToString().TrimEnd('_');
    }

    /// <summary>Lower case with everything but letters and digits removed: "Closed to Accrual" and "CLOSED_TO_ACCRUAL" both become "closedtoaccrual".</summary>
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    private static string FieldPath(string parentPath, string name) => parentPath.Length == 0 ? name : $"{parentPath}.{name}";

    private static JsonElement Obj(JsonElement parent, string name, string parentPath)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw new FieldException(FieldPath(parentPath, name), $"expected an object, found {value.ValueKind}");
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
            _ => throw new FieldException(FieldPath(parentPath, name), $"expected text, found {value.ValueKind}"),
        };
    }

    private static decimal? Number(JsonElement parent, string name, string parentPath)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new FieldException(FieldPath(parentPath, name), $"expected a number, found {(value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.ValueKind.ToString())}");
    }

    private static bool? Bool(JsonElement parent, string name, string parentPath)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw new FieldException(FieldPath(parentPath, name), $"expected true or false, found {value.ValueKind}"),
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
            throw new FieldException(FieldPath(parentPath, name), $"expected a list, found {value.ValueKind}");
        }

        return value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.ToString()).ToList();
    }

    /// <summary>The objects of a list, each with its path (<c>sites[3]</c>, by its place in the list); other elements are skipped.</summary>
    private static IEnumerable<(JsonElement Element, string Path)> Objects(JsonElement parent, string name, string parentPath)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FieldException(FieldPath(parentPath, name), $"expected a list, found {value.ValueKind}");
        }

        var path = FieldPath(parentPath, name);
        return value.EnumerateArray()
            .Select((e, i) => (Element: e, Path: $"{path}[{i}]"))
            .Where(e => e.Element.ValueKind == JsonValueKind.Object)
            .ToList();
    }
}
