using TrialAccess.Eligibility.Evaluation;
using TrialAccess.Eligibility.Constraints;
using TrialAccess.Eligibility.Parsing;
using TrialAccess.Eligibility.Segmentation;
using TrialAccess.Patients;

namespace TrialAccess.Core.Tests.Eligibility.Constraints;

public class CriterionParserTests
{
    private static IReadOnlyList<EligibilityConstraint> Parse(string text, CriterionRole role = CriterionRole.Inclusion) =>
        CriterionParser.Default.Parse(text, role).Constraints;

    [Theory]
    [InlineData("ECOG performance status 0-1", PerformanceScale.Ecog, 0, 1)]
    [InlineData("ECOG PS ≤ 2", PerformanceScale.Ecog, null, 2)]
    [InlineData("Karnofsky performance status ≥ 70%", PerformanceScale.Karnofsky, 70, null)]
    [InlineData("Lansky score of 50 or more", PerformanceScale.Lansky, 50, null)]
    [InlineData("ECOG 0, 1 or 2", PerformanceScale.Ecog, 0, 2)]
    public void Parse_PerformanceStatus_GivesScaleAndRange(string text, PerformanceScale scale, int? min, int? max)
    {
        Parse(text).OfType<PerformanceStatusConstraint>().Should().ContainSingle().Which.Should().BeEquivalentTo(new { Scale = scale, Minimum = min, Maximum = max });
    }

    [Theory]
    [InlineData("LVEF ≥ 50%", 50)]
    [InlineData("Ejection fraction less than or equal to .40", 40)]
    [InlineData("Left ventricular ejection fraction < 0.35", 35)]
    [InlineData("LVEF of 55 % or more", 55)]
    public void Parse_EjectionFraction_GivesTheBoundInPercent(string text, int percent)
    {
        Parse(text).OfType<OrganFunctionConstraint>().Should().ContainSingle()
            .Which.Bound!.Value.Value.Should().Be(percent);
    }

    [Theory]
    [InlineData("Age ≥ 18 years", 18, null)]
    [InlineData("Patients aged 18 to 75 years", 18, 75)]
    [InlineData("18 years of age or older", 18, null)]
    public void Parse_Age_GivesBounds(string text, int? min, int? max)
    {
        var age = Parse(text).OfType<AgeConstraint>().Should().ContainSingle().Subject;
        age.Minimum.Should().Be(min);
        age.Maximum.Should().Be(max);
    }

    [Fact]
    public void Parse_AgeUnderAgeHeading_ReadsTheShortItem()
    {
        var segment = new CriterionSegment(CriterionRole.Inclusion, 1, "18 and over", new SourceSpan(0, 11), Section: "Age");

        CriterionParser.Default.Parse(segment).Constraints.OfType<AgeConstraint>().Single().Minimum.Should().Be(18);
    }

    [Fact]
    public void Parse_LabsSharingOneBoundWithLiverException_GivesEachAnalyteTheBoundAndException()
    {
        var labs = Parse("AST and ALT ≤ 2.5 x ULN (≤ 5 x ULN if liver metastases)").OfType<LaboratoryConstraint>().ToList();

        labs.Select(l => l.Analyte).Should().Equal("AST", "ALT");
        labs.Should().OnlyContain(l => l.TimesUpperLimit && l.Bound == new Bound(Comparison.AtMost, 2.5m) && l.Exception!.Condition == "liver metastases");
    }

    [Fact]
    public void Parse_LabExceptionForLiverMetastases_IsNotAlsoAMetastasisConstraint()
    {
        Parse("Total bilirubin ≤ 1.5 x ULN (≤ 3 x ULN for patients with liver metastases)", CriterionRole.Exclusion).OfType<MetastasisConstraint>().Should().BeEmpty();
    }

    [Theory]
    [InlineData("ANC ≥ 1.5 x 10^9/L", "ANC", 1.5, "10^9/L")]
    [InlineData("Platelets >= 100,000/mm3", "platelets", 100000, "/mm3")]
    [InlineData("Hemoglobin ≥ 9 g/dL", "hemoglobin", 9, "g/dL")]
    [InlineData("Creatinine clearance ≥ 60 mL/min", "creatinine clearance", 60, "mL/min")]
    public void Parse_LabThreshold_GivesAnalyteValueAndUnit(string text, string analyte, double value, string unit)
    {
        var lab = Parse(text).OfType<LaboratoryConstraint>().Should().ContainSingle().Subject;
        lab.Analyte.Should().Be(analyte);
        lab.Bound!.Value.Value.Should().Be((decimal)value);
        lab.Unit.Should().Be(unit);
    }

    [Theory]
    [InlineData("Documented EGFR exon 19 deletion or L858R mutation", "EGFR", "exon 19 deletion or L858R", BiomarkerStatus.Positive)]
    [InlineData("KRAS G12C mutation", "KRAS", "G12C", BiomarkerStatus.Positive)]
    [InlineData("ALK fusion", "ALK", "fusion", BiomarkerStatus.Positive)]
    [InlineData("BRAF V600E mutant melanoma", "BRAF", "V600E", BiomarkerStatus.Positive)]
    [InlineData("HER2-negative breast cancer", "ERBB2", null, BiomarkerStatus.Negative)]
    [InlineData("KRAS wild-type", "KRAS", null, BiomarkerStatus.WildType)]
    [InlineData("MSI-H or dMMR", "MSI", "high", BiomarkerStatus.Positive)]
    public void Parse_Biomarker_GivesMarkerAlterationAndStatus(string text, string marker, string? alteration, BiomarkerStatus status)
    {
        var biomarker = Parse(text).OfType<BiomarkerConstraint>().First();
        biomarker.Marker.Should().Be(marker);
        biomarker.Alteration.Should().Be(alteration);
        biomarker.Status.Should().Be(status);
    }

    [Fact]
    public void Parse_PdL1WithCutOff_GivesBoundAndScore()
    {
        var pdl1 = Parse("PD-L1 TPS ≥ 50%").OfType<BiomarkerConstraint>().Single();

        pdl1.Bound.Should().Be(new Bound(Comparison.AtLeast, 50));
        pdl1.Unit.Should().Be("%");
    }

    [Fact]
    public void Parse_TripleNegativeBreastCancer_GivesBreastCancerAndThreeNegativeReceptors()
    {
        var constraints = Parse("Histologically confirmed triple-negative breast cancer");

        constraints.OfType<CancerTypeConstraint>().Single().Code.Should().Be("BRCA");
        constraints.OfType<BiomarkerConstraint>().Select(b => (b.Marker, b.Status)).Should().BeEquivalentTo(new[] { ("ESR1", BiomarkerStatus.Negative), ("PGR", BiomarkerStatus.Negative), ("ERBB2", BiomarkerStatus.Negative) });
    }

    [Fact]
    public void Parse_NoPriorAntiPd1_IsANegatedDrugClass()
    {
        var therapy = Parse("No prior treatment with an anti-PD-1 or anti-PD-L1 antibody").OfType<PriorTherapyConstraint>().ToList();

        therapy.Select(t => t.Agent).Should().Contain(["anti-PD-1", "anti-PD-L1"]);
        therapy.Should().OnlyContain(t => t.Negated);
    }

    [Fact]
    public void Parse_AtLeastTwoPriorLines_GivesMinimumLines()
    {
        Parse("Received at least 2 prior lines of systemic therapy").OfType<PriorTherapyConstraint>().Should().Contain(t => t.MinimumLines == 2);
    }

    [Fact]
    public void Parse_AtLeastFourWeeksSincePriorChemotherapy_IsNoChemotherapyWithin28Days()
    {
        var therapy = Parse("At least 4 weeks since prior chemotherapy").OfType<PriorTherapyConstraint>().Single();

        therapy.Should().BeEquivalentTo(new { Agent = "chemotherapy", WithinDays = 28, Negated = true });
    }

    [Fact]
    public void Parse_WashoutWrappedOntoTheNextLine_IsStillAWashout()
    {
        var therapy = Parse("At least 1 month\n        since any other prior investigational therapy").OfType<PriorTherapyConstraint>().Single();

        therapy.Should().BeEquivalentTo(new { WithinDays = 30, Negated = true });
    }

    [Fact]
    public void Parse_NotAmenableToCompleteSurgicalResection_IsUnresectable()
    {
        Parse("Melanoma not amenable to complete surgical resection").OfType<StageConstraint>().Single().Extents.Should().Contain(DiseaseExtent.Unresectable);
    }

    [Fact]
    public void Parse_ActiveBrainMetastases_IsActiveBrainSite()
    {
        Parse("Active or untreated brain metastases", CriterionRole.Exclusion).OfType<MetastasisConstraint>().Single().Should().BeEquivalentTo(new { Site = "brain", Activity = MetastasisActivity.Active });
    }

    [Fact]
    public void Parse_TreatedStableBrainMetastases_IsTreatedStable()
    {
        Parse("Patients with treated, stable brain metastases are eligible").OfType<MetastasisConstraint>().Single().Activity.Should().Be(MetastasisActivity.TreatedStable);
    }

    [Fact]
    public void Parse_StageRange_ExpandsTheGroups()
    {
        var stage = Parse("Stage IIIB-IV non-small cell lung cancer").OfType<StageConstraint>().Single();

        stage.Groups.Should().Contain(["IIIB", "IV"]).And.NotContain("IIIA");
    }

    [Fact]
    public void Parse_OtherMalignancyWithinFiveYears_GivesTheLookBack()
    {
        Parse("Other malignancy within 5 years, except non-melanoma skin cancer", CriterionRole.Exclusion).OfType<OtherMalignancyConstraint>().Single().Should().BeEquivalentTo(new { WithinYears = 5m, AllowsLowRisk = true });
    }

    [Fact]
    public void Parse_HivHepatitis_GivesThreeInfections()
    {
        Parse("Known HIV, active hepatitis B or hepatitis C infection", CriterionRole.Exclusion).OfType<InfectionConstraint>().Select(i => i.Pathogen).Should().BeEquivalentTo("HIV", "hepatitis B", "hepatitis C");
    }

    [Fact]
    public void Parse_ContraceptionForWomenOfChildbearingPotential_AppliesToWomen()
    {
        Parse("Women of childbearing potential must agree to use effective contraception").OfType<ReproductiveConstraint>().Single().Should().BeEquivalentTo(new { Topic = ReproductiveTopic.Contraception, AppliesTo = PatientSex.Female });
    }

    [Theory]
    [InlineData("Patients must be female.", PatientSex.Female)]
    [InlineData("Must be male", PatientSex.Male)]
    [InlineData("The participant is a woman aged 40 or older", PatientSex.Female)]
    [InlineData("This study will include men only", PatientSex.Male)]
    public void Parse_SexAfterMustBeOrIs_IsASexRule(string text, PatientSex sex)
    {
        Parse(text).OfType<SexConstraint>().Should().ContainSingle().Which.Sex.Should().Be(sex);
    }

    [Theory]
    [InlineData("No evidence of metastases from any malignancy", true)]
    [InlineData("Patients with known metastases", true)]
    [InlineData("No brain metastases", false)]
    [InlineData("Lymph node metastases allowed", false)]
    public void Parse_MetastasesWithoutASite_IsTheMetastaticStage(string text, bool metastaticStage)
    {
        Parse(text).OfType<StageConstraint>().Any(s => s.Extents.Contains(DiseaseExtent.Metastatic)).Should().Be(metastaticStage);
    }

    [Theory]
    [InlineData("Papillary or follicular thyroid cancer", "THFO,THPA")]
    [InlineData("Hodgkin or non-Hodgkin lymphoma", "HL,NHL")]
    [InlineData("History of breast, ovarian or prostate cancer", "BREAST,OVARY,PROSTATE")]
    [InlineData("Recurrent or metastatic breast cancer", "BREAST")]
    public void Parse_CancersSharingTheLastOnesWords_AreEachNamed(string text, string codes)
    {
        Parse(text).OfType<CancerTypeConstraint>().Select(c => c.Code).Order().Should().Equal(codes.Split(','));
    }

    [Fact]
    public void Parse_SexOfAPartner_IsNoSexRule()
    {
        Parse("Patients whose partner is female must use contraception").OfType<SexConstraint>().Should().BeEmpty();
    }

    [Theory]
    [InlineData("Signed written informed consent", BoilerplateKind.Consent)]
    [InlineData("Willing and able to comply with the protocol", BoilerplateKind.Compliance)]
    [InlineData("Capable of understanding and complying with the study protocol", BoilerplateKind.Compliance)]
    [InlineData("Must be willing to be seen at the study centre according to the protocol", BoilerplateKind.Compliance)]
    [InlineData("Must be amenable to serial marrow biopsies and blood sampling during the study", BoilerplateKind.Compliance)]
    [InlineData("Willingness to be randomised to either group", BoilerplateKind.Compliance)]
    [InlineData("Tumour slides must be centrally reviewed at the coordinating centre", BoilerplateKind.Compliance)]
    [InlineData("Patients who do not consent", BoilerplateKind.Consent)]
    [InlineData("See above", BoilerplateKind.CrossReference)]
    public void Parse_Boilerplate_IsRecognised(string text, BoilerplateKind kind)
    {
        Parse(text).OfType<BoilerplateConstraint>().Should().Contain(b => b.Boilerplate == kind);
    }

    [Fact]
    public void Parse_AClinicalAmenability_IsNoBoilerplate()
    {
        Parse("Disease amenable to surgical resection").OfType<BoilerplateConstraint>().Should().BeEmpty();
    }

    [Fact]
    public void Parse_GeneralMedicine_GivesConditionConstraint()
    {
        var condition = Parse("History of myocardial infarction within the past 6 months", CriterionRole.Exclusion).OfType<ConditionConstraint>().Single();

        condition.Concept.Should().Be("myocardial infarction");
        condition.WithinMonths.Should().Be(6);
    }

    [Fact]
    public void Parse_NothingUnderstood_StaysFreeText()
    {
        CriterionParser.Default.Parse("Zorbly wibble frobnication", CriterionRole.Inclusion).IsFreeText.Should().BeTrue();
    }

    [Fact]
    public void Parse_EveryConstraint_HasASpanInsideTheCriterion()
    {
        const string text = "Histologically confirmed stage IV NSCLC with EGFR L858R, ECOG 0-1, ANC ≥ 1.5 x 10^9/L";

        Parse(text).Should().OnlyContain(c => c.Span.Start >= 0 && c.Span.End <= text.Length && c.Span.Length > 0);
    }

    [Theory]
    [InlineData("Concurrent use of rifampin or rifabutin", "rifampin")]
    [InlineData("Prior zidovudine (AZT) for more than 6 months", "zidovudine")]
    [InlineData("Patients receiving phenytoin or carbamazepine", "phenytoin")]
    [InlineData("Current use of ketoconazole", "ketoconazole")]
    public void Parse_NonCancerMedication_GivesPriorTherapyByName(string text, string agent)
    {
        Parse(text, CriterionRole.Exclusion).OfType<PriorTherapyConstraint>().Should().Contain(t => t.Agent == agent);
    }

    [Theory]
    [InlineData("Active cryptococcosis or histoplasmosis", "cryptococcosis")]
    [InlineData("Active cryptococcosis or histoplasmosis", "histoplasmosis")]
    [InlineData("History of cardiogenic shock", "cardiogenic shock")]
    [InlineData("Known porphyria", "porphyria")]
    [InlineData("Second degree heart block or bradycardia", "bradycardia")]
    [InlineData("Clinically significant electrolyte disorders", "electrolyte imbalance")]
    public void Parse_GeneralMedicineCondition_GivesConditionConstraint(string text, string concept)
    {
        Parse(text, CriterionRole.Exclusion).OfType<ConditionConstraint>().Should().Contain(c => c.Concept == concept);
    }

    [Theory]
    [InlineData("History of acromegaly", "acromegaly")]
    [InlineData("History of tachycardia", "tachycardia")]
    [InlineData("History of pericarditis", "pericarditis")]
    public void Parse_DistinctConditions_KeepTheirOwnConcept(string text, string concept)
    {
        Parse(text, CriterionRole.Exclusion).OfType<ConditionConstraint>().Should().ContainSingle().Which.Concept.Should().Be(concept);
    }

    [Theory]
    [InlineData("Must be able to walk to the clinic with a cane")]
    [InlineData("Patients who have had an ice pack or a heat pack")]
    [InlineData("Zdv may be given")]
    [InlineData("Tissue from the primary tumor (TMA) is requested")]
    public void Parse_OrdinaryWordsOrLowerCaseAbbreviation_GiveNoMedication(string text)
    {
        Parse(text).OfType<PriorTherapyConstraint>().Should().BeEmpty();
        Parse(text).OfType<ConditionConstraint>().Where(c => !c.Unlisted).Should().BeEmpty();
    }

    [Theory]
    [InlineData("No amyloidosis secondary to rheumatoid arthritis", "amyloidosis", "secondary to rheumatoid arthritis")]
    [InlineData("Bradycardia (HR < 40)", "bradycardia", "as defined (HR < 40)")]
    [InlineData("Nonatherosclerotic stroke", "stroke", "nonatherosclerotic")]
    [InlineData("Incessant ventricular tachycardia", "ventricular tachycardia", "incessant")]
    public void Parse_ConditionNarrowedByCauseThresholdOrForm_CarriesAQualifier(string text, string concept, string qualifier)
    {
        Parse(text, CriterionRole.Exclusion).OfType<ConditionConstraint>().Should().Contain(c => c.Concept == concept && c.Qualifier == qualifier);
    }

    [Fact]
    public void Parse_MedicationNamedAsTheExceptionOfOtherMedications_OnlyQualifies()
    {
        Parse("Taking few or no other medications than levodopa").OfType<PriorTherapyConstraint>().Where(t => t.Agent == "levodopa").Should().OnlyContain(t => t.Qualifies);
    }

    [Theory]
    [InlineData("Any condition which in the opinion of the principal investigator would interfere")]
    [InlineData("Medication necessary for the patient's welfare at the discretion of the investigator")]
    [InlineData("Willing to be followed for 6 months after treatment ends")]
    public void Parse_InvestigatorJudgementOrFollowUp_IsBoilerplate(string text)
    {
        Parse(text).OfType<BoilerplateConstraint>().Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("Less than 12 months of age undergoing surgeries", null, 1.0)]
    [InlineData("Infants < 6 months of age at enrollment", null, 0.5)]
    [InlineData("Age: 6 months to 70 years", 0.5, 70.0)]
    [InlineData("Children between the ages of 3 months and 18 years", 0.25, 18.0)]
    [InlineData("Age: 1-23 months", 0.0833, 1.9167)]
    [InlineData("Age: Under 29 days", null, 0.0795)]
    public void Parse_AgeInMonthsOrDays_GivesBoundsInFractionsOfAYear(string text, double? min, double? max)
    {
        var age = Parse(text).OfType<AgeConstraint>().Should().ContainSingle().Subject;
        ((double?)age.Minimum).Should().BeApproximately(min, 0.0001);
        ((double?)age.Maximum).Should().BeApproximately(max, 0.0001);
    }

    [Fact]
    public void Parse_MonthsUnderAgeHeading_ReadsTheShortItem()
    {
        var segment = new CriterionSegment(CriterionRole.Inclusion, 1, "6 months and over", new SourceSpan(0, 17), Section: "Age");

        CriterionParser.Default.Parse(segment).Constraints.OfType<AgeConstraint>().Single().Minimum.Should().Be(0.5m);
    }

    [Theory]
    [InlineData("Serum creatinine greater than 1.5 times the upper limit of normal for age")]
    [InlineData("BMI above the 95th percentile for age and sex")]
    [InlineData("Height more than 2 SD below the mean for age")]
    [InlineData("Gestational age less than 32 weeks")]
    [InlineData("Corrected age under 6 months at the time of the scan")]
    [InlineData("Age-adjusted Charlson index greater than 3")]
    public void Parse_ReferenceNormOrAnotherKindOfAge_GivesNoAge(string text)
    {
        Parse(text).OfType<AgeConstraint>().Should().BeEmpty();
    }

    [Fact]
    public void Parse_SignWrittenOnAMarker_IsItsStatusWhateverStandsBefore()
    {
        Parse("Hormone receptor negative, HER2+ breast cancer").OfType<BiomarkerConstraint>().Should().Contain(b => b.Marker == "ERBB2" && b.Status == BiomarkerStatus.Positive)
            .And.NotContain(b => b.Marker == "ERBB2" && b.Status == BiomarkerStatus.Negative);
    }

    [Fact]
    public void Parse_MarkerAbbreviatedInParentheses_IsOneMention()
    {
        Parse("Negative estrogen receptor (ER) and negative progesterone receptor (PR) status").OfType<BiomarkerConstraint>()
            .Should().HaveCount(2).And.OnlyContain(b => b.Status == BiomarkerStatus.Negative);
    }

    [Fact]
    public void Parse_AgeThatSaysWhenTheRuleApplies_OnlyQualifiesIt()
    {
        Parse("Colonoscopy within 10 years if the patient is at least 50 years of age").OfType<AgeConstraint>()
            .Should().ContainSingle().Which.Qualifies.Should().BeTrue();
    }

    [Theory]
    [InlineData("Patients of age 18 or older", 18)]
    [InlineData("Up to age 65 with a normal ECG for age", null)]
    public void Parse_PatientAgeBesideANorm_IsStillAnAge(string text, int? min)
    {
        Parse(text).OfType<AgeConstraint>().Should().ContainSingle().Which.Minimum.Should().Be(min);
    }

    [Theory]
    [InlineData("18 and over", 18)]
    [InlineData("18 years and older", 18)]
    public void Parse_BareAgeBoundAsACriterion_IsAnAge(string text, int min)
    {
        Parse(text).OfType<AgeConstraint>().Should().ContainSingle().Which.Minimum.Should().Be(min);
    }

    [Theory]
    [InlineData("Patients must have at least 6 months of growth measurements available")]
    [InlineData("No cytostatic agents within the past 3 months")]
    [InlineData("Household members must be available for 12 months of follow-up")]
    public void Parse_MonthsThatAreNotAnAge_GiveNoAge(string text)
    {
        Parse(text).OfType<AgeConstraint>().Should().BeEmpty();
    }

    [Fact]
    public void Parse_AgeInYearsBesideMonthsOfTreatment_KeepsTheYears()
    {
        Parse("Age >= 18 years and diagnosed within 6 months").OfType<AgeConstraint>().Should().ContainSingle().Which.Minimum.Should().Be(18);
    }

    [Theory]
    [InlineData("Histologically confirmed fibrosarcoma", "FIBS")]
    [InlineData("Angiosarcoma of any site", "ANGS")]
    [InlineData("Malignant fibrous histiocytoma", "MFH")]
    [InlineData("Newly diagnosed gliosarcoma", "GSARC")]
    [InlineData("Atypical teratoid/rhabdoid tumor", "ATRT")]
    [InlineData("Pineoblastoma", "PBL")]
    public void Parse_HistologyWithAnOncoTreeCode_GivesTheCancerType(string text, string code)
    {
        Parse(text).OfType<CancerTypeConstraint>().Should().Contain(c => c.Code == code);
    }

    [Theory]
    [InlineData("History of myocardial ischemia", "myocardial ischemia")]
    [InlineData("Renal artery stenoses", "renal artery stenosis")]
    [InlineData("Known MGUS", "monoclonal gammopathy of undetermined significance")]
    [InlineData("Paroxysmal nocturnal hemoglobinuria", "paroxysmal nocturnal hemoglobinuria")]
    [InlineData("Chronic subdural hematoma", "subdural hematoma")]
    [InlineData("Significant medical illnesses", "intercurrent illness")]
    [InlineData("Acute infection", "active infection")]
    [InlineData("No coagulation disorders", "coagulation disorder")]
    [InlineData("Gilbert's syndrome allowed", "Gilbert syndrome")]
    [InlineData("Cannot take medications by mouth", "malabsorption")]
    [InlineData("Inability to tolerate oral medications", "malabsorption")]
    public void Parse_ConditionAddedToTheVocabulary_GivesConditionConstraint(string text, string concept)
    {
        Parse(text, CriterionRole.Exclusion).OfType<ConditionConstraint>().Should().Contain(c => c.Concept == concept);
    }

    [Fact]
    public void Parse_GilbertBesideABilirubinBound_IsTheBoundsExceptionNotACondition()
    {
        var constraints = Parse("Serum total bilirubin ≤1.5 × ULN (unless Gilbert's disease is documented)");

        constraints.OfType<LaboratoryConstraint>().Should().Contain(l => l.Analyte == "bilirubin");
        constraints.OfType<ConditionConstraint>().Should().BeEmpty();
    }

    [Theory]
    [InlineData("No prior suramin", "suramin")]
    [InlineData("No concurrent megestrol acetate", "megestrol acetate")]
    [InlineData("No prior strontium chloride Sr 89", "strontium-89 chloride")]
    public void Parse_CancerDrugAddedToTheVocabulary_GivesPriorTherapyByName(string text, string agent)
    {
        Parse(text, CriterionRole.Exclusion).OfType<PriorTherapyConstraint>().Should().Contain(t => t.Agent == agent);
    }

    [Theory]
    [InlineData("No prisoners")]
    [InlineData("Legal incapacity or limited legal capacity")]
    public void Parse_LegalStatus_IsBoilerplate(string text)
    {
        Parse(text, CriterionRole.Exclusion).OfType<BoilerplateConstraint>().Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("Chest x-ray within 4 weeks of registration")]
    [InlineData("Patients who drink coffee every morning")]
    public void Parse_OrdinaryWordsNearNewNames_GiveNoCondition(string text)
    {
        Parse(text).OfType<ConditionConstraint>().Should().BeEmpty();
    }

    [Theory]
    [InlineData("Diagnosis of AML, excluding M3 (acute promyelocytic leukemia)")]
    [InlineData("Diagnosis of AML other than acute promyelocytic leukemia")]
    [InlineData("AML (not APL)")]
    public void ASubtypeLeftOutOfTheCancerNamedBeforeIt_IsNegated_AndHeldBesideIt(string text)
    {
        var constraints = Parse(text).OfType<CancerTypeConstraint>().ToList();

        constraints.Should().Contain(c => c.Code == "AML" && !c.Negated);
        constraints.Should().ContainSingle(c => c.Code == "APLPMLRARA").Which.Should().BeEquivalentTo(new { Negated = true, Excepts = true });
    }

    [Fact]
    public void AnExceptedCancerOfAnotherKind_IsNoCarveOut()
    {
        Parse("Any malignancy other than breast cancer", CriterionRole.Exclusion).OfType<CancerTypeConstraint>().Should().NotContain(c => c.Excepts);
    }

    [Fact]
    public void AnExceptionOfARequirement_FarFromTheCancer_IsNoCarveOut()
    {
        Parse("Lymphoma or leukemia masses that are measurable by computed tomography (CT) scan is required for all diagnoses except CLL.")
            .OfType<CancerTypeConstraint>().Should().NotContain(c => c.Excepts);
    }

    [Theory]
    [InlineData("0.8 mg/dL (2 to 5 years of age)", 7, CriterionOutcome.NotApplicable)]
    [InlineData("0.8 mg/dL (2 to 5 years of age)", 3, CriterionOutcome.Unknown)]
    [InlineData("Karnofsky 50-100% (for patients > 16 years of age) or Lansky 50-100% (for patients 16 years of age and younger)", 7, CriterionOutcome.Met)]
    [InlineData("Children (2 to 17 years of age)", 7, CriterionOutcome.Met)]
    [InlineData("Children (2 to 17 years of age)", 30, CriterionOutcome.NotMet)]
    [InlineData("Age (18-75 years)", 7, CriterionOutcome.NotMet)]
    public void AnAgeInBracketsAfterAValue_SaysWhomTheValueIsFor_NotHowOldThePatientMustBe(string text, int age, CriterionOutcome expected)
    {
        var patient = new PatientProfile { Age = new Fact<decimal>(age), PerformanceStatuses = [new PerformanceStatus(PerformanceScale.Lansky, 80)] };

        EligibilityEvaluator.Evaluate(CriterionParser.Default.Parse(text, CriterionRole.Inclusion), patient, EvaluationContext.On(new DateOnly(2026, 12, 3))).Outcome.Should().Be(expected);
    }

    [Fact]
    public void BracketsLeftOpenBeforeAnAgeBracket_AreRead_WithoutFailing()
    {
        var act = () => CriterionParser.Default.Parse("Karnofsky 50-((100% (over 10 years of age) Lansky 50-100% (under 10 years of age)", CriterionRole.Inclusion);

        act.Should().NotThrow();
    }
}
