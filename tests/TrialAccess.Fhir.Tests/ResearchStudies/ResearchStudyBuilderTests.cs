using Hl7.Fhir.Model;
using TrialAccess.Fhir.ResearchStudies;
using TrialAccess.Testing;
using TrialAccess.Trials;

namespace TrialAccess.Fhir.Tests.ResearchStudies;

public sealed class ResearchStudyBuilderTests
{
    private static ClinicalTrial Trial(RecruitmentStatus status = RecruitmentStatus.Recruiting, params TrialPhase[] phases) => new()
    {
        NctId = NctId.Parse("NCT01234567"),
        SecondaryIds = [new SecondaryId("ABC-001")],
        BriefTitle = "Drug X in HER2-positive breast cancer",
        BriefSummary = "Tests drug X.",
        Conditions = ["HER2-positive Breast Cancer", " "],
        Keywords = ["HER2"],
        Phases = phases,
        StudyType = StudyType.Interventional,
        OverallStatus = status,
        Dates = new TrialDates { Start = new DateOnly(2022, 3, 1), PrimaryCompletion = new DateOnly(2026, 1, 1) },
        Enrollment = new Enrollment(120, false),
        LeadSponsor = "Example Cancer Center",
        Arms = [new ArmGroup { Label = "Drug X", Type = "EXPERIMENTAL", Description = "Drug X daily.", InterventionNames = ["Drug: Drug X"] }],
        Interventions = [new Intervention { Type = "DRUG", Name = "Drug X", OtherNames = ["DX-1"], Description = "An oral drug." }],
        Eligibility = new TrialEligibility { Criteria = "Inclusion Criteria:\n- HER2-positive breast cancer" },
        Contacts = [new Contact { Name = "Study desk", Phone = "555-0100", Email = "desk@example.org" }, new Contact()],
        Sites =
        [
            new TrialSite { Facility = "Boston site", City = "Boston", State = "Massachusetts", PostalCode = "02215", Country = "United States", Status = RecruitmentStatus.Recruiting },
            new TrialSite { Facility = "Lyon site", City = "Lyon", Country = "France", Coordinates = new GeoPoint(45.76, 4.84), Status = RecruitmentStatus.Completed },
            new TrialSite { Country = "France" },
        ],
    };

    [Fact]
    public void Build_FullRecord_HasEveryFieldTheCodexAppReadsAndValidates()
    {
        var study = ResearchStudyBuilder.Build(Trial(RecruitmentStatus.Recruiting, TrialPhase.Phase1, TrialPhase.Phase2));
        var json = FhirJson.Write(study);

        FhirValidation.Errors(json).Should().BeEmpty();
        FhirValidation.Warnings(json).Should().BeEmpty();
        study.Identifier[0].Should().BeEquivalentTo(new { Use = Identifier.IdentifierUse.Official, System = "http://clinicaltrials.gov", Value = "NCT01234567" }, o => o.ExcludingMissingMembers());
        study.Identifier[1].Use.Should().Be(Identifier.IdentifierUse.Secondary);
        study.Status.Should().Be(ResearchStudy.ResearchStudyStatus.Active);
        study.Phase!.Coding.Single().Code.Should().Be("phase-1-phase-2");
        study.Phase.Text.Should().Be("Phase 1/Phase 2");
        study.Category.Select(c => c.Text).Should().Equal("Study Type: Interventional");
        study.Condition.Select(c => c.Text).Should().Equal("HER2-positive Breast Cancer");
        study.Keyword.Select(c => c.Text).Should().Equal("HER2");
        study.Period!.Start.Should().Be("2022-03-01");
        study.Period!.End.Should().Be("2026-01-01");
        study.Enrollment.Single().Display.Should().StartWith("Inclusion Criteria:");
        study.Contained.OfType<Group>().Single().Quantity.Should().Be(120);
        study.Contact.Should().ContainSingle().Which.Telecom.Select(t => t.Value).Should().Equal("555-0100", "desk@example.org");
        study.Contained.OfType<Organization>().Single().Name.Should().Be("Example Cancer Center");
        study.Sponsor!.Reference.Should().Be("#orgNCT01234567");
        study.Arm.Single().Type!.Text.Should().Be("Experimental");
        study.Contained.OfType<PlanDefinition>().Single().Should().BeEquivalentTo(new { Name = "DrugX", Title = "Drug X", Subtitle = "DX-1" }, o => o.ExcludingMissingMembers());
        study.Protocol.Single().Reference.Should().Be("#plan-0");
        var locations = study.Contained.OfType<Location>().ToList();
        locations.Should().HaveCount(3);
        locations[0].Position!.Latitude.Should().BeApproximately(42.35m, 0.02m, "a US site without coordinates is placed at its ZIP centre");
        locations[0].Address!.PostalCode.Should().Be("02215");
        locations[2].Address!.Country.Should().Be("France");
        locations[2].Position.Should().BeNull();
        study.Site.Select(s => s.Reference).Should().Equal("#location-0", "#location-1", "#location-2");
        study.Location.Select(l => l.Text).Should().Equal("United States", "France");
        json.Should().NotContain("null").And.NotContain("[]");
    }

    [Theory]
    [InlineData(RecruitmentStatus.Recruiting, "active")]
    [InlineData(RecruitmentStatus.EnrollingByInvitation, "active")]
    [InlineData(RecruitmentStatus.NotYetRecruiting, "approved")]
    [InlineData(RecruitmentStatus.ActiveNotRecruiting, "closed-to-accrual")]
    [InlineData(RecruitmentStatus.Suspended, "temporarily-closed-to-accrual")]
    [InlineData(RecruitmentStatus.Completed, "completed")]
    [InlineData(RecruitmentStatus.Terminated, "administratively-completed")]
    [InlineData(RecruitmentStatus.Withdrawn, "withdrawn")]
    [InlineData(RecruitmentStatus.Unknown, "in-review")]
    [InlineData(RecruitmentStatus.NotStated, "in-review")]
    public void Build_RegistryStatus_IsMappedAsTheCodexLibraryDoes(RecruitmentStatus status, string expected) =>
        TrialAccess.Fhir.Matching.ResearchStudyCodes.StatusCode(status).Should().Be(expected);

    [Theory]
    [InlineData(new[] { TrialPhase.Phase2 }, "phase-2", "Phase 2")]
    [InlineData(new[] { TrialPhase.EarlyPhase1 }, "early-phase-1", "Early Phase 1")]
    [InlineData(new[] { TrialPhase.Phase3, TrialPhase.Phase2 }, "phase-2-phase-3", "Phase 2/Phase 3")]
    [InlineData(new[] { TrialPhase.NotApplicable }, "n-a", "N/A")]
    public void Build_Phases_AreResearchStudyPhaseCodes(TrialPhase[] phases, string code, string text)
    {
        var phase = ResearchStudyBuilder.Build(Trial(RecruitmentStatus.Recruiting, phases)).Phase;

        phase!.Coding.Single().Should().BeEquivalentTo(new { System = "http://terminology.hl7.org/CodeSystem/research-study-phase", Code = code }, o => o.ExcludingMissingMembers());
        phase.Text.Should().Be(text);
    }

    [Fact]
    public void Build_NoPhaseStated_LeavesPhaseOut()
    {
        var study = ResearchStudyBuilder.Build(Trial());

        study.Phase.Should().BeNull();
        FhirValidation.Errors(FhirJson.Write(study)).Should().BeEmpty();
    }

    [Fact]
    public void Build_BareRecord_IsStillValid()
    {
        var study = ResearchStudyBuilder.Build(new ClinicalTrial { NctId = NctId.Parse("NCT00000001"), BriefTitle = "Bare" });
        var json = FhirJson.Write(study);

        FhirValidation.Errors(json).Should().BeEmpty();
        json.Should().NotContain("null").And.NotContain("[]");
    }
}
