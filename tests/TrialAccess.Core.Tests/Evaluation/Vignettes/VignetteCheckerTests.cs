using TrialAccess.Evaluation.Vignettes;
using TrialAccess.Trials;
using TrialAccess.Vocabulary;

namespace TrialAccess.Core.Tests.Evaluation.Vignettes;

public class VignetteCheckerTests
{
    private static int _next = 1;

    private static ClinicalTrial Trial(string title, params string[] conditions) => new()
    {
        NctId = NctId.Parse($"NCT{Interlocked.Increment(ref _next):D8}"),
        BriefTitle = title,
        Conditions = conditions,
    };

    private static readonly VignetteChecker Checker = new(OncologyVocabulary.BuiltIn.CancerTypes);

    private static readonly SettingMarker Her2Positive = new("HER2-positive", ["HER2-positive", "HER2+"], []);

    private static readonly SettingMarker SmallCell = new("small cell lung cancer", ["small cell lung"], ["non-small cell"]);

    private static Vignette Breast(int minimum = 3, BasketTrials basket = BasketTrials.None) =>
        new("breast", "note", new CancerTarget(["BREAST"], [], [], basket), minimum, [Her2Positive]);

    [Fact]
    public void IsOnTarget_TrialNamingADescendantType_IsOnTarget()
    {
        var target = new CancerTarget(["NSCLC"], [], [], BasketTrials.None);

        Checker.IsOnTarget(Trial("Osimertinib in lung adenocarcinoma"), target).Should().BeTrue();
        Checker.IsOnTarget(Trial("A study", "Non-small Cell Lung Cancer"), target).Should().BeTrue();
        Checker.IsOnTarget(Trial("Topotecan in small cell lung cancer"), target).Should().BeFalse();
    }

    [Fact]
    public void IsOnTarget_ExactType_AcceptsItselfButNotItsOtherDescendants()
    {
        var target = new CancerTarget(["NSCLC"], ["LUNG"], [], BasketTrials.None);

        Checker.IsOnTarget(Trial("Screening for lung cancer"), target).Should().BeTrue();
        Checker.IsOnTarget(Trial("Extensive stage small cell lung cancer"), target).Should().BeFalse();
    }

    [Fact]
    public void IsOnTarget_BasketTrial_CountsOnlyWhereTheVignetteAllowsIt()
    {
        var basket = Trial("Pembrolizumab in advanced solid tumors");

        Checker.IsOnTarget(basket, new CancerTarget(["BREAST"], [], [], BasketTrials.None)).Should().BeFalse();
        Checker.IsOnTarget(basket, new CancerTarget(["BREAST"], [], [], BasketTrials.Solid)).Should().BeTrue();
        Checker.IsOnTarget(Trial("A drug in advanced cancer"), new CancerTarget(["BREAST"], [], [], BasketTrials.Solid)).Should().BeTrue();
        Checker.IsOnTarget(basket, new CancerTarget(["AML"], [], [], BasketTrials.Hematologic)).Should().BeFalse();
    }

    [Fact]
    public void IsOnTarget_Terms_PutATrialWithoutACodeOnTarget()
    {
        Checker.IsOnTarget(Trial("Dinutuximab in ganglioneuroblastoma"), new CancerTarget([], [], ["ganglioneuroblastoma"], BasketTrials.None)).Should().BeTrue();
    }

    [Fact]
    public void HasMarker_MatchesWholeWordsAcrossPunctuationAndKeepsPlus()
    {
        Checker.HasMarker(Trial("Trastuzumab for HER2 Positive breast cancer"), Her2Positive).Should().BeTrue();
        Checker.HasMarker(Trial("T-DM1 in HER2+ breast cancer"), Her2Positive).Should().BeTrue();
        Checker.HasMarker(Trial("Endocrine therapy in HER2-negative breast cancer"), Her2Positive).Should().BeFalse();
        Checker.HasMarker(Trial("A study", "HER2-positive Breast Cancer"), Her2Positive).Should().BeTrue();
    }

    [Fact]
    public void HasMarker_ExceptPhrasesAreBlankedFirst()
    {
        Checker.HasMarker(Trial("Docetaxel in non-small cell lung cancer"), SmallCell).Should().BeFalse();
        Checker.HasMarker(Trial("Lurbinectedin in small cell lung cancer"), SmallCell).Should().BeTrue();
    }

    [Fact]
    public void HasMarker_ReadsTheOfficialTitle()
    {
        var trial = Trial("TRIAL-7") with { OfficialTitle = "A Phase 3 Study in HER2-positive Metastatic Breast Cancer" };

        Checker.HasMarker(trial, Her2Positive).Should().BeTrue();
    }

    [Fact]
    public void Check_TopListOnTargetWithoutMarkers_Passes()
    {
        ClinicalTrial[] corpus = [Trial("Fulvestrant in breast cancer"), Trial("Exercise in breast cancer"), Trial("CDK4/6 in breast cancer")];

        var outcome = Checker.Check(Breast(), corpus, corpus);

        outcome.Passed.Should().BeTrue();
        outcome.OnTarget.Should().Be(3);
        outcome.Violations.Should().BeEmpty();
    }

    [Fact]
    public void Check_TooFewOnTarget_FailsAndNamesTheOffTargetTrials()
    {
        var colon = Trial("FOLFOX in colon cancer");
        ClinicalTrial[] corpus = [Trial("Fulvestrant in breast cancer"), Trial("Exercise in breast cancer"), Trial("CDK4/6 in breast cancer"), colon];

        var outcome = Checker.Check(Breast(), [corpus[0], colon, corpus[1]], corpus);

        outcome.Passed.Should().BeFalse();
        outcome.OnTargetRequired.Should().Be(3);
        outcome.Violations.Should().ContainSingle().Which.Should().Be(new VignetteViolation(colon.NctId, 2, colon.BriefTitle, VignetteChecker.OnTargetProperty));
    }

    [Fact]
    public void Check_MinimumIsLoweredToTheOnTargetTrialsInTheCorpus()
    {
        var breast = Trial("Fulvestrant in breast cancer");
        var colon = Trial("FOLFOX in colon cancer");

        var outcome = Checker.Check(Breast(minimum: 8), [breast, colon], [breast, colon]);

        outcome.OnTargetInCorpus.Should().Be(1);
        outcome.OnTargetRequired.Should().Be(1);
        outcome.Passed.Should().BeTrue();
    }

    [Fact]
    public void Check_ForbiddenMarkerInTopList_FailsWhenTheCorpusHasAnOnTargetTrialWithoutIt()
    {
        var positive = Trial("Trastuzumab in HER2-positive breast cancer");
        ClinicalTrial[] corpus = [positive, Trial("Fulvestrant in breast cancer")];

        var outcome = Checker.Check(Breast(minimum: 1), [positive], corpus);

        outcome.Passed.Should().BeFalse();
        outcome.Violations.Should().ContainSingle().Which.Property.Should().Be("forbidden: HER2-positive");
    }

    [Fact]
    public void Check_ForbiddenMarkerCarriedByEveryOnTargetTrial_IsNotEnforced()
    {
        var positive = Trial("Trastuzumab in HER2-positive breast cancer");
        ClinicalTrial[] corpus = [positive, Trial("FOLFOX in colon cancer")];

        var outcome = Checker.Check(Breast(minimum: 1), [positive], corpus);

        outcome.Passed.Should().BeTrue();
        outcome.UnenforcedMarkers.Should().Equal("HER2-positive");
    }

    [Fact]
    public void HasMarker_ATrialThatAlsoNamesThePatientsOwnSetting_DoesNotCarryIt()
    {
        var recurrent = new SettingMarker("recurrent disease", ["recurrent", "relapsed"], []) { UnlessAlso = ["newly diagnosed"] };

        Checker.HasMarker(Trial("Temozolomide in Newly Diagnosed or Recurrent Glioma"), recurrent).Should().BeFalse();
        Checker.HasMarker(Trial("Bevacizumab in Recurrent Glioblastoma"), recurrent).Should().BeTrue();
    }

    [Fact]
    public void IsOnTarget_ReadsAConditionAsAHeading()
    {
        var target = new CancerTarget(["HCC"], [], [], BasketTrials.None);

        Checker.IsOnTarget(Trial("Sorafenib after chemoembolization", "Carcinoma, Hepatocellular"), target).Should().BeTrue();
    }

    [Fact]
    public void Parse_ReadsTheFormatAndRefusesAVignetteWithoutTarget()
    {
        const string json = """
            {"vignettes": [{"id": "a", "note": "55-year-old woman with breast cancer.", "onTarget": {"cancerTypes": ["BREAST"], "basket": "solid"}, "minOnTarget": 8,
              "forbidden": [{"name": "HER2-positive", "terms": ["HER2-positive"], "except": ["HER2-positive or negative"], "unlessAlso": ["HER2-negative"]}]}]}
            """;

        var (vignettes, error) = VignetteSuite.Parse(json);

        error.Should().BeNull();
        vignettes.Should().NotBeNull().And.ContainSingle();
        vignettes![0].OnTarget.Basket.Should().Be(BasketTrials.Solid);
        vignettes[0].Forbidden[0].Except.Should().Equal("HER2-positive or negative");
        vignettes[0].Forbidden[0].UnlessAlso.Should().Equal("HER2-negative");
        VignetteSuite.Parse("""{"vignettes": [{"id": "a", "note": "x", "onTarget": {}, "minOnTarget": 8}]}""").Error.Should().Be("vignettes[0] (a): onTarget needs cancerTypes, exactTypes or terms");
        VignetteSuite.Parse("""{"vignettes": [{"id": "a", "note": "x", "onTarget": {"cancerTypes": ["BREAST"]}, "minOnTarget": 11}]}""").Error.Should().Be("vignettes[0] (a): minOnTarget must be between 0 and 10");
    }

    [Fact]
    public void Parse_TheSuitesInTheRepository_Read()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Evaluation", "Vignettes");

        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-dev.json"))).Vignettes.Should().HaveCount(30);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-2.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-3.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-4.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-5.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-6.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-7.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-8.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-9.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-10.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-11.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-12.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-13.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-14.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-15.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-16.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-17.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-18.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-19.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-20.json"))).Vignettes.Should().HaveCount(10);
        VignetteSuite.Parse(File.ReadAllText(Path.Combine(folder, "oncology-heldback-21.json"))).Vignettes.Should().HaveCount(10);
    }
}
