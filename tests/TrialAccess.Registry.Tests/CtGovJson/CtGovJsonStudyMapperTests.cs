using System.Text.Json;
using TrialAccess.Registry.CtGovJson;
using TrialAccess.Registry.Tests.Sources;
using TrialAccess.Trials;

namespace TrialAccess.Registry.Tests.CtGovJson;

public class CtGovJsonStudyMapperTests
{
    [Fact]
    public void Map_FullStudy_ReadsEveryModelledField()
    {
        using var document = JsonDocument.Parse(SampleRecords.V2Study());
        var result = CtGovJsonStudyMapper.Map(document.RootElement, "sample.json");

        result.IsSuccess.Should().BeTrue(result.Error?.ToString());
        var trial = result.Trial!;
        trial.NctId.Value.Should().Be("NCT90000001");
        trial.SecondaryIds.Select(s => s.Id).Should().Equal("ORG-1", "EU-2024-1");
        trial.OverallStatus.Should().Be(RecruitmentStatus.Recruiting);
        trial.Phases.Should().Equal(TrialPhase.Phase1, TrialPhase.Phase2);
        trial.StudyType.Should().Be(StudyType.Interventional);
        trial.Conditions.Should().Equal("NSCLC", "Lung Cancer");
        trial.ConditionMeshTerms.Should().Equal("Carcinoma, Non-Small-Cell Lung");
        trial.Keywords.Should().Equal("EGFR");
        trial.BriefSummary.Should().Be("Line one.\nLine two.");
        trial.Dates.Start.Should().Be(new DateOnly(2024, 1, 1));
        trial.Dates.LastUpdate.Should().Be(new DateOnly(2024, 5, 2));
        trial.Enrollment.Should().Be(new Enrollment(120, IsActual: false));
        trial.LeadSponsor.Should().Be("Test Sponsor");
        trial.Collaborators.Should().Equal("Helper Org");
        trial.Interventions.Should().ContainSingle().Which.OtherNames.Should().Equal("AZD9291");
        trial.Arms.Should().ContainSingle().Which.InterventionNames.Should().Equal("Drug: Osimertinib");
        trial.Eligibility.MinimumAge.Should().Be(new AgeLimit(18, AgeUnit.Years));
        trial.Eligibility.MaximumAge.Should().BeNull();
        trial.Eligibility.Sex.Should().Be(EligibleSex.All);
        trial.Eligibility.AcceptsHealthyVolunteers.Should().BeFalse();
        trial.Eligibility.Criteria.Should().StartWith("Inclusion Criteria:\n\n* Age 18 or older");
        trial.Sites.Should().HaveCount(2);
        trial.Sites[0].Coordinates.Should().Be(new GeoPoint(42.36, -71.06));
        trial.Sites[0].Status.Should().Be(RecruitmentStatus.Recruiting);
        trial.Sites[1].Status.Should().Be(RecruitmentStatus.Completed);
        trial.Sites[1].Coordinates.Should().BeNull();
        trial.Contacts.Should().ContainSingle().Which.Email.Should().Be("desk@example.org");
    }

    [Fact]
    public void Map_MissingNctId_NamesTheField()
    {
        using var document = JsonDocument.Parse("""{"protocolSection": {"identificationModule": {"briefTitle": "x"}}}""");
        var result = CtGovJsonStudyMapper.Map(document.RootElement, "bad.json");

        result.IsSuccess.Should().BeFalse();
        result.Error!.Source.Should().Be("bad.json");
        result.Error.Field.Should().Be("protocolSection.identificationModule.nctId");
    }

    [Fact]
    public void Map_WrongKindInField_NamesTheField()
    {
        using var document = JsonDocument.Parse("""{"protocolSection": {"identificationModule": {"nctId": "NCT90000009", "briefTitle": "x"}, "conditionsModule": {"conditions": "NSCLC"}}}""");
        var result = CtGovJsonStudyMapper.Map(document.RootElement, "bad.json");

        result.Error!.Field.Should().Be("conditionsModule.conditions");
        result.Error.Message.Should().Contain("expected a list");
    }

    [Fact]
    public void Map_BadAge_NamesTheField()
    {
        using var document = JsonDocument.Parse("""{"protocolSection": {"identificationModule": {"nctId": "NCT90000009", "briefTitle": "x"}, "eligibilityModule": {"minimumAge": "eighteen"}}}""");
        var result = CtGovJsonStudyMapper.Map(document.RootElement, "bad.json");

        result.Error!.Field.Should().Be("protocolSection.eligibilityModule.minimumAge");
    }
}
