using TrialAccess.Patients;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Core.Tests.Patients.Notes;

/// <summary>Cancers a note names as criteria name them: the whole curated catalogue, and names with the place in the organ.</summary>
public class NoteCancerNamesTests
{
    [Theory]
    [InlineData("A 55-year-old woman with metastatic pancreatic neuroendocrine tumor progressing after octreotide.", "PANET")]
    [InlineData("A 70-year-old man with mantle cell lymphoma in first relapse.", "MCL")]
    [InlineData("A 66-year-old man with a GIST of the stomach.", "GIST")]
    [InlineData("A 53-year-old man with adenocarcinoma of the mid rectum, cT3N1.", "READ")]
    [InlineData("A 61-year-old woman with adenocarcinoma of the head of the pancreas.", "PAAD")]
    [InlineData("A 58-year-old woman had a Whipple procedure for ductal adenocarcinoma of the pancreatic head.", "PAAD")]
    [InlineData("A 70-year-old man with adenocarcinoma of the gastric antrum.", "STAD")]
    [InlineData("A 60-year-old woman underwent hemicolectomy for adenocarcinoma of the colon.", "COAD")]
    [InlineData("A 64-year-old man with squamous cell carcinoma of the distal oesophagus.", "ESCC")]
    [InlineData("A 57-year-old woman treated with plaque brachytherapy for choroidal melanoma.", "UM")]
    [InlineData("A 62-year-old woman had a lumpectomy for a 2 cm invasive ductal carcinoma of the left breast.", "IDC")]
    [InlineData("A 58-year-old man with JAK2-positive polycythaemia vera on venesection.", "PV")]
    [InlineData("A 66-year-old woman with a FIGO stage IB uterine serous carcinoma after hysterectomy.", "USC")]
    [InlineData("A 70-year-old man with post-polycythemia vera myelofibrosis.", "PMF")]
    [InlineData("A 64-year-old woman with a leiomyosarcoma of the uterus.", "ULMS")]
    [InlineData("A 60-year-old man has a 4 cm mass in the right upper lobe. A CT-guided biopsy showed adenocarcinoma.", "LUAD")]
    [InlineData("A 61-year-old man has a 5 cm squamous cell carcinoma of the left lower lobe, stage IIIB.", "LUSC")]
    [InlineData("A 63-year-old man. Endoscopy found an ulcerated tumour of the distal oesophagus; biopsies show a moderately differentiated adenocarcinoma.", "ESCA")]
    [InlineData("A 58-year-old woman with a pancreatic mass on CT. EUS-guided biopsy: adenocarcinoma.", "PAAD")]
    [InlineData("A 66-year-old woman has a 4 cm squamous cell carcinoma of the anal canal, T2 N1.", "ANSC")]
    [InlineData("A 72-year-old man with an ulcerated tumour of the anus. Biopsy: squamous carcinoma.", "ANSC")]
    [InlineData("A 79-year-old woman with a 3 cm squamous cell carcinoma of the right vulva.", "VULVA")]
    [InlineData("An 80-year-old woman noticed a lump in her left breast. Core biopsy: invasive carcinoma of no special type.", "BRCA")]
    [InlineData("A 70-year-old woman has a 3 cm mass in the upper outer quadrant. Core biopsy: invasive carcinoma.", "BRCA")]
    public void TheCancer_IsReadWithItsCode_AlsoWhenNamedInTwoParts(string note, string code)
    {
        var diagnosis = NoteReader.Extract(note).Diagnoses.Should().ContainSingle().Subject;
        diagnosis.OncoTreeCode.Should().Be(code);
        diagnosis.Certainty.Should().Be(Certainty.Asserted);
    }

    [Theory]
    [InlineData("A 62-year-old woman with breast cancer, pT2 pN1a.", "T2", "N1a")]
    [InlineData("A 62-year-old woman with breast cancer, pT1c pN0 cM0.", "T1c", "N0")]
    [InlineData("A 53-year-old man with rectal cancer, cT3N1 on MRI.", "T3", "N1")]
    public void TheTnmStage_IsReadWithOrWithoutPrefixesOnEachPart(string note, string t, string n)
    {
        var stage = NoteReader.Extract(note).Diagnoses.Should().ContainSingle().Subject.Stage;
        stage!.T.Should().Be(t);
        stage.N.Should().Be(n);
    }

    [Fact]
    public void AnAbbreviationThatIsAWord_CountsOnlyInCapitals()
    {
        NoteReader.Extract("A 40-year-old man. The gist of the visit was reassurance about his cough.").Diagnoses.Should().BeEmpty();
    }

    [Theory]
    [InlineData("She has not started adjuvant chemotherapy.")]
    [InlineData("He is yet to start chemotherapy.")]
    public void ATreatmentNotYetStarted_IsNegated(string sentence)
    {
        var therapy = NoteReader.Extract("A 60-year-old woman with colon cancer. " + sentence).Therapies.Should().ContainSingle().Subject;
        therapy.Certainty.Should().Be(Certainty.Negated);
    }

    [Fact]
    public void ADrugOfTheCatalogue_IsReadFromANote()
    {
        var therapy = NoteReader.Extract("A 60-year-old man with colon cancer. He takes rivaroxaban long term.").Therapies.Should().ContainSingle().Subject;
        therapy.Name.Should().Be("rivaroxaban");
        therapy.Classes.Should().Contain("anticoagulant");
    }

    [Theory]
    [InlineData("He still needs venesections on hydroxyurea and meets the criteria for hydroxyurea resistance.")]
    [InlineData("His counts stay high despite hydroxyurea, so he has hydroxyurea failure.")]
    public void ResistanceToADrug_IsProgressionOnIt(string sentence)
    {
        var therapy = NoteReader.Extract("A 58-year-old man with polycythemia vera. " + sentence).Therapies.Should().ContainSingle(t => t.Name == "hydroxyurea").Subject;
        therapy.ProgressedOn.Should().BeTrue();
    }

    [Theory]
    [InlineData("She is weighing adjuvant chemotherapy.")]
    [InlineData("She has declined chemotherapy.")]
    [InlineData("She would like a trial before she starts chemotherapy.")]
    public void ATreatmentStillBeingDecided_IsNotOneReceived(string sentence)
    {
        var therapy = NoteReader.Extract("A 66-year-old woman with endometrial cancer. " + sentence).Therapies.Should().ContainSingle().Subject;
        therapy.Certainty.Should().NotBe(Certainty.Historical).And.NotBe(Certainty.Asserted);
    }

    [Theory]
    [InlineData("A 60-year-old woman with a pancreatic mass; the biopsy was suspicious for adenocarcinoma and is being repeated.")]
    [InlineData("A 60-year-old woman with a pancreatic mass; the biopsy showed no adenocarcinoma.")]
    [InlineData("A 60-year-old woman has a mass in the right upper lobe and a mass in the left breast; biopsies are pending.")]
    [InlineData("A 60-year-old man with a lung mass; biopsy pending. His mother had breast adenocarcinoma.")]
    public void AnOrganWithoutAConfirmedHistology_OrTwoOrgans_NameNoCancer(string note)
    {
        // A relative's cancer ("His mother had breast adenocarcinoma") is read as family history, never as the patient's.
        NoteReader.Extract(note).Diagnoses.Should().NotContain(d => d.OncoTreeCode != null && d.OncoTreeCode != "TISSUE" && d.Certainty != Certainty.FamilyHistory);
    }

    [Fact]
    public void AStageInASentenceOfItsOwn_BelongsToTheCancerLastNamed()
    {
        var stage = NoteReader.Extract("A 63-year-old man has oesophageal adenocarcinoma. PET-CT stages it cT3 N1 M0.").Diagnoses.Should().ContainSingle().Subject.Stage;
        stage!.T.Should().Be("T3");
        stage.N.Should().Be("N1");
    }

    [Theory]
    [InlineData("A 7-year-old boy has a diffuse intrinsic pontine glioma.", "DMG")]
    [InlineData("A 9-year-old girl with a diffuse midline glioma, H3 K27M-altered.", "DMG")]
    [InlineData("A 70-year-old woman with newly diagnosed primary CNS lymphoma.", "PCNSL")]
    [InlineData("A 66-year-old man with oesophageal cancer.", "ESO")]
    [InlineData("A 31-year-old woman; colposcopic biopsies show cervical intraepithelial neoplasia grade 3 (CIN3).", "CIN")]
    public void CancersTheCatalogueNowNames_AreRead(string note, string code)
    {
        var catalog = TrialAccess.Vocabulary.OncologyVocabulary.BuiltIn.CancerTypes;
        NoteReader.Extract(note).Diagnoses.Should().Contain(d => (d.OncoTreeCode ?? catalog.Resolve(d.Text)) == code);
    }

    [Theory]
    [InlineData("She has had no treatment other than dexamethasone 4 mg twice daily.")]
    [InlineData("He has had no treatment apart from dexamethasone, and focal radiotherapy to the pons is planned to start in two weeks.")]
    [InlineData("He has had no systemic treatment, only dexamethasone for headache.")]
    public void WhatANegationExcepts_WasGiven(string sentence)
    {
        var therapy = NoteReader.Extract("A 70-year-old with lymphoma. " + sentence).Therapies.Should().Contain(t => t.Name == "dexamethasone").Subject;
        therapy.Certainty.Should().BeOneOf(Certainty.Asserted, Certainty.Historical);
    }

    [Fact]
    public void ATypeWhoseNameNamesAnother_IsTheNarrowerDiagnosis_ThoughOncoTreeFilesThemSideBySide()
    {
        var diagnoses = NoteReader.Extract("A 70-year-old woman: the biopsy showed a diffuse large B-cell lymphoma, and staging found no disease outside the brain, so this is a primary CNS lymphoma.").Diagnoses;

        diagnoses.Should().ContainSingle().Which.OncoTreeCode.Should().Be("PCNSL");
    }

    [Theory]
    [InlineData("A 56-year-old woman with a pancreatic mass. Liver biopsy showed a well-differentiated pancreatic neuroendocrine tumour, grade 2.", true)]
    [InlineData("A 60-year-old man with a cough. Lung biopsy showed adenocarcinoma of the lung.", false)]
    public void ABiopsyOfADistantSite_ShowingACancerOfAnotherOrgan_IsAMetastasis(string note, bool metastatic)
    {
        var profile = NoteReader.Extract(note);

        profile.Diagnoses.Should().ContainSingle().Which.Stage?.Metastatic.Should().Be(metastatic ? true : null);
        profile.Metastases.Any(m => m.Site == "liver").Should().Be(metastatic);
    }

    [Theory]
    [InlineData("A 47-year-old man had a melanoma excised from his back. He now has a palpable axillary node; core biopsy of the node shows metastatic melanoma. Clinical stage IIIB.", false)]
    [InlineData("A 47-year-old man with melanoma. Biopsy of a liver lesion and a node shows metastatic melanoma.", true)]
    [InlineData("A 60-year-old woman with metastatic melanoma to the lungs.", true)]
    public void MetastaticInANodeOnly_IsRegionalSpread_NotDistant(string note, bool metastatic)
    {
        var diagnosis = NoteReader.Extract(note).Diagnoses.Should().ContainSingle().Subject;
        (diagnosis.Stage?.Metastatic == true).Should().Be(metastatic);
    }
}
