using TrialAccess.Patients;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Core.Tests.Patients.Notes;

public sealed class NoteReaderTests
{
    private const string Note =
        "58 yo F with stage IV lung adenocarcinoma, EGFR exon 19 del, s/p 4 cycles of carboplatin/pemetrexed with progression. " +
        "ECOG 1. No known brain mets. Metastatic to liver and bone. PMH: HTN, DM2, h/o DVT. Denies HIV. Mother with breast ca. " +
        "Rule out PE. Labs: Hgb 10.5 g/dl, ANC 1,800 /uL, Plt 145 x10^9/L, creatinine 88.4 umol/L, AST 32 IU/L (normal: 5-40 IU/L).";

    private static PatientProfile Read() => NoteReader.Extract(Note);

    [Theory]
    [InlineData("58 yo F with NSCLC", 58, PatientSex.Female)]
    [InlineData("A 45-year-old man presents", 45, PatientSex.Male)]
    [InlineData("74M hx of CAD", 74, PatientSex.Male)]
    [InlineData("48 M with a h/o HTN", 48, PatientSex.Male)]
    [InlineData("Pt is a 22yo F otherwise healthy", 22, PatientSex.Female)]
    [InlineData("70 y/o with COPD. She has had decreased appetite.", 70, PatientSex.Female)]
    [InlineData("Her 70-year-old father has hypertension. The patient is a 35-year-old woman.", 35, PatientSex.Female)]
    [InlineData("seizures at age 13; now a 41 year old man", 41, PatientSex.Male)]
    [InlineData("A 5 months old male brought to clinic", 0.42, PatientSex.Male)]
    [InlineData("A 3-day-old Asian female infant", 0.01, PatientSex.Female)]
    [InlineData("Fernandez is a 41 year man who plays soccer", 41, PatientSex.Male)]
    public void Extract_AgeAndSexAsWritten_AreFound(string note, double age, PatientSex sex)
    {
        var profile = NoteReader.Extract(note);

        profile.Age!.Value.Should().Be((decimal)age);
        profile.Sex!.Value.Should().Be(sex);
        profile.Age.Span!.Value.Slice(note).Should().MatchRegex(@"\d");
    }

    [Fact]
    public void Extract_Diagnosis_HasOncoTreeCodeStageAndSpan()
    {
        var diagnosis = Read().Diagnoses.Should().ContainSingle(d => d.Certainty == Certainty.Asserted).Subject;

        diagnosis.OncoTreeCode.Should().Be("LUAD");
        diagnosis.Stage!.Group.Should().Be("IV");
        diagnosis.Stage.Metastatic.Should().BeTrue();
        diagnosis.Span!.Value.Slice(Note).Should().Be("lung adenocarcinoma");
    }

    [Fact]
    public void Extract_ConditionsListedUnderPastMedicalHistory_AreHistoryUpToTheNextHeading()
    {
        var profile = NoteReader.Extract(
            "44 year old woman who presented with cholecystitis. Past Medical History: 1. Rare migraines 2. HTN 3. Obesity " +
            "4. PCOS 5. Viral encephalitis/meningitis, mild residual deficits 6. CSF leak Social History: works as a teacher; anxiety.");

        profile.Conditions.Should().Contain(c => c.Concept == "cholecystitis" && c.Certainty == Certainty.Asserted);
        profile.Conditions.Should().Contain(c => c.Concept == "viral encephalitis" && c.Certainty == Certainty.Historical);
        profile.Conditions.Should().Contain(c => c.Concept == "hypertension" && c.Certainty == Certainty.Historical);
        profile.Conditions.Should().Contain(c => c.Concept == "anxiety disorder" && c.Certainty == Certainty.Asserted, "the history ends at the next heading");
    }

    [Fact]
    public void Extract_RelativeWithCancer_IsFamilyHistory()
    {
        Read().Diagnoses.Should().Contain(d => d.Text == "breast ca" && d.Certainty == Certainty.FamilyHistory);
    }

    [Fact]
    public void Extract_Biomarker_ReadsAbbreviatedAlteration()
    {
        var egfr = Read().Biomarkers.Should().ContainSingle().Subject;

        egfr.Should().BeEquivalentTo(new { Marker = "EGFR", Alteration = "exon 19 deletion", Status = BiomarkerStatus.Positive, Certainty = Certainty.Asserted });
        egfr.Span!.Value.Slice(Note).Should().Be("EGFR exon 19 del");
    }

    [Fact]
    public void Extract_Therapies_SplitsRegimenAndCountsCycles()
    {
        var therapies = Read().Therapies;

        therapies.Should().Contain(t => t.Name == "carboplatin" && t.Cycles == 4 && t.Classes.Contains("platinum") && t.Certainty == Certainty.Historical);
        therapies.Should().Contain(t => t.Name == "pemetrexed");
    }

    [Fact]
    public void Extract_PerformanceStatus_IsEcogOne()
    {
        Read().PerformanceStatuses.Should().ContainSingle().Which.Should().Be(new PerformanceStatus(PerformanceScale.Ecog, 1, new SourceSpan(Note.IndexOf("ECOG 1", StringComparison.Ordinal), 6)));
    }

    [Fact]
    public void Extract_Metastases_NegatedAndAssertedSites()
    {
        var sites = Read().Metastases;

        sites.Should().Contain(m => m.Site == "brain" && m.Certainty == Certainty.Negated);
        sites.Should().Contain(m => m.Site == "liver" && m.Certainty == Certainty.Asserted);
        sites.Should().Contain(m => m.Site == "bone" && m.Certainty == Certainty.Asserted);
    }

    [Fact]
    public void Extract_Conditions_CarryCertainty()
    {
        var conditions = Read().Conditions;

        conditions.Should().Contain(c => c.Concept == "hypertension");
        conditions.Should().Contain(c => c.Concept == "type 2 diabetes mellitus");
        conditions.Should().Contain(c => c.Concept == "deep vein thrombosis" && c.Certainty == Certainty.Historical);
        conditions.Should().Contain(c => c.Concept == "hiv infection" && c.Certainty == Certainty.Negated);
        conditions.Should().Contain(c => c.Concept == "pulmonary embolism" && c.Certainty == Certainty.Hypothetical);
    }

    [Fact]
    public void Extract_Labs_NormaliseUnits()
    {
        var labs = Read().LabResults;

        labs.Should().ContainEquivalentOf(new { Analyte = "hemoglobin", Value = 10.5m, Unit = "g/dL" });
        labs.Should().ContainEquivalentOf(new { Analyte = "neutrophils", Value = 1.8m, Unit = "10^9/L" });
        labs.Should().ContainEquivalentOf(new { Analyte = "platelets", Value = 145m, Unit = "10^9/L" });
        labs.Should().ContainEquivalentOf(new { Analyte = "creatinine", Value = 1m, Unit = "mg/dL" });
        labs.Should().ContainEquivalentOf(new { Analyte = "ast", Value = 32m, Unit = "U/L", UpperLimitOfNormal = 40m });
    }

    [Theory]
    [InlineData("She is 24 weeks pregnant.", true, Certainty.Asserted)]
    [InlineData("A 30-year-old woman. Her pregnancy test is negative and she is not breastfeeding.", false, Certainty.Negated)]
    [InlineData("A 25-year-old woman. Beta hcg: negative for pregnancy.", false, Certainty.Negated)]
    public void Extract_Pregnancy_IsReadWithItsPolarity(string note, bool pregnant, Certainty certainty)
    {
        NoteReader.Extract(note).Pregnant.Should().BeEquivalentTo(new { Value = pregnant, Certainty = certainty });
    }

    [Fact]
    public void Extract_NewbornBornAtGestationalAge_IsNotPregnant()
    {
        NoteReader.Extract("A 3-day-old female infant. She was born at 38 weeks of gestation and is breastfed.").Pregnant.Should().BeNull();
    }

    [Fact]
    public void Extract_SusceptibilityList_IsNotTreatment()
    {
        NoteReader.Extract("Culture grew M. tuberculosis sensitive to the first-line drugs (isoniazid, rifampicin and ethambutol).").Therapies.Should().BeEmpty();
    }

    [Fact]
    public void Extract_SameConditionStatedAndDenied_KeepsTheStatement()
    {
        var conditions = NoteReader.Extract("No history of diabetes. Diagnosed with diabetes last year.").Conditions;

        conditions.Should().ContainSingle().Which.Certainty.Should().Be(Certainty.Asserted);
    }

    [Fact]
    public void Extract_ACancerNamedByABroaderTypeToo_KeepsTheNarrowerWithTheBroaderMentionsStage()
    {
        var diagnoses = NoteReader.Extract("Stage IV T-cell lymphoma diagnosed last year. Biopsy of the new node confirms relapsed PTCL-NOS.").Diagnoses;

        diagnoses.Should().ContainSingle().Which.Should().BeEquivalentTo(new { OncoTreeCode = "PTCL" });
        diagnoses[0].Stage!.Group.Should().Be("IV");
    }

    [Fact]
    public void Extract_EverySpan_PointsIntoTheNote()
    {
        var profile = Read();
        var spans = profile.Conditions.Select(c => c.Span).Concat(profile.Therapies.Select(t => t.Span)).Concat(profile.LabResults.Select(l => l.Span))
            .Concat(profile.Diagnoses.Select(d => d.Span)).Concat(profile.Metastases.Select(m => m.Span)).Concat(profile.Biomarkers.Select(b => b.Span));

        spans.Should().OnlyContain(s => s.HasValue && s.Value.Start >= 0 && s.Value.End <= Note.Length && s.Value.Length > 0);
    }

    [Theory]
    [InlineData("ER+/PR+/HER2- breast cancer", "ESR1:Positive,PGR:Positive,ERBB2:Negative")]
    [InlineData("ER/PR negative, HER2 3+ by IHC", "ESR1:Negative,PGR:Negative,ERBB2:Positive")]
    [InlineData("HER2 1+", "ERBB2:Low")]
    [InlineData("HER2 2+, FISH pending", "ERBB2:Equivocal")]
    [InlineData("triple negative breast cancer", "ESR1:Negative,PGR:Negative,ERBB2:Negative")]
    [InlineData("KRAS G12C mutation; ALK wild type; no EGFR mutation", "KRAS:Positive,ALK:WildType,EGFR:Negative")]
    [InlineData("tested positive for HPV 16", "HPV:Positive")]
    [InlineData("EGFR, ALK and ROS1 are negative", "EGFR:Negative,ALK:Negative,ROS1:Negative")]
    [InlineData("ER 0%, PR 0%, HER2 0 by immunohistochemistry", "ESR1:Negative,PGR:Negative,ERBB2:Negative")]
    [InlineData("ER 0.5%, PR 40%", "ESR1:Negative,PGR:Positive")]
    [InlineData("PD-L1 TPS 0%", "PD-L1:Negative")]
    [InlineData("HER2 0.5 ratio", "")]
    [InlineData("ER 95%, HER2 IHC 0", "ESR1:Positive,ERBB2:Negative")]
    [InlineData("HER2 score 0 on the biopsy", "ERBB2:Negative")]
    [InlineData("HER2 immunohistochemistry 1+", "ERBB2:Low")]
    [InlineData("HER2-positive and oestrogen- and progesterone-receptor negative", "ERBB2:Positive,ESR1:Negative,PGR:Negative")]
    [InlineData("estrogen- or progesterone-receptor positive", "ESR1:Positive,PGR:Positive")]
    [InlineData("no EGFR, KRAS, BRAF or ROS1 alteration", "EGFR:Negative,KRAS:Negative,BRAF:Negative,ROS1:Negative")]
    [InlineData("no EGFR or KRAS mutations were found", "EGFR:Negative,KRAS:Negative")]
    [InlineData("well- and moderately differentiated; progesterone receptor negative", "PGR:Negative")]
    [InlineData("invasive carcinoma of no special type, grade 2, ER Allred 8/8, PR 6/8, HER2 IHC 1+", "ESR1:Positive,PGR:Positive,ERBB2:Low")]
    [InlineData("ER Allred score 2, PR Allred 0", "ESR1:Negative,PGR:Negative")]
    public void Extract_BiomarkerNotation_GivesStatusPerMarker(string note, string expected)
    {
        var found = NoteReader.Extract(note).Biomarkers.Select(b => $"{b.Marker}:{b.Status}");

        found.Should().Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("Mid-abdominal pain radiating to the flank, worsened with coughing.", "cough")]
    [InlineData("Chest pain brought on by exertion and relieved by rest; no wheezing.", "wheezing")]
    public void Extract_WhatWorsensOrEasesASymptom_IsNotAFinding(string note, string absent)
    {
        NoteReader.Extract(note).Conditions.Should().NotContain(c => c.Concept == absent && c.Certainty == Certainty.Asserted);
    }

    [Fact]
    public void Extract_ProgressedOnDrug_IsNotCurrent()
    {
        var therapy = NoteReader.Extract("Progressed on pembrolizumab. Currently on docetaxel.").Therapies;

        therapy.Should().ContainSingle(t => t.Name == "pembrolizumab").Which.Should().BeEquivalentTo(new { ProgressedOn = true, IsCurrent = false });
        therapy.Should().ContainSingle(t => t.Name == "docetaxel").Which.IsCurrent.Should().BeTrue();
    }

    [Theory]
    [InlineData("She now has progressive disease in the lung and liver on osimertinib.", true)]
    [InlineData("Progression of the mediastinal nodes despite nivolumab.", true)]
    [InlineData("No progression on osimertinib at the last scan.", null)]
    [InlineData("She remains progression free on osimertinib.", null)]
    [InlineData("No evidence of progression on osimertinib.", null)]
    public void Extract_ProgressionEarlierInTheSentence_MarksTheDrugItWasOn(string note, bool? progressed)
    {
        var therapy = NoteReader.Extract(note).Therapies;

        therapy.Should().ContainSingle(t => t.Name == "osimertinib" || t.Name == "nivolumab").Which.ProgressedOn.Should().Be(progressed);
    }

    [Fact]
    public void Extract_DrugNamedTwiceProgressingAtTheSecondMention_IsProgressedOn()
    {
        var therapy = NoteReader.Extract("She started osimertinib first line with a good response. She now has progressive disease in the liver on osimertinib.").Therapies;

        therapy.Should().ContainSingle(t => t.Name == "osimertinib").Which.ProgressedOn.Should().BeTrue();
    }

    [Fact]
    public void Extract_SpreadToSitesWithTheirAdjectives_AreMetastases()
    {
        var sites = NoteReader.Extract("A 27-year-old man with a germ cell tumour that had spread to retroperitoneal nodes and the lungs.").Metastases;

        sites.Select(m => m.Site).Should().BeEquivalentTo("lymph node", "lung");
    }

    [Fact]
    public void Extract_TreatedStableBrainMetastases_AreMarkedSo()
    {
        var site = NoteReader.Extract("Brain metastases treated with SRS, now stable and asymptomatic.").Metastases.Single();

        site.Should().BeEquivalentTo(new { Site = "brain", TreatedAndStable = true, Symptomatic = false, Certainty = Certainty.Asserted });
    }

    [Fact]
    public void Extract_LowerCaseLabNamesOfThreeLettersOrMore_AreRead()
    {
        var labs = NoteReader.Extract("plt 98 K/uL, hgb 9.1, Cr 1.3 mg/dl, cr 1.4 mg/dl").LabResults;

        labs.Select(l => $"{l.Analyte} {l.Value} {l.Unit}").Should().Equal("platelets 98 10^9/L", "hemoglobin 9.1 ", "creatinine 1.3 mg/dL");
    }

    [Fact]
    public void Extract_QuestionMarkAfterDiagnosis_IsHypothetical()
    {
        NoteReader.Extract("Hypothyroidism? (TSH 10)").Conditions.Single().Certainty.Should().Be(Certainty.Hypothetical);
    }

    [Fact]
    public void Extract_NegationInsideBrackets_DoesNotReachPastThem()
    {
        var conditions = NoteReader.Extract("Prior CVA (no residual deficits), HTN, HL, DMII").Conditions;

        conditions.Should().OnlyContain(c => c.Certainty != Certainty.Negated);
        conditions.Should().HaveCount(4);
    }

    [Fact]
    public void Extract_Urinalysis_IsNotReadAsBloodResults()
    {
        var labs = NoteReader.Extract("Creatinine: 0.5 mg/dl BUN: 10 mg/dl U/A: Color: yellow Glc: 100 WBC: 2 WBCs/hpf").LabResults;

        labs.Select(l => l.Analyte).Should().Equal("creatinine", "urea nitrogen");
    }

    [Fact]
    public void Extract_AgeFollowedByTheNumber_IsNotALabValue()
    {
        NoteReader.Extract("Pt is a 22yo F with mastocytosis").LabResults.Should().BeEmpty();
    }

    [Fact]
    public void Extract_CancerDescriptors_BecomeStageFlags()
    {
        var diagnosis = NoteReader.Extract("Recurrent unresectable locally advanced pancreatic adenocarcinoma.").Diagnoses.Single();

        diagnosis.Stage.Should().BeEquivalentTo(new { Recurrent = true, Unresectable = true, LocallyAdvanced = true, Metastatic = (bool?)null }, o => o.ExcludingMissingMembers());
        diagnosis.Stage!.Span!.Value.Slice("Recurrent unresectable locally advanced pancreatic adenocarcinoma.").Should().Be("Recurrent unresectable locally advanced");
    }

    [Theory]
    [InlineData("High-grade non-muscle-invasive urothelial carcinoma of the bladder.")]
    [InlineData("Early-stage breast cancer, treated by lumpectomy.")]
    [InlineData("Localised prostate cancer on active surveillance.")]
    public void Extract_EarlyDescriptors_MarkTheCancerAsEarly(string note)
    {
        var diagnosis = NoteReader.Extract(note).Diagnoses.First();

        diagnosis.Stage!.Early.Should().BeTrue();
        diagnosis.Stage.Metastatic.Should().BeNull();
    }

    [Fact]
    public void Extract_MuscleInvasiveWithoutNon_IsNotEarly()
    {
        NoteReader.Extract("Muscle-invasive urothelial carcinoma of the bladder.").Diagnoses.First().Stage?.Early.Should().BeNull();
    }

    [Fact]
    public void Extract_IntravesicalBcg_IsATherapy()
    {
        NoteReader.Extract("Recurred after induction and maintenance BCG.").Therapies.Should().Contain(t => t.Name == "bcg" && t.Classes.Contains("intravesical therapy"));
    }

    [Theory]
    [InlineData("Received first-line carboplatin.", "carboplatin", 1)]
    [InlineData("Now on 2L docetaxel.", "docetaxel", 2)]
    [InlineData("Started docetaxel as second line therapy.", "docetaxel", 2)]
    public void Extract_LineOfTherapy_IsRead(string note, string drug, int line)
    {
        NoteReader.Extract(note).Therapies.Single(t => t.Name == drug).Line.Should().Be(line);
    }

    [Fact]
    public void Extract_StageGroupAndDescriptorInOneSentence_AreMerged()
    {
        var stage = NoteReader.Extract("Metastatic NSCLC, stage IVB.").Diagnoses.Single().Stage!;

        stage.Should().BeEquivalentTo(new { Group = "IVB", Metastatic = true }, o => o.ExcludingMissingMembers());
    }

    [Fact]
    public void Extract_NeverSmoker_NegatesOnlySmoking_NotTheCancerAfterIt()
    {
        const string note = "58-year-old woman, never smoker, with metastatic lung adenocarcinoma, EGFR exon 19 deletion, on osimertinib.";

        var profile = NoteReader.Extract(note);

        profile.Diagnoses.Should().Contain(d => d.OncoTreeCode == "LUAD" && d.Certainty == Certainty.Asserted);
        profile.Biomarkers.Should().Contain(b => b.Marker == "EGFR" && b.Status == BiomarkerStatus.Positive);
        profile.Conditions.Should().Contain(c => c.Concept == "smoking" && c.Certainty == Certainty.Negated);
    }
    [Theory]
    [InlineData("He smokes 20 cigarette per day.", Certainty.Asserted)]
    [InlineData("She smokes frequently and drinks occasionally.", Certainty.Asserted)]
    [InlineData("He has a 40 pack-year history.", Certainty.Asserted)]
    public void Extract_SmokingWrittenAsAVerbOrAnAmount_IsSmoking(string note, Certainty certainty)
    {
        NoteReader.Extract("A 60-year-old patient. " + note).Conditions.Should().Contain(c => c.Concept == "smoking" && c.Certainty == certainty);
    }

    [Fact]
    public void Extract_SymptomsInThePluralOrInLayWords_AreTheirConcepts()
    {
        var conditions = NoteReader.Extract("A 57-year-old man with Parkinson's disease. He experiences tremors, slowness of movement and muscle rigidity. He has headaches.").Conditions;

        conditions.Select(c => c.Concept).Should().Contain(["tremor", "bradykinesia", "muscle rigidity"]);
    }

    [Theory]
    [InlineData("A 66-year-old man with bladder cancer; his kidney function is normal, so he can receive cisplatin.")]
    [InlineData("A 70-year-old man with lymphoma, judged fit for bendamustine.")]
    [InlineData("A 78-year-old woman with stage IA lung adenocarcinoma, medically inoperable; stereotactic radiotherapy is being considered.")]
    [InlineData("A 60-year-old man with rectal cancer; short-course radiotherapy is under consideration.")]
    public void Extract_ATreatmentThePatientCouldHave_IsNotOneHeHad(string note)
    {
        NoteReader.Extract(note).Therapies.Should().NotContain(t => t.Certainty == Certainty.Historical || t.Certainty == Certainty.Asserted);
    }

    [Fact]
    public void Extract_ProcedureTheVisitIsFor_IsPlannedNotDone()
    {
        NoteReader.Extract("A 42-year-old woman came to the clinic to have her flu shot.").Therapies
            .Should().Contain(t => t.Certainty == Certainty.Hypothetical).And.NotContain(t => t.Certainty == Certainty.Historical);
    }

    [Theory]
    [InlineData("A 45-year-old woman with invasive ductal breast cancer, HER2-positive. CXR was remarkable for metastatic lesions.")]
    [InlineData("A 60-year-old man with colon adenocarcinoma. The staging CT showed multiple metastases.")]
    public void ImagingThatFoundMetastases_MakesThePrimaryMetastatic(string note)
    {
        var diagnosis = NoteReader.Extract(note).Diagnoses.Single(d => d.IsPrimary);
        diagnosis.Stage!.Metastatic.Should().BeTrue();
        diagnosis.Stage.MetastaticSpan.Should().NotBeNull();
    }

    [Theory]
    [InlineData("A 60-year-old man with colon adenocarcinoma. The staging CT showed no metastases.")]
    [InlineData("A 60-year-old man with colon adenocarcinoma. CT revealed a 4 cm mass; no distant metastases.")]
    public void ImagingWithoutMetastases_DoesNotMakeItMetastatic(string note)
    {
        NoteReader.Extract(note).Diagnoses.Single(d => d.IsPrimary).Stage?.Metastatic.Should().NotBe(true);
    }

    [Theory]
    [InlineData("A 66-year-old man with pancreatic ductal adenocarcinoma. The mass encases the artery, so the tumour is locally advanced and unresectable.", true, true)]
    [InlineData("A 71-year-old woman with lung adenocarcinoma, stage IIIA. The tumour was deemed unresectable by the thoracic surgeons.", null, true)]
    [InlineData("A 59-year-old man with gastric adenocarcinoma. The cancer is locally advanced.", true, null)]
    [InlineData("A 59-year-old man with gastric adenocarcinoma. The tumour is not locally advanced and is resectable.", null, null)]
    [InlineData("A 59-year-old man with gastric adenocarcinoma. If the tumour is unresectable, chemotherapy will be given.", null, null)]
    public void AnExtentStatedInASentenceOfItsOwn_IsTheStageOfThePrimary(string note, bool? locallyAdvanced, bool? unresectable)
    {
        var stage = NoteReader.Extract(note).Diagnoses.Single(d => d.IsPrimary).Stage;

        stage?.LocallyAdvanced.Should().Be(locallyAdvanced);
        stage?.Unresectable.Should().Be(unresectable);
        if (locallyAdvanced is not null || unresectable is not null)
        {
            stage.Should().NotBeNull();
        }
    }

    [Theory]
    [InlineData("A 30-year-old man with sarcoidosis. HIV, hepatitis B and hepatitis C tests are negative.", "HIV")]
    [InlineData("A 30-year-old man with sarcoidosis. HIV, hepatitis B and hepatitis C tests are negative.", "hepatitis B")]
    [InlineData("A 30-year-old man with asthma. Hepatitis B or HIV serologies were negative.", "hepatitis B")]
    public void Extract_HeadOfAListAPluralVerbNegates_IsNegated(string note, string text)
    {
        var profile = NoteReader.Extract(note);

        profile.Conditions.Should().Contain(c => string.Equals(c.Text, text, StringComparison.OrdinalIgnoreCase)).Which.Certainty.Should().Be(Certainty.Negated);
    }

    [Fact]
    public void Extract_ConditionBeforeAClauseOfItsOwn_IsNotNegatedByALaterList()
    {
        var profile = NoteReader.Extract("A 30-year-old man has diabetes and takes metformin; his HIV and hepatitis tests are negative.");

        profile.Conditions.Should().Contain(c => c.Text == "diabetes").Which.Certainty.Should().Be(Certainty.Asserted);
    }

    [Fact]
    public void Extract_ProceduresAListSaysWereNegative_WereDone()
    {
        var profile = NoteReader.Extract("A 44-year-old woman with Burkitt lymphoma. A lumbar puncture and bone marrow biopsy were negative for any involvement.");

        profile.Therapies.Should().Contain(t => t.Name == "lumbar puncture").Which.Certainty.Should().NotBe(Certainty.Negated);
    }

    [Fact]
    public void Extract_CancerResectedWithNegativeMargins_IsStillTheDiagnosis()
    {
        var profile = NoteReader.Extract("A 58-year-old man had a nephrectomy for a clear cell renal cell carcinoma, with negative margins and no residual disease.");

        profile.Diagnoses.Should().ContainSingle().Which.Certainty.Should().NotBe(Certainty.Negated);
    }

    [Fact]
    public void Extract_TreatmentThePatientAskedAbout_IsNotGiven()
    {
        var profile = NoteReader.Extract("A 24-year-old woman with Hodgkin lymphoma; she has asked about fertility preservation.");

        profile.Therapies.Should().OnlyContain(t => t.Certainty == Certainty.Hypothetical);
    }

    [Theory]
    [InlineData("A 66-year-old man with prostate cancer treated with pelvic radiotherapy in 2019.", "pelvic")]
    [InlineData("A 60-year-old man with brain metastases after whole-brain radiotherapy.", "whole brain")]
    [InlineData("A 50-year-old woman who had radiotherapy to the chest wall after mastectomy.", "chest wall")]
    [InlineData("A 50-year-old woman who had radiotherapy after lumpectomy.", null)]
    public void Extract_ARadiotherapyKeepsTheFieldItWasGivenTo(string note, string? site)
    {
        NoteReader.Extract(note).Therapies.Single(t => t.Kind == TherapyKind.Radiotherapy).Site.Should().Be(site);
    }

    [Theory]
    [InlineData("She declines chemotherapy.")]
    [InlineData("He refuses chemotherapy and wants surveillance.")]
    public void Extract_TherapyDeclined_IsNoHistory(string note)
    {
        NoteReader.Extract(note).Therapies.Should().NotContain(t => t.Certainty == Certainty.Historical || t.Certainty == Certainty.Asserted);
    }
}
