using System.Globalization;
using Hl7.Fhir.Model;
using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Fhir.Matching;
using TrialAccess.Geography;
using TrialAccess.Matching;
using TrialAccess.Trials;

namespace TrialAccess.Fhir.ResearchStudies;

/// <summary>
/// A stored trial as the ResearchStudy the CodeX converter writes and the CodeX app reads: identifier (official NCT
/// id), title, status and phase in their FHIR code systems, study type as a category ("Study Type: Interventional"),
/// conditions, keywords, description, the eligibility criteria as the enrollment Group, contacts, sponsor (a contained
/// Organization), arms, interventions as protocol PlanDefinitions, period, and sites as contained Locations with
/// address and position. For a match, the per-criterion explanation travels in the <see cref="EligibilityExtension"/>.
/// </summary>
public static class ResearchStudyBuilder
{
    /// <summary>Canonical URL of the complex extension carrying the eligibility assessment (documented in the README).</summary>
    public const string EligibilityExtension = "http://trialaccess.example.org/fhir/StructureDefinition/eligibility-assessment";

    /// <summary>The identifier system of ClinicalTrials.gov ids, as the CodeX converter writes it.</summary>
    public const string ClinicalTrialsGovSystem = "http://clinicaltrials.gov";

    public static ResearchStudy Build(ClinicalTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var id = trial.NctId.Value;
        var study = new ResearchStudy
        {
            Id = id,
            Identifier = [new Identifier(ClinicalTrialsGovSystem, id) { Use = Identifier.IdentifierUse.Official }],
            Title = trial.BriefTitle,
            Status = ResearchStudyCodes.Status(trial.OverallStatus),
            Phase = ResearchStudyCodes.Phase(trial.Phases),
        };
        study.Identifier.AddRange(trial.SecondaryIds.Where(s => !string.IsNullOrWhiteSpace(s.Id)).Select(s => new Identifier { Use = Identifier.IdentifierUse.Secondary, Value = s.Id }));

        if (StudyTypeText(trial.StudyType) is { } type)
        {
            study.Category.Add(new CodeableConcept { Text = $"Study Type: {type}" });
        }

        study.Condition.AddRange(NonBlank(trial.Conditions).Select(c => new CodeableConcept { Text = c }));
        study.Keyword.AddRange(NonBlank(trial.Keywords).Select(k => new CodeableConcept { Text = k }));
        if (!string.IsNullOrWhiteSpace(trial.BriefSummary))
        {
            study.Description = trial.BriefSummary;
        }

        if (trial.Dates.Start is not null || trial.Dates.Completion is not null)
        {
            study.Period = new Period { Start = Date(trial.Dates.Start), End = Date(trial.Dates.Completion ?? trial.Dates.PrimaryCompletion) };
        }

        AddEnrollment(study, trial);
        study.Contact.AddRange(trial.Contacts.Select(Contact).OfType<ContactDetail>());
        if (!string.IsNullOrWhiteSpace(trial.LeadSponsor))
        {
            var organizationId = "org" + id;
            study.Contained.Add(new Organization { Id = organizationId, Name = trial.LeadSponsor });
            study.Sponsor = new ResourceReference("#" + organizationId) { Type = "Organization" };
        }

        foreach (var arm in trial.Arms.Where(a => !string.IsNullOrWhiteSpace(a.Label)))
        {
            study.Arm.Add(new ResearchStudy.ArmComponent
            {
                Name = arm.Label,
                Type = string.IsNullOrWhiteSpace(arm.Type) ? null : new CodeableConcept { Text = Words(arm.Type) },
                Description = string.IsNullOrWhiteSpace(arm.Description) ? null : arm.Description,
            });
        }

        AddProtocol(study, trial);
        AddSites(study, trial);
        return study;
    }

    /// <summary>The study for one match: <see cref="Build(ClinicalTrial)"/> with the eligibility assessment extension.</summary>
    public static ResearchStudy Build(TrialMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var study = Build(match.Trial);
        study.Extension.Add(Assessment(match));
        return study;
    }

    /// <summary>
    /// The complex extension explaining a match: <c>verdict</c> (code), <c>criteriaMet</c>, <c>criteriaNotMet</c>,
    /// <c>criteriaUnknown</c> (unsignedInt), then one <c>criterion</c> per criterion with <c>role</c> (inclusion or
    /// exclusion), <c>text</c>, <c>outcome</c> (met, not-met, unknown, not-applicable; for an exclusion "met" means it
    /// applies), <c>excludes</c> (boolean: this outcome rules the patient out), <c>evidence</c> and <c>question</c>.
    /// </summary>
    public static Extension Assessment(TrialMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var counts = CriteriaCounts.Of(match.Eligibility);
        var extension = new Extension { Url = EligibilityExtension };
        extension.AddExtension("verdict", new Code(VerdictCode(match.Verdict)));
        extension.AddExtension("criteriaMet", new UnsignedInt(counts.Met));
        extension.AddExtension("criteriaNotMet", new UnsignedInt(counts.NotMet));
        extension.AddExtension("criteriaUnknown", new UnsignedInt(counts.Unknown));
        foreach (var criterion in match.Eligibility.Criteria)
        {
            var part = new Extension { Url = "criterion" };
            part.AddExtension("role", new Code(criterion.Role.ToString().ToLowerInvariant()));
            if (!string.IsNullOrWhiteSpace(criterion.Criterion.Segment.Text))
            {
                part.AddExtension("text", new FhirString(criterion.Criterion.Segment.Text));
            }

            part.AddExtension("outcome", new Code(OutcomeCode(criterion.Outcome)));
            part.AddExtension("excludes", new FhirBoolean(criterion.Fails));
            if (!string.IsNullOrWhiteSpace(criterion.Evidence))
            {
                part.AddExtension("evidence", new FhirString(criterion.Evidence));
            }

            foreach (var question in criterion.Questions.Where(q => !string.IsNullOrWhiteSpace(q)))
            {
                part.AddExtension("question", new FhirString(question));
            }

            extension.Extension.Add(part);
        }

        return extension;
    }

    public static string VerdictCode(TrialVerdict verdict) => verdict switch
    {
        TrialVerdict.Eligible => "eligible",
        TrialVerdict.LikelyEligible => "likely-eligible",
        TrialVerdict.PossiblyEligible => "possibly-eligible",
        TrialVerdict.LikelyIneligible => "likely-ineligible",
        TrialVerdict.Ineligible => "ineligible",
    };

    private static string OutcomeCode(CriterionOutcome outcome) => outcome switch
    {
        CriterionOutcome.Met => "met",
        CriterionOutcome.NotMet => "not-met",
        CriterionOutcome.Unknown => "unknown",
        CriterionOutcome.NotApplicable => "not-applicable",
    };

    private static string? StudyTypeText(StudyType type) => type switch
    {
        StudyType.Interventional => "Interventional",
        StudyType.Observational => "Observational",
        StudyType.ExpandedAccess => "Expanded Access",
        StudyType.NotStated => null,
    };

    /// <summary>The criteria as published, as the enrollment Group's display (what the CodeX app shows).</summary>
    private static void AddEnrollment(ResearchStudy study, ClinicalTrial trial)
    {
        var groupId = "group" + trial.NctId.Value;
        var group = new Group { Id = groupId, Type = Group.GroupType.Person, Actual = false };
        if (trial.Enrollment is { Count: >= 0 } enrollment)
        {
            group.Quantity = enrollment.Count;
        }

        study.Contained.Add(group);
        study.Enrollment.Add(new ResourceReference("#" + groupId)
        {
            Type = "Group",
            Display = string.IsNullOrWhiteSpace(trial.Eligibility.Criteria) ? null : trial.Eligibility.Criteria,
        });
    }

    private static void AddProtocol(ResearchStudy study, ClinicalTrial trial)
    {
        var index = 0;
        foreach (var intervention in trial.Interventions.Where(i => !string.IsNullOrWhiteSpace(i.Name)))
        {
            var planId = $"plan-{index++}";
            var arms = trial.Arms.Where(a => a.InterventionNames.Any(n => n.EndsWith(intervention.Name, StringComparison.OrdinalIgnoreCase))).Select(a => a.Label).ToList();
            study.Contained.Add(new PlanDefinition
            {
                Id = planId,
                Name = MachineName(intervention.Name, index),
                Status = PublicationStatus.Unknown,
                Title = intervention.Name,
                Subtitle = intervention.OtherNames.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
                Type = string.IsNullOrWhiteSpace(intervention.Type) ? null : new CodeableConcept { Text = Words(intervention.Type) },
                Description = string.IsNullOrWhiteSpace(intervention.Description) ? null : intervention.Description,
                Subject = arms.Count == 0 ? null : new CodeableConcept { Text = string.Join("; ", arms) },
            });
            study.Protocol.Add(new ResourceReference("#" + planId) { Type = "PlanDefinition" });
        }
    }

    private static void AddSites(ResearchStudy study, ClinicalTrial trial)
    {
        for (var i = 0; i < trial.Sites.Count; i++)
        {
            var site = trial.Sites[i];
            var locationId = $"location-{i}";
            var location = new Location
            {
                Id = locationId,
                Name = string.IsNullOrWhiteSpace(site.Facility) ? null : site.Facility,
                Status = site.Status switch
                {
                    RecruitmentStatus.Recruiting or RecruitmentStatus.NotYetRecruiting or RecruitmentStatus.EnrollingByInvitation => Location.LocationStatus.Active,
                    RecruitmentStatus.NotStated => null,
                    _ => Location.LocationStatus.Inactive,
                },
            };
            var address = new Address { Use = Address.AddressUse.Work };
            address.City = Blank(site.City);
            address.State = Blank(site.State);
            address.PostalCode = Blank(site.PostalCode);
            address.Country = Blank(site.Country);
            if (address.City is not null || address.State is not null || address.PostalCode is not null || address.Country is not null)
            {
                location.Address = address;
            }

            if (SitePositions.Of(site) is { } point)
            {
                location.Position = new Location.PositionComponent { Latitude = (decimal)point.Latitude, Longitude = (decimal)point.Longitude };
            }

            foreach (var contact in site.Contacts)
            {
                AddTelecom(location.Telecom, contact);
            }

            study.Contained.Add(location);
            study.Site.Add(new ResourceReference("#" + locationId) { Type = "Location" });
        }

        var countries = trial.Sites.Select(s => Blank(s.Country)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        study.Location.AddRange(countries.Select(c => new CodeableConcept { Text = c }));
    }

    private static ContactDetail? Contact(Contact contact)
    {
        var detail = new ContactDetail { Name = Blank(contact.Name) };
        AddTelecom(detail.Telecom, contact);
        return detail.Name is null && detail.Telecom.Count == 0 ? null : detail;
    }

    private static void AddTelecom(List<ContactPoint> telecom, Contact contact)
    {
        if (Blank(contact.Phone) is { } phone)
        {
            telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, phone));
        }

        if (Blank(contact.Email) is { } email)
        {
            telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Work, email));
        }
    }

    /// <summary>A PlanDefinition name as FHIR wants it (pdf-0: a capital letter, then letters, digits and underscores).</summary>
    private static string MachineName(string title, int index)
    {
        var words = title.Split((char[])[' ', '-', '/', ',', '.', '(', ')', '+', ':', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        var name = string.Concat(words);
        name = name.Length == 0 || !char.IsAsciiLetter(name[0]) ? $"Intervention{index}{name}" : name;
        return name.Length > 255 ? name[..255] : name;
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IEnumerable<string> NonBlank(IEnumerable<string> texts) => texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim());

    /// <summary>The registry's spelling (ACTIVE_COMPARATOR) as words (Active Comparator).</summary>
    private static string Words(string registry) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(registry.Replace('_', ' ').ToLowerInvariant());
}
