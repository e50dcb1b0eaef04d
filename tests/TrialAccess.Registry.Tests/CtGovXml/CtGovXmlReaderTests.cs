using System.Text;
using TrialAccess.Registry.CtGovXml;
using TrialAccess.Registry.Tests.Sources;
using TrialAccess.Trials;

namespace TrialAccess.Registry.Tests.CtGovXml;

public class CtGovXmlReaderTests
{
    private static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text.TrimStart()));

    [Fact]
    public void Read_LegacyRecord_ReadsEveryModelledField()
    {
        var result = CtGovXmlReader.Read(Utf8(SampleRecords.XmlStudy()), "NCT90000002.xml");

        result.IsSuccess.Should().BeTrue(result.Error?.ToString());
        var trial = result.Trial!;
        trial.NctId.Value.Should().Be("NCT90000002");
        trial.SecondaryIds.Select(s => s.Id).Should().Equal("LOCAL-7", "ALT-1");
        trial.OverallStatus.Should().Be(RecruitmentStatus.ActiveNotRecruiting);
        trial.Phases.Should().Equal(TrialPhase.Phase2, TrialPhase.Phase3);
        trial.BriefSummary.Should().Be("A short summary.");
        trial.Dates.Start.Should().Be(new DateOnly(2004, 9, 1));
        trial.Dates.LastUpdate.Should().Be(new DateOnly(2017, 3, 30));
        trial.Enrollment.Should().Be(new Enrollment(9, IsActual: true));
        trial.Eligibility.Sex.Should().Be(EligibleSex.Female);
        trial.Eligibility.MinimumAge.Should().Be(new AgeLimit(6, AgeUnit.Months));
        trial.Eligibility.MaximumAge.Should().BeNull();
        trial.Eligibility.Criteria.Should().StartWith("Inclusion Criteria:").And.Contain("Karnofsky 70 or more").And.NotContain("\r");
        trial.Arms.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Label = "WBRT", Type = "ACTIVE_COMPARATOR", InterventionNames = new[] { "Whole brain radiotherapy" } });
        trial.Interventions.Should().ContainSingle().Which.Type.Should().Be("RADIATION");
        trial.ConditionMeshTerms.Should().Equal("Brain Neoplasms");
        var site = trial.Sites.Should().ContainSingle().Subject;
        site.City.Should().Be("Lyon");
        site.Status.Should().Be(RecruitmentStatus.Recruiting);
        site.Coordinates.Should().BeNull();
        site.Contacts.Should().ContainSingle().Which.Email.Should().Be("t@example.org");
    }

    [Fact]
    public void Read_MalformedXml_SaysWhere()
    {
        var result = CtGovXmlReader.Read(Utf8("<clinical_study><id_info>"), "broken.xml");

        result.IsSuccess.Should().BeFalse();
        result.Error!.Source.Should().Be("broken.xml");
        result.Error.Message.Should().Contain("not well-formed XML");
    }

    [Fact]
    public void Read_OtherRootElement_IsRejected()
    {
        var result = CtGovXmlReader.Read(Utf8("<html><body/></html>"), "page.xml");

        result.Error!.Message.Should().Contain("<html>");
    }

    [Fact]
    public void Read_MissingNctId_NamesTheField()
    {
        var result = CtGovXmlReader.Read(Utf8("<clinical_study><brief_title>x</brief_title></clinical_study>"), "x.xml");

        result.Error!.Field.Should().Be("id_info/nct_id");
    }
}
