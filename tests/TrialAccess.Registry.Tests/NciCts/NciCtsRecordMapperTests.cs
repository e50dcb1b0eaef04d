using System.Text.Json;
using TrialAccess.Registry.NciCts;
using TrialAccess.Registry.Tests.Sources;
using TrialAccess.Trials;

namespace TrialAccess.Registry.Tests.NciCts;

public class NciCtsRecordMapperTests
{
    private static Ingestion.TrialReadResult Map(string json, string source = "cts.json")
    {
        using var document = JsonDocument.Parse(json);
        return NciCtsRecordMapper.Map(document.RootElement, source);
    }

    /// <summary>The sample record with one top-level field replaced (its raw JSON value).</summary>
    private static string SampleWith(string field, string value)
    {
        var record = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(SampleRecords.NciCtsRecord())!;
        record[field] = JsonDocument.Parse(value).RootElement.Clone();
        return JsonSerializer.Serialize(record);
    }

    /// <summary>The sample record without the named top-level fields.</summary>
    private static string SampleWithout(params string[] fields)
    {
        var record = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(SampleRecords.NciCtsRecord())!;
        foreach (var field in fields)
        {
            record.Remove(field);
        }

        return JsonSerializer.Serialize(record);
    }

    [Fact]
    public void Map_FullRecord_ReadsIdsTitlesAndText()
    {
        var result = Map(SampleRecords.NciCtsRecord());

        result.IsSuccess.Should().BeTrue(result.Error?.ToString());
        var trial = result.Trial!;
        trial.NctId.Value.Should().Be("NCT99000001");
        trial.SecondaryIds.Should().Equal(
            new SecondaryId("NCI-2099-00001", "NCI_ID"),
            new SecondaryId("ZZ-101", "ORG_STUDY_ID"),
            new SecondaryId("ZZ101", "CTEP_ID"),
            new SecondaryId("s99-00001", "Study Protocol Other Identifier"));
        trial.BriefTitle.Should().Be("Zetolimab with Standard Chemotherapy in Treating Patients with Stage IV Lung Cancer");
        trial.OfficialTitle.Should().Be("A Randomized Phase I/II Trial of Zetolimab in Stage IV Non-Small Cell Lung Cancer");
        trial.Acronym.Should().Be("ZETA-1");
        trial.BriefSummary.Should().Be("This phase I/II trial studies zetolimab.\nSecond line.");
        trial.DetailedDescription.Should().Be("PRIMARY OBJECTIVE:\n\nI. To compare survival.");
        trial.Keywords.Should().Equal("zetolimab", "NSCLC");
        trial.Source.Should().Be("cts.json");
    }

    [Fact]
    public void Map_Diseases_KeepsTrialLevelDiseasesLeadFirstWithoutAncestorsOrDuplicates()
    {
        var trial = Map(SampleRecords.NciCtsRecord()).Trial!;

        trial.Conditions.Should().Equal("Non-Small Cell Lung Carcinoma", "Stage IV Lung Cancer AJCC v8");
        trial.ConditionMeshTerms.Should().BeEmpty("CTS codes diseases in NCIt, not MeSH");
    }

    [Fact]
    public void Map_FullRecord_ReadsDesignStatusDatesSponsorAndEnrollment()
    {
        var trial = Map(SampleRecords.NciCtsRecord()).Trial!;

        trial.Phases.Should().Equal(TrialPhase.Phase1, TrialPhase.Phase2);
        trial.OverallStatus.Should().Be(RecruitmentStatus.Recruiting);
        trial.StudyType.Should().Be(StudyType.Interventional);
        trial.Dates.Start.Should().Be(new DateOnly(2023, 6, 1));
        trial.Dates.Completion.Should().Be(new DateOnly(2027, 12, 31));
        trial.Dates.PrimaryCompletion.Should().BeNull();
        trial.Dates.LastUpdate.Should().Be(new DateOnly(2024, 4, 20), "the amendment is the latest of the record's dates");
        trial.Enrollment.Should().Be(new Enrollment(240, IsActual: false));
        trial.LeadSponsor.Should().Be("Fictional Oncology Group");
        trial.Collaborators.Should().Equal("National Cancer Institute");
        trial.Contacts.Should().ContainSingle().Which.Should().Be(new Contact { Name = "Ada Example", Role = "PRINCIPAL_INVESTIGATOR" });
    }

    [Fact]
    public void Map_Arms_KeepsTrialInterventionsOnceAndDropsThePlaceholderArm()
    {
        var trial = Map(SampleRecords.NciCtsRecord()).Trial!;

        trial.Interventions.Select(i => (i.Name, i.Type)).Should().Equal(
            ("Zetolimab", "BIOLOGICAL"), ("Carboplatin", "DRUG"), ("Quality-of-Life Assessment", (string?)null));
        trial.Interventions[0].OtherNames.Should().Equal("ZT-101");
        trial.Interventions[0].Description.Should().Be("A fictional antibody.");
        trial.Arms.Select(a => a.Label).Should().Equal("Arm I (zetolimab, carboplatin)", "Arm II (carboplatin)");
        trial.Arms[0].Type.Should().Be("EXPERIMENTAL");
        trial.Arms[0].Description.Should().Be("Patients receive zetolimab IV and carboplatin IV.");
        trial.Arms[0].InterventionNames.Should().Equal("Zetolimab", "Carboplatin");
        trial.Arms[1].Type.Should().Be("ACTIVE_COMPARATOR");
        trial.Arms[1].InterventionNames.Should().Equal("Carboplatin");
    }

    [Fact]
    public void Map_StructuredEligibility_ReadsSexAgesAndHealthyVolunteers()
    {
        var eligibility = Map(SampleRecords.NciCtsRecord()).Trial!.Eligibility;

        eligibility.Sex.Should().Be(EligibleSex.Female);
        eligibility.MinimumAge.Should().Be(new AgeLimit(18, AgeUnit.Years));
        eligibility.MaximumAge.Should().BeNull("CTS writes 999 Years for no maximum");
        eligibility.AcceptsHealthyVolunteers.Should().BeFalse();
    }

    [Fact]
    public void Map_AgesGivenOnlyAsNumberAndUnit_KeepTheUnit()
    {
        var json = SampleWith("eligibility", """{"structured": {"gender": "Male", "min_age_number": 6, "min_age_unit": "Months", "max_age_number": 21, "max_age_unit": "Years"}}""");

        var eligibility = Map(json).Trial!.Eligibility;

        eligibility.Sex.Should().Be(EligibleSex.Male);
        eligibility.MinimumAge.Should().Be(new AgeLimit(6, AgeUnit.Months));
        eligibility.MaximumAge.Should().Be(new AgeLimit(21, AgeUnit.Years));
        eligibility.Criteria.Should().BeNull();
    }

    [Fact]
    public void Map_UnstructuredCriteria_AreRebuiltUnderHeadingsOneBulletPerItemInDisplayOrder()
    {
        var criteria = Map(SampleRecords.NciCtsRecord()).Trial!.Eligibility.Criteria;

        criteria.Should().Be(
            """
            Inclusion Criteria:

            * Histologically confirmed stage IV non-small cell lung cancer
            * Eastern Cooperative Oncology Group (ECOG) performance status 0-1
            * Adequate organ function:
              * Platelets >= 100,000/mm^3
              * Total bilirubin =< 1.5 x ULN

            Exclusion Criteria:

            * Pregnant or breast-feeding
            * Prior treatment with an anti-PD-1 antibody
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Map_OnlyExclusionItems_HasOnlyTheExclusionHeading()
    {
        var json = SampleWith("eligibility", """{"unstructured": [{"inclusion_indicator": false, "display_order": 0, "description": "Active infection"}]}""");

        Map(json).Trial!.Eligibility.Criteria.Should().Be("Exclusion Criteria:\n\n* Active infection");
    }

    [Fact]
    public void Map_OneItemHoldingAWholeCriteriaText_KeepsItAsPublished()
    {
        var text = "-  INCLUSION CRITERIA:\\r\\n\\r\\n        Age 18 or over\\r\\n\\r\\n        EXCLUSION CRITERIA:\\r\\n\\r\\n        Pregnancy";
        var json = SampleWith("eligibility", $$"""{"unstructured": [{"inclusion_indicator": true, "display_order": 0, "description": "{{text}}"}]}""");

        Map(json).Trial!.Eligibility.Criteria.Should().Be("-  INCLUSION CRITERIA:\n\n        Age 18 or over\n\n        EXCLUSION CRITERIA:\n\n        Pregnancy");
    }

    [Fact]
    public void Map_Sites_ReadAddressCoordinatesStatusAndContact()
    {
        var sites = Map(SampleRecords.NciCtsRecord()).Trial!.Sites;

        sites.Should().HaveCount(2);
        sites[0].Should().BeEquivalentTo(new
        {
            Facility = "North Example Cancer Center",
            City = "Portland",
            State = "OR",
            Country = "United States",
            PostalCode = "97201",
            Coordinates = new GeoPoint(45.51, -122.68),
            Status = RecruitmentStatus.Recruiting,
        });
        sites[0].Contacts.Should().ContainSingle().Which.Should().Be(new Contact { Name = "Site Public Contact", Role = "CONTACT", Phone = "555-0100", Email = "trials@example.org" });
        sites[1].Status.Should().Be(RecruitmentStatus.Suspended);
        sites[1].Country.Should().Be("Canada");
        sites[1].PostalCode.Should().BeNull();
        sites[1].Coordinates.Should().BeNull();
        sites[1].Contacts.Should().BeEmpty();
    }

    [Theory]
    [InlineData("In Review", RecruitmentStatus.NotYetRecruiting)]
    [InlineData("Approved", RecruitmentStatus.NotYetRecruiting)]
    [InlineData("Active", RecruitmentStatus.Recruiting)]
    [InlineData("ACTIVE", RecruitmentStatus.Recruiting)]
    [InlineData("Enrolling by Invitation", RecruitmentStatus.EnrollingByInvitation)]
    [InlineData("Closed to Accrual", RecruitmentStatus.ActiveNotRecruiting)]
    [InlineData("CLOSED_TO_ACCRUAL", RecruitmentStatus.ActiveNotRecruiting)]
    [InlineData("Closed to Accrual and Intervention", RecruitmentStatus.ActiveNotRecruiting)]
    [InlineData("Temporarily Closed to Accrual", RecruitmentStatus.Suspended)]
    [InlineData("Temporarily Closed to Accrual and Intervention", RecruitmentStatus.Suspended)]
    [InlineData("Complete", RecruitmentStatus.Completed)]
    [InlineData("COMPLETED", RecruitmentStatus.Completed)]
    [InlineData("Administratively Complete", RecruitmentStatus.Terminated)]
    [InlineData("ADMINISTRATIVELY_COMPLETE", RecruitmentStatus.Terminated)]
    [InlineData("Withdrawn", RecruitmentStatus.Withdrawn)]
    [InlineData("RECRUITING", RecruitmentStatus.Recruiting)]
    [InlineData("Paused for lunch", RecruitmentStatus.NotStated)]
    public void ParseStatus_CtsStatus_MapsToTheRegistryStatus(string text, RecruitmentStatus expected)
    {
        NciCtsRecordMapper.ParseStatus(text).Should().Be(expected);
    }

    [Fact]
    public void Map_TrialStatus_IsMappedForTheTrialAsForSites()
    {
        Map(SampleRecords.NciCtsRecord(status: "Administratively Complete")).Trial!.OverallStatus.Should().Be(RecruitmentStatus.Terminated);
    }

    [Theory]
    [InlineData("O", new[] { TrialPhase.EarlyPhase1 })]
    [InlineData("I", new[] { TrialPhase.Phase1 })]
    [InlineData("II", new[] { TrialPhase.Phase2 })]
    [InlineData("III", new[] { TrialPhase.Phase3 })]
    [InlineData("IV", new[] { TrialPhase.Phase4 })]
    [InlineData("I_II", new[] { TrialPhase.Phase1, TrialPhase.Phase2 })]
    [InlineData("II_III", new[] { TrialPhase.Phase2, TrialPhase.Phase3 })]
    [InlineData("NA", new[] { TrialPhase.NotApplicable })]
    [InlineData("PHASE2", new[] { TrialPhase.Phase2 })]
    [InlineData("", new TrialPhase[0])]
    [InlineData("VII", new TrialPhase[0])]
    public void ParsePhases_CtsPhase_MapsToRegistryPhases(string text, TrialPhase[] expected)
    {
        NciCtsRecordMapper.ParsePhases(text).Should().Equal(expected);
    }

    [Theory]
    [InlineData("Interventional", StudyType.Interventional)]
    [InlineData("Non-interventional", StudyType.Observational)]
    [InlineData("Expanded Access", StudyType.ExpandedAccess)]
    [InlineData("Something else", StudyType.NotStated)]
    public void ParseStudyType_CtsProtocolType_MapsToTheRegistryType(string text, StudyType expected)
    {
        NciCtsRecordMapper.ParseStudyType(text).Should().Be(expected);
    }

    [Fact]
    public void Map_NoNctId_SaysTheNciTrialHasNone()
    {
        var result = Map(SampleRecords.NciCtsRecord(nctId: null, nciId: "NCI-2099-00042"), "cts.json[3]");

        result.IsSuccess.Should().BeFalse();
        result.Error!.Source.Should().Be("cts.json[3]");
        result.Error.Field.Should().Be("nct_id");
        result.Error.Message.Should().Be("missing: NCI trial NCI-2099-00042 has no ClinicalTrials.gov (NCT) id, and trials are stored by NCT id; not read");
    }

    [Fact]
    public void Map_BadNctId_NamesIt()
    {
        var result = Map(SampleRecords.NciCtsRecord(nctId: "NCI-2099-00001"));

        result.Error!.Field.Should().Be("nct_id");
        result.Error.Message.Should().Be("'NCI-2099-00001' is not an NCT id");
    }

    [Fact]
    public void Map_NoTitle_NamesTheField()
    {
        var result = Map(SampleWithout("brief_title", "official_title"));

        result.Error!.Field.Should().Be("brief_title");
        result.Error.Message.Should().Be("missing");
    }

    [Fact]
    public void Map_NoBriefTitle_UsesTheOfficialTitle()
    {
        Map(SampleWithout("brief_title")).Trial!.BriefTitle.Should().StartWith("A Randomized Phase I/II Trial");
    }

    [Theory]
    [InlineData("keywords", "\"lung\"", "keywords", "expected a list, found String")]
    [InlineData("diseases", "{}", "diseases", "expected a list, found Object")]
    [InlineData("diseases", """[{"name": ["Lung"], "inclusion_indicator": "TRIAL"}]""", "diseases[0].name", "expected text, found Array")]
    [InlineData("arms", """[{"name": "A", "interventions": []}, {"name": "B", "interventions": [{"name": {}}]}]""", "arms[1].interventions[0].name", "expected text, found Object")]
    [InlineData("sites", """[{"org_city": "Lyon"}, {"org_city": ["Lyon"]}]""", "sites[1].org_city", "expected text, found Array")]
    [InlineData("sites", """[{"org_coordinates": [45.5, -122.6]}]""", "sites[0].org_coordinates", "expected an object, found Array")]
    [InlineData("eligibility", "[]", "eligibility", "expected an object, found Array")]
    [InlineData("eligibility", """{"structured": {"min_age": "eighteen"}}""", "eligibility.structured.min_age", "'eighteen' is not an age such as '18 Years'")]
    [InlineData("eligibility", """{"structured": {"accepts_healthy_volunteers": "no"}}""", "eligibility.structured.accepts_healthy_volunteers", "expected true or false, found String")]
    [InlineData("eligibility", """{"unstructured": [{"inclusion_indicator": true, "description": ["a"]}]}""", "eligibility.unstructured[0].description", "expected text, found Array")]
    [InlineData("eligibility", """{"unstructured": [{"inclusion_indicator": "yes", "description": "Adults"}]}""", "eligibility.unstructured[0].inclusion_indicator", "expected true or false, found String")]
    [InlineData("eligibility", """{"unstructured": [{"description": "Adults"}]}""", "eligibility.unstructured[0].inclusion_indicator", "missing: cannot tell whether the criterion includes or excludes")]
    [InlineData("eligibility", """{"unstructured": [{"inclusion_indicator": true, "description": "Adults", "display_order": "first"}]}""", "eligibility.unstructured[0].display_order", "expected a number, found 'first'")]
    [InlineData("minimum_target_accrual_number", "\"many\"", "minimum_target_accrual_number", "expected a number, found 'many'")]
    [InlineData("minimum_target_accrual_number", "-3", "minimum_target_accrual_number", "-3 is not a whole number of participants")]
    public void Map_WrongKindInField_NamesTheField(string field, string value, string expectedField, string expectedMessage)
    {
        var result = Map(SampleWith(field, value), "cts.json");

        result.IsSuccess.Should().BeFalse();
        result.Error!.Source.Should().Be("cts.json");
        result.Error.Field.Should().Be(expectedField);
        result.Error.Message.Should().Be(expectedMessage);
    }

    [Fact]
    public void Map_NotAnObject_IsAFailureNotAnException()
    {
        Map("[1, 2]").Error!.Message.Should().Be("expected a trial record object, found Array");
    }
}
