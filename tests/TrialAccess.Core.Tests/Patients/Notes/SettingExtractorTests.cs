using TrialAccess.Patients;
using TrialAccess.Patients.Notes;

namespace TrialAccess.Core.Tests.Patients.Notes;

public sealed class SettingExtractorTests
{
    [Fact]
    public void Extract_NotHadChemotherapy_NegatesTheChemotherapy()
    {
        NoteReader.Extract("She has not had chemotherapy or immunotherapy.").Therapies.Should().Contain(t => t.Name == "chemotherapy").And.OnlyContain(t => t.Certainty == Certainty.Negated);
    }

    [Theory]
    [InlineData("Multiagent chemotherapy with later local control by surgery and/or radiotherapy is planned.", "chemotherapy", Certainty.Hypothetical)]
    [InlineData("Cisplatin was given with radiotherapy; surgery is planned.", "cisplatin", Certainty.Historical)]
    public void Extract_TheSubjectOfIsPlanned_IsNotReceived(string note, string therapy, Certainty certainty)
    {
        NoteReader.Extract(note).Therapies.Should().Contain(t => t.Name == therapy).Which.Certainty.Should().Be(certainty);
    }

    private static List<DiseaseSetting> Settings(string note) => NoteReader.Extract(note).Settings.Select(s => s.Setting).ToList();

    [Theory]
    [InlineData("64-year-old man with a newly diagnosed glioblastoma.", DiseaseSetting.NewlyDiagnosed)]
    [InlineData("A 63-year-old man was just diagnosed with prostate adenocarcinoma.", DiseaseSetting.NewlyDiagnosed)]
    [InlineData("He has received no systemic therapy yet.", DiseaseSetting.Untreated)]
    [InlineData("He has not received chemotherapy or immunotherapy.", DiseaseSetting.Untreated)]
    [InlineData("She has never been treated.", DiseaseSetting.Untreated)]
    [InlineData("No prior treatment.", DiseaseSetting.Untreated)]
    [InlineData("She has received no treatment for metastatic disease.", DiseaseSetting.Untreated)]
    [InlineData("CT shows peritoneal recurrence.", DiseaseSetting.Relapsed)]
    [InlineData("Diffuse large B-cell lymphoma relapsed after R-CHOP.", DiseaseSetting.Relapsed)]
    [InlineData("New lung nodules; he has not yet had any salvage treatment.", DiseaseSetting.Relapsed)]
    [InlineData("Hodgkin lymphoma treated with salvage chemotherapy and an autologous transplant.", DiseaseSetting.Relapsed)]
    [InlineData("He has had four prior lines including lenalidomide.", DiseaseSetting.PreviouslyTreated)]
    [InlineData("He is refractory to lenalidomide and bortezomib.", DiseaseSetting.PreviouslyTreated)]
    [InlineData("Metastatic castration-resistant prostate cancer.", DiseaseSetting.CastrationResistant)]
    [InlineData("Metastatic hormone-sensitive prostate cancer.", DiseaseSetting.CastrationSensitive)]
    [InlineData("Recurrence 30 months after her last platinum dose.", DiseaseSetting.PlatinumSensitive)]
    [InlineData("Progression 3 months after carboplatin.", DiseaseSetting.PlatinumResistant)]
    [InlineData("Her disease is platinum-resistant.", DiseaseSetting.PlatinumResistant)]
    [InlineData("High-grade bladder cancer, BCG-unresponsive.", DiseaseSetting.PreviouslyTreated)]
    [InlineData("Gastrointestinal stromal tumour, now imatinib-resistant.", DiseaseSetting.PreviouslyTreated)]
    [InlineData("IPSS-R low risk myelodysplastic syndrome.", DiseaseSetting.LowerRisk)]
    [InlineData("Classic medulloblastoma without MYC amplification, therefore standard-risk disease.", DiseaseSetting.LowerRisk)]
    [InlineData("Average-risk medulloblastoma after gross total resection.", DiseaseSetting.LowerRisk)]
    [InlineData("Poor-risk acute myeloid leukemia.", DiseaseSetting.HigherRisk)]
    [InlineData("Subtotal resection found an IDH1-mutant astrocytoma, ATRX lost, CNS WHO grade 2.", DiseaseSetting.LowGrade)]
    [InlineData("A grade II oligodendroglioma of the right frontal lobe.", DiseaseSetting.LowGrade)]
    [InlineData("A low-grade glioma of the optic pathway.", DiseaseSetting.LowGrade)]
    [InlineData("High-grade serous carcinoma of the ovary.", DiseaseSetting.HighGrade)]
    [InlineData("Newly diagnosed glioblastoma, MGMT unmethylated.", DiseaseSetting.HighGrade)]
    [InlineData("Chronic-phase chronic myeloid leukaemia on imatinib.", DiseaseSetting.ChronicPhase)]
    [InlineData("CML that has progressed to blast crisis.", DiseaseSetting.AdvancedPhase)]
    [InlineData("Primary myelofibrosis, DIPSS intermediate-2.", DiseaseSetting.HigherRisk)]
    [InlineData("The surgeons consider the gastric cancer resectable.", DiseaseSetting.Operable)]
    [InlineData("Bladder cancer invading muscle; a radical cystectomy is planned.", DiseaseSetting.Operable)]
    [InlineData("The sarcoma team recommends preoperative radiotherapy followed by wide local excision.", DiseaseSetting.Operable)]
    [InlineData("She is to have neoadjuvant chemotherapy, then a mastectomy.", DiseaseSetting.Operable)]
    [InlineData("She has been judged not fit for an allogeneic transplant.", DiseaseSetting.TransplantIneligible)]
    [InlineData("Transplant-ineligible multiple myeloma.", DiseaseSetting.TransplantIneligible)]
    [InlineData("He is not a candidate for stem cell transplantation because of his age.", DiseaseSetting.TransplantIneligible)]
    [InlineData("Newly diagnosed myeloma, transplant-eligible.", DiseaseSetting.TransplantEligible)]
    [InlineData("He is a candidate for autologous stem cell transplant.", DiseaseSetting.TransplantEligible)]
    [InlineData("Five years of adjuvant anastrozole ended four years ago. She has not had any treatment for the metastatic disease.", DiseaseSetting.Untreated)]
    public void Extract_ReadsTheStatedSetting(string note, DiseaseSetting setting)
    {
        Settings(note).Should().Contain(setting);
    }

    [Theory]
    [InlineData("She has newly diagnosed brain metastases from breast cancer.")]
    [InlineData("She has not had lenvatinib or sorafenib.")]
    [InlineData("He has not received enfortumab vedotin.")]
    [InlineData("Her mother had newly diagnosed breast cancer.")]
    [InlineData("There is no evidence of recurrence.")]
    [InlineData("Adjuvant therapy lowers the risk of recurrence.")]
    [InlineData("He has recurrent urinary tract infections.")]
    [InlineData("Papillary thyroid cancer, radioiodine-refractory.")]
    [InlineData("Lung cancer and a methicillin-resistant Staphylococcus aureus infection.")]
    [InlineData("She is at high risk of falls.")]
    [InlineData("High-risk HPV was found on cervical screening.")]
    [InlineData("She has had a low-grade fever for three days.")]
    [InlineData("She has had no systemic treatment since the chemoradiation.")]
    [InlineData("Biopsy of the Barrett's segment showed high-grade dysplasia.")]
    [InlineData("Cervical smear showed a high-grade squamous intraepithelial lesion.")]
    [InlineData("Invasive ductal carcinoma, grade 2, of the left breast.")]
    [InlineData("An astrocytoma, WHO grade 2-3 on review.")]
    [InlineData("Her blood counts are normal, with no circulating blasts.")]
    [InlineData("The pancreatic cancer is unresectable.")]
    [InlineData("In 2019 she had chemotherapy followed by a mastectomy.")]
    [InlineData("Alectinib gave a response lasting 30 months before progression. She has not had chemotherapy or immunotherapy.")]
    public void Extract_ReadsNoSettingFromOtherWords(string note)
    {
        Settings(note).Should().BeEmpty();
    }

    [Fact]
    public void Extract_KeepsTheNumberOfPriorLines_AndTheWords()
    {
        const string Note = "She has received two prior lines of therapy.";
        var statement = NoteReader.Extract(Note).Settings.Should().ContainSingle().Subject;

        statement.PriorLines.Should().Be(2);
        statement.Span!.Value.Slice(Note).Should().Be("two prior lines");
    }

    [Fact]
    public void Extract_ADurationBetweenProgressionAndTheDrug_StillMarksItProgressedOn()
    {
        NoteReader.Extract("She progressed after 18 months of letrozole plus palbociclib.").Therapies
            .Should().Contain(t => t.Name == "letrozole" && t.ProgressedOn == true);
        NoteReader.Extract("She took letrozole for 18 months without progression.").Therapies
            .Should().NotContain(t => t.ProgressedOn == true);
    }

    [Fact]
    public void Extract_SitesJoinedBeforeOneMetastasisWord_AreEachMetastases()
    {
        NoteReader.Extract("Breast cancer with bone and liver metastases.").Metastases.Select(m => m.Site)
            .Should().Contain(["bone", "liver"]);
    }

    [Fact]
    public void Treatment_AProgressionOnTherapy_OutranksAStatementOfNoChemotherapy()
    {
        var patient = NoteReader.Extract("Metastatic breast cancer. She progressed after 18 months of letrozole plus palbociclib. No prior chemotherapy for metastatic disease.");

        PatientSetting.Treatment(patient)!.Value.Should().Be(TreatmentState.PreviouslyTreated);
    }

    [Fact]
    public void Treatment_RelapseAfterRecordedChemotherapy_IsPreviouslyTreated_ButRelapseAloneIsNot()
    {
        PatientSetting.Treatment(NoteReader.Extract("Ovarian cancer treated with carboplatin and paclitaxel three years ago. CT shows peritoneal recurrence."))!
            .Value.Should().Be(TreatmentState.PreviouslyTreated);
        PatientSetting.Treatment(NoteReader.Extract("Colon cancer resected three years ago. CT shows a liver recurrence."))!
            .Value.Should().Be(TreatmentState.Relapsed);
    }

    [Fact]
    public void Treatment_RelapseAfterASupportiveDrugOnly_IsNotPreviouslyTreated()
    {
        PatientSetting.Treatment(NoteReader.Extract("Multiple myeloma, given pamidronate last year. Now with recurrent disease."))!
            .Value.Should().Be(TreatmentState.Relapsed);
    }

    [Fact]
    public void Treatment_UntreatedForMetastaticDisease_AfterCurativeChemotherapy_IsUntreated()
    {
        var patient = NoteReader.Extract("Triple-negative breast cancer treated two years ago with neoadjuvant chemotherapy now has lung metastases. She has received no treatment for metastatic disease.");

        PatientSetting.Treatment(patient)!.Value.Should().Be(TreatmentState.Untreated);
    }

    [Fact]
    public void Castration_ANewlyDiagnosedProstateCancer_IsPresumedSensitive_AndAStatementWins()
    {
        PatientSetting.CastrationResistant(NoteReader.Extract("A 63-year-old man was just diagnosed with prostate adenocarcinoma with bone metastases."))
            .Should().BeEquivalentTo(new { Value = false, Presumed = true });
        PatientSetting.CastrationResistant(NoteReader.Extract("Metastatic castration-resistant prostate cancer."))!.Value.Should().BeTrue();
        PatientSetting.CastrationResistant(NoteReader.Extract("Prostate cancer with bone metastases.")).Should().BeNull();
    }
}
